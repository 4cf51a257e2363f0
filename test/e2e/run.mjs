// Runs a mocha suite inside a real VS Code extension host: code-server 4.100.3 (VS Code 1.100.3) on loopback,
// driven by Debian's headless Chromium through playwright-core (see ../shared/docs/recipes.md).
//
// usage: node test/e2e/run.mjs [--suite FILE.js] [--workspace DIR] [--extension DIR] [--extensions-dir DIR]
//                              [--name NAME] [--timeout SECONDS]
// Defaults: the bundled suite test/e2e/out/suite/index.js, the fixture workspace test/e2e/workspace (the editor
// opens a scratch copy of it), the repository as the extension under development, a scratch extensions folder,
// name "e2e", 180 s.
// Env: CODE_SERVER (binary; default .cache/code-server/...), CHROMIUM (default /usr/bin/chromium),
//      GRLINT_E2E_GREP (only tests whose title matches), E2E_CONSOLE=all (print the whole browser console).
// Exit code: the suite's (0 passed, 1 failed), 2 when the run itself broke, 124 on the hard timeout.
// Screenshots (the suite's, and <name>-final.png or <name>-failure.png) go to test-results/.
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS = join(ROOT, 'test-results');
export const CODE_SERVER = process.env.CODE_SERVER || join(ROOT, '.cache/code-server/node_modules/.bin/code-server');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const say = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);

