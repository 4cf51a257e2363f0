/**
 * One benchmark measurement in a fresh process (bench/run.ts bundles this file and spawns it).
 *
 *   node child.js time1 <leaves>           one measurement of baseline, parse+model, parse+lint after a warm-up
 *                                           on another workload (the LSP workspace); prints JSON. bench/run.ts
 *                                           runs it in a fresh process per repetition, so that caches kept
 *                                           across lints (the FRR family's line verdicts) start cold, as in
 *                                           a CLI run, while the JIT is warm
 *   node child.js time <reps> <leaves>     warm-up + reps of: baseline, parse+model, parse+lint in one process
 *                                           (later repetitions reuse the caches kept across lints); prints JSON
 *   node child.js rss <what> <leaves>      one run of `what` (gen|baseline|model|lint); prints JSON with maxRSS
 *   node child.js once <what> <leaves>     one run of `what`, for profiling with --cpu-prof
 *   node child.js relint <reps>             the language server's work per edit, in process: the LSP
 *                                           workspace of bench/lsp.ts, its frr.conf edited, re-parsed from
 *                                           the previous version's parse (reparseFile) and the workspace
 *                                           re-linted with the other parse results reused
 *
 * Times are wall-clock (performance.now) and CPU (process.cpuUsage, user + system) in milliseconds.
 */
import { parseAllDocuments } from 'yaml';
import { YAML_OPTIONS } from '../server/src/core/k8s/parse';
import type { GrlintConfig } from '../server/src/core/config';
import { DEFAULT_CONFIG } from '../server/src/core/config';
import { lint } from '../server/src/core/lint';
import { RULES } from '../server/src/core/rules';
import type { Rule } from '../server/src/core/rules/define';
import type { ParsedFile } from '../server/src/core/project';
import { buildModel, parseFile } from '../server/src/core/project';
import { reparseFile } from '../server/src/core/reparse';
import type { Fabric } from './fabric';
import { generateFabric, generateLspWorkspace } from './fabric';

type What = 'gen' | 'baseline' | 'model' | 'lint';

/** The config of the fabric: frr-k8s mode, as the example workspace and most clusters use. */
export const BENCH_CONFIG: GrlintConfig = { ...DEFAULT_CONFIG, metallb: { ...DEFAULT_CONFIG.metallb, mode: 'frr-k8s' } };

let sink = 0;

/** What a run found, so that the report can show the work was done. */
interface Summary {
  sessions?: number;
  ends?: number;
  docs?: number;
  findings?: number;
}

function run(what: What, f: Fabric): Summary {
  if (what === 'gen') return {};
  if (what === 'baseline') {
    for (const y of f.yaml) sink += parseAllDocuments(y.text, YAML_OPTIONS).length;
    for (const r of f.routers) sink += r.text.split('\n').length;
    return {};
  }
  const parsed = [...f.routers, ...f.yaml].map((x) => parseFile({ uri: x.uri, text: x.text }));
  if (what === 'model') {
    const m = buildModel(parsed, { metallbMode: 'frr-k8s' });
    return { sessions: m.sessions.length, ends: m.ends.length, docs: m.docs.length };
  }
  const r = lint(parsed, { config: BENCH_CONFIG });
  if (r.internalErrors.length) process.stderr.write(`internal errors: ${r.internalErrors.map((e) => `${e.code}: ${String(e.error)}`).join('; ')}\n`);
  return { sessions: r.model.sessions.length, ends: r.model.ends.length, docs: r.model.docs.length, findings: r.findings.length };
}

function measure(what: What, f: Fabric): { wall: number; cpu: number; summary: Summary } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const summary = run(what, f);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, summary };
}

function relint(reps: number): void {
  const w = generateLspWorkspace();
  const frrUri = '/bench-lsp/border1/frr.conf';
  const others = [
    parseFile({ uri: '/bench-lsp/cluster/bgppeers.yaml', text: w.peers }),
    parseFile({ uri: '/bench-lsp/cluster/nodes.yaml', text: w.nodes }),
  ];
  const cpu: number[] = [];
  const n = w.neighbors[0]!;
  const line = ` neighbor ${n} peer-group K8S\n`;
  let prev: ParsedFile | undefined;
  for (let i = 0; i <= reps; i++) {
    const text = i % 2 ? w.frr.replace(line, `${line} neighbor ${n} graceful-restart-disable\n`) : w.frr;
    const c0 = process.cpuUsage();
    // As the language server does: the new version is parsed from the previous one's parse.
    prev = reparseFile(prev, { uri: frrUri, text, languageId: 'frr' });
    const r = lint([prev, ...others], { config: BENCH_CONFIG });
    const c = process.cpuUsage(c0);
    sink += r.findings.length;
    if (i > 0) cpu.push((c.user + c.system) / 1000);
  }
  process.stdout.write(JSON.stringify({ cpu }) + '\n');
}

