// Installs the packaged extension (grlint-<version>.vsix from `npm run package`) into a scratch extensions folder
// of code-server, as a user would, and runs test/e2e/vsix-suite against it: no development extension, only what
// the .vsix holds. usage: node test/e2e/vsix.mjs [--vsix FILE] [--timeout SECONDS]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CODE_SERVER, ROOT, codeServerCli, runSuite, scratchDir } from './run.mjs';

const { values } = parseArgs({ options: { vsix: { type: 'string' }, timeout: { type: 'string' } } });
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const vsix = values.vsix ? resolve(values.vsix) : join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
const id = `${manifest.publisher}.${manifest.name}`.toLowerCase();

/** What the .vsix may hold (.vscodeignore): the bundles, grammar, language configuration, README, LICENSE, docs. */
const ALLOWED = [
  /^extension\.vsixmanifest$/, /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|readme\.md|LICENSE\.txt|language-configuration\.json|syntaxes\/frr\.tmLanguage\.json)$/,
  /^extension\/(client\/out\/extension|server\/out\/server|server\/out\/cli)\.js$/,
  /^extension\/docs\/.+\.md$/,
];
const REQUIRED = ['extension/client/out/extension.js', 'extension/server/out/server.js', 'extension/server/out/cli.js',
  'extension/syntaxes/frr.tmLanguage.json', 'extension/language-configuration.json', 'extension/readme.md', 'extension/LICENSE.txt'];

/** Checks the archive's file list against ALLOWED and REQUIRED (unzip -Z1 lists the entries). */
function checkContents() {
  const entries = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const extra = entries.filter((e) => !ALLOWED.some((re) => re.test(e)));
  const missing = REQUIRED.filter((r) => !entries.includes(r));
  if (extra.length || missing.length) {
    throw new Error(`${vsix} holds unexpected files [${extra.join(', ')}] or lacks [${missing.join(', ')}]`);
  }
  console.log(`[vsix] ${entries.length} entries, all expected (bundles, grammar, language configuration, README, LICENSE, docs)`);
}

async function main() {
  if (!existsSync(vsix)) throw new Error(`no ${vsix}: run npm run package`);
  checkContents();
  if (!existsSync(CODE_SERVER)) throw new Error(`no code-server at ${CODE_SERVER}: run scripts/install-code-server.sh`);
  const scratch = scratchDir('grlint-vsix-');
  try {
    const extensionsDir = join(scratch, 'ext');
    const t0 = Date.now();
    const out = await codeServerCli(['--extensions-dir', extensionsDir, '--install-extension', vsix], scratch);
    const installed = readdirSync(extensionsDir).filter((d) => d.toLowerCase().startsWith(`${id}-`));
    if (installed.length !== 1) throw new Error(`expected one ${id}-* folder in ${extensionsDir}, found ${installed.join(', ') || 'none'}:\n${out}`);
    console.log(`[vsix] installed ${vsix.replace(`${ROOT}/`, '')} as ${installed[0]} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    return await runSuite({
      suite: join(ROOT, 'test/e2e/out/vsix-suite/index.js'),
      // VS Code runs extension tests only in a development host: an empty probe extension opens one.
      extension: join(ROOT, 'test/e2e/vsix-probe'),
      extensionsDir,
      name: 'vsix',
      ...(values.timeout ? { timeoutSeconds: Number(values.timeout) } : {}),
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    console.log(`[vsix] exit ${code}`);
    process.exit(code);
  },
  (e) => {
    console.error(`[vsix] ${e instanceof Error ? e.message : e}`);
    process.exit(2);
  },
);
