/**
 * `npm run bench:lsp`: edit-to-diagnostics latency of the built language server (server/out/server.js)
 * over stdio, on a workspace of one 20,000-line frr.conf whose 500 server neighbors pair with 500
 * BGPPeers (and 500 Node objects), written to a temporary directory.
 *
 *   npx tsx bench/lsp.ts [--edits N] [--warmup N] [--server PATH] [--cpu-prof DIR]   (build first: node scripts/build.mjs)
 *   --trace FILE: the server speaks over node IPC instead of stdio, and its stdout (where V8's
 *   `--trace-*` flags print, given with BENCH_NODE_ARGS) is written to FILE, with a line `=== EDIT n`
 *   where edit n was sent (the server's output arrives a little late, so the cut is approximate), e.g. `BENCH_NODE_ARGS=--trace-deopt npx tsx bench/lsp.ts --trace /tmp/t.txt`.
 *   BENCH_EACH=1 prints every edit's wall and server CPU time; BENCH_WINDOWS=FILE writes each edit's
 *   [start, end] on the monotonic clock in microseconds (the clock of a --cpu-prof profile's samples). The first edits after the open run while
 *   the server's JIT compiles the incremental paths; a line shows the edits after the first 10 apart.
 *
 * Both files are opened, then N edits (default 50) are made to the frr.conf from the first one on (with
 * `--warmup W`, W more edits before them are timed and printed apart), alternating an edit that
 * changes a finding (adding or removing `neighbor X graceful-restart-disable`) and one that does not
 * (renaming a neighbor description). Each is timed from sending didChange to receiving the
 * publishDiagnostics of the frr.conf for the new version. The server's main-thread CPU time per edit
 * (from /proc/<pid>/task/<pid>/schedstat, where available) is printed too: unlike wall time it does not
 * grow when other processes compete for the CPU. Beside them: parsing that frr.conf alone in this
 * process (parseFrr + viewFrr, median of 15 after a warm-up).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { parseFrr, viewFrr } from '../server/src/core/frr';
import { LineIndex } from '../server/src/core/text/line-index';
import { generateLspWorkspace, lineCount } from './fabric';
import { SERVER_NODE_FLAGS } from '../server/src/lsp/node-flags';

const TARGET_P95_MS = 50;

/** Edits after which the server's incremental paths are compiled (a line of the report starts after them). */
const SETTLE_EDITS = 10;

function arg(name: string, def: number, min = 1): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i < 0 ? NaN : Number(process.argv[i + 1]);
  return Number.isInteger(v) && v >= min ? v : def;
}