/** A free TCP port on 127.0.0.1 (the kernel picks it; closed again before code-server binds it). */
function freePort() {
  return new Promise((res, rej) => {
    const s = createNetServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** A scratch folder with a HOME for code-server (it writes into ~/.config even for --version). */
export function scratchDir(prefix = 'grlint-e2e-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'home'), { recursive: true });
  return dir;
}

/** Runs code-server as a one-off CLI (e.g. --install-extension) with a scratch HOME; resolves with its output. */
export function codeServerCli(args, scratch) {
  return new Promise((res, rej) => {
    const child = spawn(CODE_SERVER, args, { env: { ...process.env, HOME: join(scratch, 'home') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', rej);
    child.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`code-server ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/**
 * Starts code-server in its own process group (detached = setsid) and resolves once /healthz answers.
 * stop() kills the whole group: killing only the main pid once left a file-watcher child behind.
 */
async function startCodeServer({ scratch, workspace, extensionsDir, env }) {
  const port = await freePort();
  const log = join(scratch, 'code-server.log');
  const out = createWriteStream(log);
  await new Promise((r) => out.once('open', r));
  const child = spawn(CODE_SERVER, [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--user-data-dir', join(scratch, 'ud'), '--extensions-dir', extensionsDir, workspace,
  ], {
    detached: true,
    stdio: ['ignore', out, out],
    // EXTENSIONS_GALLERY={}: no extension gallery, so the editor makes no request beyond loopback.
    env: { ...process.env, ...env, HOME: join(scratch, 'home'), EXTENSIONS_GALLERY: '{}' },
  });
  let exited = null;
  const exit = new Promise((r) => child.once('exit', (code, signal) => r((exited = { code, signal }))));
  const stop = async () => {
    if (exited) return;
    try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
    const killed = await Promise.race([exit, new Promise((r) => setTimeout(() => r(null), 3000).unref())]);
    if (!killed) try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    await exit;
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}) before it was ready; log:\n${readFileSync(log, 'utf8')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error('code-server did not answer /healthz within 30 s'); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, log, stop, pid: child.pid, exit };
}

/** User settings of the scratch profile: no auto-save, no start page, no update or gallery traffic. */
function writeUserSettings(userDataDir) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'files.autoSave': 'off',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
  }, null, 2));
}

/** Serves the suite's hooks (screenshots, DOM queries) on 127.0.0.1; the suite finds it via GRLINT_E2E_HOOKS. */
async function startHooks(getPage, name) {
  const handlers = {
    async screenshot({ name: shot, selector }) {
      const file = join(RESULTS, `${name}-${String(shot).replace(/[^\w.-]+/g, '_')}.png`);
      const page = getPage();
      if (selector) await page.locator(selector).first().screenshot({ path: file });
      else await page.screenshot({ path: file });
      say(`screenshot ${file}`);
      return { path: file };
    },
    async waitForSelector({ selector, hasText, inFrames = false, timeoutMs = 20_000 }) {
      const page = getPage();
      const filter = hasText ? { hasText } : {};
      if (!inFrames) {
        const el = page.locator(selector, filter).first();
        await el.waitFor({ state: 'visible', timeout: timeoutMs });
        return { text: await el.innerText() };
      }
      // Webviews (markdown preview) live in nested iframes that appear late: look through every frame.
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        for (const frame of page.frames()) {
          const el = frame.locator(selector, filter).first();
          if (await el.isVisible().catch(() => false)) return { text: await el.innerText() };
        }
        if (Date.now() > deadline) throw new Error(`no visible ${selector}${hasText ? ` with "${hasText}"` : ''} in any frame after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async log({ text }) {
      for (const line of String(text).split('\n')) console.log(`  | ${line}`);
      return {};
    },
    async texts({ selector }) {
      return { texts: await getPage().locator(selector).allInnerTexts() };
    },
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', async () => {
      const handler = handlers[req.url.replace(/^\//, '')];
      let status = 200;
      let answer;
      try {
        if (!handler) throw new Error(`no hook ${req.url}`);
        answer = await handler(body ? JSON.parse(body) : {});
      } catch (e) {
        status = 500;
        answer = { error: e instanceof Error ? e.message : String(e) };
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Browser console text without the %c style arguments of the workbench's log lines. */
function consoleText(msg) {
  return msg.text().replace(/%c/g, '').replace(/\s*(?:color|font-weight): [^;\s]*;?/g, '').trim();
}

/**
 * Opens `workspace` in code-server and runs the suite at `suite` (a .js file exporting run()) in the
 * extension host. Resolves with the exit code (see the header); never throws.
 */
export async function runSuite(options) {
  const {
    suite = join(ROOT, 'test/e2e/out/suite/index.js'),
    workspace = join(ROOT, 'test/e2e/workspace'),
    extension = ROOT,
    extensionsDir,
    name = 'e2e',
    timeoutSeconds = 180,
  } = options;
  mkdirSync(RESULTS, { recursive: true });
  const scratch = scratchDir();
  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) await cleanups.pop()().catch((e) => console.error(`cleanup: ${e}`));
  };
  const onSignal = (sig) => { void cleanup().then(() => process.exit(sig === 'SIGINT' ? 130 : 143)); };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  cleanups.push(async () => rmSync(scratch, { recursive: true, force: true }));

  let page;
  let timer;
  let serverPid;
  // Last resort if the run hangs outside the suite (browser start, cleanup): kill code-server's group and exit.
  const watchdog = setTimeout(() => {
    console.error(`[e2e ${elapsed()}] watchdog: no result after ${timeoutSeconds + 60} s; killing code-server and exiting`);
    if (serverPid) try { process.kill(-serverPid, 'SIGKILL'); } catch { /* gone */ }
    rmSync(scratch, { recursive: true, force: true });
    process.exit(124);
  }, (timeoutSeconds + 60) * 1000);
  watchdog.unref();
  try {
    if (!existsSync(CODE_SERVER)) throw new Error(`no code-server at ${CODE_SERVER}: run scripts/install-code-server.sh`);
    if (!existsSync(suite)) throw new Error(`no suite at ${suite}: run node test/e2e/build.mjs`);
    // The suite edits documents: it gets a copy of the workspace, so the fixtures in the repository never change.
    const folder = join(scratch, 'workspace');
    cpSync(workspace, folder, { recursive: true });
    writeUserSettings(join(scratch, 'ud'));
    const hooks = await startHooks(() => page, name);
    cleanups.push(hooks.close);
    const server = await startCodeServer({
      scratch, workspace: folder, extensionsDir: extensionsDir ?? join(scratch, 'ext'),
      env: { GRLINT_E2E_HOOKS: hooks.url },
    });
    serverPid = server.pid;
    cleanups.push(server.stop);
    say(`code-server ready on 127.0.0.1:${server.port} (pid group ${server.pid})`);

    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit;
    const suiteExit = new Promise((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    // The suite's own output arrives through the log hook; of the workbench's console, only errors that
    // concern extensions are shown (E2E_CONSOLE=all shows everything).
    page.on('console', (msg) => {
      const text = consoleText(msg);
      if (process.env.E2E_CONSOLE === 'all' || (msg.type() === 'error' && /extension|grlint|test\/e2e/i.test(text))) {
        console.log(`  [browser ${msg.type()}] ${text.slice(0, 2000)}`);
      }
    });
    page.on('pageerror', (err) => console.log(`  [page error] ${err.message}`));

    const authority = `127.0.0.1:${server.port}`;
    const payload = [['extensionTestsPath', `vscode-remote://${authority}${suite}`]];
    if (extension) payload.unshift(['extensionDevelopmentPath', `vscode-remote://${authority}${extension}`]);
    const url = `http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    say(`workbench loading; running ${suite.replace(`${ROOT}/`, '')}`);

    const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutSeconds * 1000)));
    const died = server.exit.then((e) => ({ died: e }));
    const code = await Promise.race([suiteExit, timeout, died]);
    if (typeof code === 'object') {
      console.error(`[e2e ${elapsed()}] code-server exited during the run (${JSON.stringify(code.died)}); log:\n${readFileSync(server.log, 'utf8').slice(-4000)}`);
      return 2;
    }
    clearTimeout(timer);
    const shot = join(RESULTS, `${name}-${code === 0 ? 'final' : 'failure'}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    if (code === 'timeout') {
      say(`hard timeout after ${timeoutSeconds} s; screenshot ${shot}; code-server log:\n${readFileSync(server.log, 'utf8').slice(-4000)}`);
      return 124;
    }
    say(`suite finished: codeAutomationExit(${code}); screenshot ${shot}`);
    if (code !== 0) console.log(`code-server log (last 4000 chars):\n${readFileSync(server.log, 'utf8').slice(-4000)}`);
    return code === 0 ? 0 : 1;
  } catch (e) {
    console.error(`[e2e ${elapsed()}] run failed: ${e instanceof Error ? e.stack : e}`);
    return 2;
  } finally {
    clearTimeout(timer);
    clearTimeout(watchdog);
    await cleanup();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values } = parseArgs({
    options: {
      suite: { type: 'string' }, workspace: { type: 'string' }, extension: { type: 'string' },
      'extensions-dir': { type: 'string' }, name: { type: 'string' }, timeout: { type: 'string' },
    },
  });
  const code = await runSuite({
    ...(values.suite ? { suite: resolve(values.suite) } : {}),
    ...(values.workspace ? { workspace: resolve(values.workspace) } : {}),
    ...(values.extension ? { extension: resolve(values.extension) } : {}),
    ...(values['extensions-dir'] ? { extensionsDir: resolve(values['extensions-dir']) } : {}),
    ...(values.name ? { name: values.name } : {}),
    ...(values.timeout ? { timeoutSeconds: Number(values.timeout) } : {}),
  });
  say(`exit ${code}`);
  process.exit(code);
}