/** The LSP workspace as a fabric, for warming up the JIT on other addresses and lines. */
function warmupFabric(): Fabric {
  const w = generateLspWorkspace({ seed: 3, peers: 200, lines: 4000 });
  return {
    routers: [{ uri: '/warmup/border1/frr.conf', text: w.frr }],
    yaml: [
      { uri: '/warmup/cluster/bgppeers.yaml', text: w.peers },
      { uri: '/warmup/cluster/nodes.yaml', text: w.nodes },
    ],
    yamlDocs: 0,
    k8sObjects: 0,
    kinds: {},
  };
}

function main(): void {
  const [mode, arg, leavesText] = process.argv.slice(2);
  if (mode === 'relint') return relint(Number(arg ?? 20));
  if (mode === 'time1') {
    const f = generateFabric({ leaves: Number(arg ?? 160) });
    const warm = warmupFabric();
    for (let i = 0; i < 3; i++) for (const w of ['baseline', 'model', 'lint'] as const) measure(w, warm);
    const out: Record<string, { wall: number; cpu: number; summary: Summary }> = {};
    for (const w of ['baseline', 'model', 'lint'] as const) out[w] = measure(w, f);
    process.stdout.write(JSON.stringify(out) + '\n');
    return;
  }
  const leaves = Number(leavesText ?? 160);
  const f = generateFabric({ leaves });
  if (mode === 'time') {
    const reps = Number(arg ?? 5);
    const out: Record<string, { wall: number[]; cpu: number[]; summary?: Summary }> = { baseline: { wall: [], cpu: [] }, model: { wall: [], cpu: [] }, lint: { wall: [], cpu: [] } };
    // Interleaved, so that a change of machine load hits the three measurements alike.
    for (let i = 0; i <= reps; i++) {
      for (const w of ['baseline', 'model', 'lint'] as const) {
        const m = measure(w, f);
        out[w]!.summary = m.summary;
        if (i === 0) continue; // warm-up
        out[w]!.wall.push(m.wall);
        out[w]!.cpu.push(m.cpu);
      }
    }
    process.stdout.write(JSON.stringify(out) + '\n');
  } else if (mode === 'rss' || mode === 'once') {
    const { summary: _s, ...m } = measure(arg as What, f);
    const maxRssKb = process.resourceUsage().maxRSS;
    process.stdout.write(JSON.stringify({ what: arg, ...m, maxRssMb: maxRssKb / 1024 }) + '\n');
  } else if (mode === 'rules') {
    // CPU time per rule (one lint after a warm-up lint), and of the model.
    const parsed = [...f.routers, ...f.yaml].map((x) => parseFile({ uri: x.uri, text: x.text }));
    const times = new Map<string, number>();
    const wrapped: Rule[] = RULES.map((r) => ({
      ...r,
      check: (ctx) => {
        const c0 = process.cpuUsage();
        r.check(ctx);
        const c = process.cpuUsage(c0);
        times.set(r.code, (times.get(r.code) ?? 0) + (c.user + c.system) / 1000);
      },
    }));
    const reps = Number(arg ?? 1);
    for (let i = 0; i < reps; i++) {
      const c0 = process.cpuUsage();
      buildModel(parsed, { metallbMode: 'frr-k8s' });
      const c = process.cpuUsage(c0);
      times.set('(model)', (times.get('(model)') ?? 0) + (c.user + c.system) / 1000);
      lint(parsed, { config: BENCH_CONFIG, rules: wrapped });
    }
    const rows = [...times].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k.padEnd(8)} ${(v / reps).toFixed(1).padStart(9)} ms`);
    process.stdout.write(rows.join('\n') + '\n');
  } else if (mode === 'stats') {
    const parsed = [...f.routers, ...f.yaml].map((x) => parseFile({ uri: x.uri, text: x.text }));
    const r = lint(parsed, { config: BENCH_CONFIG });
    const byCode: Record<string, number> = {};
    for (const x of r.findings) byCode[x.code] = (byCode[x.code] ?? 0) + 1;
    const notes: Record<string, number> = {};
    for (const n of r.model.pairing) notes[`${n.kind} ${n.end.side}`] = (notes[`${n.kind} ${n.end.side}`] ?? 0) + 1;
    process.stdout.write(
      JSON.stringify({ findings: r.findings.length, byCode, sessions: r.model.sessions.length, ends: r.model.ends.length, docs: r.model.docs.length, notes, internalErrors: r.internalErrors.map((e) => e.code) }) + '\n',
    );
  }
  if (sink === -1) process.stdout.write('');
}

main();