function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  // Nearest rank.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** CPU time of the server's main thread, in ms (undefined where /proc is not there). */
function threadCpuMs(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const edits = arg('edits', 50);
  const warmup = arg('warmup', 0, 0);
  const root = resolve(__dirname, '..');
  const serverIndex = process.argv.indexOf('--server');
  const server = serverIndex >= 0 ? resolve(process.argv[serverIndex + 1]!) : join(root, 'server/out/server.js');
  const w = generateLspWorkspace();
  const dir = mkdtempSync(join(tmpdir(), 'grlint-bench-lsp-'));
  mkdirSync(join(dir, 'border1'));
  mkdirSync(join(dir, 'cluster'));
  const frrPath = join(dir, 'border1', 'frr.conf');
  const peersPath = join(dir, 'cluster', 'bgppeers.yaml');
  writeFileSync(frrPath, w.frr);
  writeFileSync(peersPath, w.peers);
  writeFileSync(join(dir, 'cluster', 'nodes.yaml'), w.nodes);
  writeFileSync(join(dir, '.grlint.yaml'), 'metallb:\n  mode: frr-k8s\n');
  const frrUri = pathToFileURL(frrPath).toString();
  const peersUri = pathToFileURL(peersPath).toString();

  // Parsing the frr.conf alone, in this process.
  const parse: number[] = [];
  for (let i = 0; i < 16; i++) {
    const t0 = performance.now();
    viewFrr(parseFrr(w.frr));
    if (i > 0) parse.push(performance.now() - t0);
  }

  // --cpu-prof DIR: profile the server (node --cpu-prof), for finding what an edit costs.
  const profIndex = process.argv.indexOf('--cpu-prof');
  const nodeArgs = profIndex >= 0 ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.argv[profIndex + 1] ?? 'prof')] : [];
  // BENCH_NODE_ARGS: more flags for the server's node, after SERVER_NODE_FLAGS so that they win, e.g.
  // `--v8-pool-size=4` or `--log-deopt --logfile=/tmp/v8.log` (never a flag that prints: stdout is the LSP channel).
  const extraArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // The server runs with the Node flags the VS Code client and `grlint lsp` give it.
  // --trace FILE: over node IPC, so that the server's stdout is free for V8's traces.
  const traceIndex = process.argv.indexOf('--trace');
  const traceFile = traceIndex >= 0 ? process.argv[traceIndex + 1] : undefined;
  const child = spawn(process.execPath, [...nodeArgs, ...SERVER_NODE_FLAGS, ...extraArgs, server, traceFile ? '--node-ipc' : '--stdio'], {
    stdio: traceFile ? ['pipe', 'pipe', 'inherit', 'ipc'] : ['pipe', 'pipe', 'inherit'],
  });
  const conn = traceFile
    ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
    : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const trace: string[] = [];
  if (traceFile) child.stdout!.on('data', (d: Buffer) => trace.push(d.toString()));
  const waiters: { pred: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let lastFrr: PublishDiagnosticsParams | undefined;
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri === frrUri) lastFrr = p;
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (waiters[i]!.pred(p)) {
        waiters[i]!.resolve(p);
        waiters.splice(i, 1);
      }
    }
  });
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  conn.onRequest('workspace/codeLens/refresh', () => null);
  conn.onNotification('window/logMessage', () => undefined);
  conn.listen();
  const published = (uri: string, version: number, timeoutMs = 120_000): Promise<PublishDiagnosticsParams> =>
    new Promise((res, rej) => {
      const t = setTimeout(() => rej(new Error(`no diagnostics for ${uri} version ${version} within ${timeoutMs} ms`)), timeoutMs);
      waiters.push({
        pred: (p) => p.uri === uri && p.version === version,
        resolve: (p) => {
          clearTimeout(t);
          res(p);
        },
      });
    });

  try {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).toString(),
      workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'bench' }],
      // What VS Code declares that changes the server's work per edit: versioned diagnostics, lens refresh.
      capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } }, workspace: { codeLens: { refreshSupport: true } } },
    });
    await conn.sendNotification('initialized', {});
    const tOpen = performance.now();
    const first = published(frrUri, 1);
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: peersUri, languageId: 'yaml', version: 1, text: w.peers } });
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: frrUri, languageId: 'frr', version: 1, text: w.frr } });
    const initial = await first;
    const openMs = performance.now() - tOpen;

    let text = w.frr;
    let version = 1;
    let disabled: string | undefined;
    const all: { ms: number; cpu: number | undefined; changes: boolean; count: number; changed: boolean; window: [number, number] }[] = [];
    // What a user sees of the diagnostics (not `data`, which carries offsets for the code actions).
    const seen = (p: PublishDiagnosticsParams): string => JSON.stringify(p.diagnostics.map((d) => [d.range, d.code, d.severity, d.message]));
    let previous = seen(initial);
    const neighbor = (i: number): string => w.neighbors[(i * 37) % w.neighbors.length]!;
    // `--warmup N` edits (none by default) are timed and shown apart, then `edits` edits are measured.
    for (let i = 0; i < warmup + edits; i++) {
      const changes = i % 2 === 0;
      let range: { start: number; end: number };
      let newText: string;
      if (changes) {
        if (disabled === undefined) {
          // Add `graceful-restart-disable` after the neighbor's peer-group line.
          const n = neighbor(i);
          const at = text.indexOf(` neighbor ${n} peer-group K8S\n`);
          const end = at + ` neighbor ${n} peer-group K8S\n`.length;
          range = { start: end, end };
          newText = ` neighbor ${n} graceful-restart-disable\n`;
          disabled = n;
        } else {
          const line = ` neighbor ${disabled} graceful-restart-disable\n`;
          const at = text.indexOf(line);
          range = { start: at, end: at + line.length };
          newText = '';
          disabled = undefined;
        }
      } else {
        // Rename a description: no finding changes.
        const n = neighbor(i + 1);
        const m = new RegExp(` neighbor ${n.replace(/\./g, '\\.')} description (\\S+)\\n`).exec(text)!;
        const s = m.index + m[0].length - 1 - m[1]!.length;
        range = { start: s, end: s + m[1]!.length };
        newText = m[1]!.endsWith('-x') ? m[1]!.slice(0, -2) : `${m[1]}-x`;
      }
      const idx = new LineIndex(text);
      const lspRange = { start: idx.positionAt(range.start), end: idx.positionAt(range.end) };
      text = text.slice(0, range.start) + newText + text.slice(range.end);
      version++;
      if (traceFile) trace.push(`=== EDIT ${i}\n`);
      const done = published(frrUri, version);
      const c0 = threadCpuMs(child.pid!);
      const t0 = performance.now();
      const h0 = process.hrtime.bigint();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri: frrUri, version }, contentChanges: [{ range: lspRange, text: newText }] });
      const p = await done;
      const ms = performance.now() - t0;
      const window: [number, number] = [Number(h0 / 1000n), Number(process.hrtime.bigint() / 1000n)];
      const c1 = threadCpuMs(child.pid!);
      const now = seen(p);
      all.push({ ms, cpu: c0 !== undefined && c1 !== undefined ? c1 - c0 : undefined, changes, count: p.diagnostics.length, changed: now !== previous, window });
      previous = now;
    }

    const fmt = (x: number): string => `${x.toFixed(1)} ms`;
    const stats = (label: string, xs: readonly number[]): string =>
      `  ${label.padEnd(34)} p50 ${fmt(quantile(xs, 0.5)).padStart(9)}   p95 ${fmt(quantile(xs, 0.95)).padStart(9)}   max ${fmt(Math.max(...xs)).padStart(9)}`;
    const warm = all.slice(0, warmup);
    const measured = all.slice(warmup);
    const ms = measured.map((x) => x.ms);
    const cpu = measured.map((x) => x.cpu).filter((x): x is number => x !== undefined);
    const counts = all.map((x) => x.count);
    const asIntended = all.filter((x) => x.changed === x.changes).length;
    console.log(`grlint LSP bench: node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    console.log(
      `workspace: frr.conf ${lineCount(w.frr).toLocaleString('en-US')} lines (${w.neighbors.length} server neighbors), bgppeers.yaml ${lineCount(w.peers).toLocaleString('en-US')} lines (${w.neighbors.length} BGPPeers + 1 BFDProfile), nodes.yaml ${lineCount(w.nodes).toLocaleString('en-US')} lines`,
    );
    console.log(`open: first diagnostics of frr.conf after ${fmt(openMs)} (${initial.diagnostics.length} diagnostics); edits: ${warmup} warm-up + ${edits} measured, ${Math.min(...counts)}-${Math.max(...counts)} diagnostics each; ${asIntended} of ${warmup + edits} edits changed the diagnostics (range, code, message) as intended (every other one)`);
    console.log(`\nparse that frr.conf alone (parseFrr + viewFrr, in process): median ${fmt(quantile(parse, 0.5))}`);
    console.log('didChange -> publishDiagnostics of the new version (wall):');
    if (warm.length > 0) console.log(stats(`warm-up: the first ${warm.length} edits`, warm.map((x) => x.ms)));
    console.log(stats(warm.length > 0 ? `the next ${measured.length} edits` : `all ${measured.length} edits`, ms));
    // The first edits after the open run while the JIT compiles the incremental paths; shown apart too.
    const settled = ms.slice(SETTLE_EDITS);
    if (settled.length >= 20) console.log(stats(`  of which after the first ${SETTLE_EDITS}`, settled));
    console.log(stats('  of which change a finding', measured.filter((x) => x.changes).map((x) => x.ms)));
    console.log(stats('  of which change none', measured.filter((x) => !x.changes).map((x) => x.ms)));
    if (cpu.length === measured.length) console.log(stats('server main-thread CPU per edit', cpu));
    if (process.env.BENCH_EACH) console.log(`each edit, wall/CPU ms: ${all.map((x, i) => `${i}:${x.ms.toFixed(0)}/${x.cpu?.toFixed(0) ?? '?'}`).join(' ')}`);
    if (process.env.BENCH_WINDOWS) writeFileSync(process.env.BENCH_WINDOWS, JSON.stringify(all.map((x) => x.window)));
    const p95 = quantile(ms, 0.95);
    console.log(p95 <= TARGET_P95_MS ? `ok: p95 ${fmt(p95)} <= ${TARGET_P95_MS} ms` : `MISSED: p95 ${fmt(p95)} > target ${TARGET_P95_MS} ms`);
    void lastFrr;
    if (traceFile) {
      trace.push('=== END\n');
      writeFileSync(traceFile, trace.join(''));
    }
  } finally {
    // A clean exit, so that a --cpu-prof profile is written.
    await Promise.race([conn.sendRequest('shutdown').then(() => conn.sendNotification('exit')), new Promise((r) => setTimeout(r, 5000))]).catch(() => undefined);
    await new Promise((r) => setTimeout(r, Number(process.env.BENCH_EXIT_WAIT_MS ?? 1000)));
    conn.dispose();
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exitCode = 1;
});
