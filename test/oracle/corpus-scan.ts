// Runs `vtysh -C` (and with --bgpd also `bgpd -C`) over the shared frr.conf corpus and reports what
// FRR rejects. The per-line lists are written under .cache/ (git-ignored), never committed.
//   cd /work/main && npx tsx test/oracle/corpus-scan.ts [--bgpd] [--out DIR]
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { commandKey, modelledFamily, routerBgpLines } from './modelled';
import { bgpdCheck, mapPool, vtyshCheck, vtyshVersion, type BgpdResult, type VtyshResult } from './vtysh';

const REPO = resolve(__dirname, '..', '..');
const CORPUS = resolve(REPO, '..', 'shared', 'corpus');

export interface CorpusFile {
  readonly set: 'frr topotests' | 'metallb golden' | 'frr-k8s golden';
  readonly path: string;
}

function walk(dir: string, accept: (name: string) => boolean, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, accept, out);
    else if (accept(name)) out.push(p);
  }
}

export function corpusFiles(): CorpusFile[] {
  const frr: string[] = [];
  walk(join(CORPUS, 'frr'), (n) => n.endsWith('.conf'), frr);
  const metallb: string[] = [];
  walk(join(CORPUS, 'metallb', 'internal', 'bgp', 'frr', 'testdata'), (n) => n.endsWith('.golden'), metallb);
  const frrk8s: string[] = [];
  walk(join(CORPUS, 'frr-k8s', 'internal', 'frr', 'testdata'), (n) => n.endsWith('.golden'), frrk8s);
  return [
    ...frr.map((path) => ({ set: 'frr topotests' as const, path })),
    ...metallb.map((path) => ({ set: 'metallb golden' as const, path })),
    ...frrk8s.map((path) => ({ set: 'frr-k8s golden' as const, path })),
  ];
}

const BFD_NODES = new Set(['BFD_NODE', 'BFD_PEER_NODE', 'BFD_PROFILE_NODE']);

function familyOf(text: string, nodeName: string): string | undefined {
  return modelledFamily(text) ?? (BFD_NODES.has(nodeName) ? 'bfd' : undefined);
}

/** Why bgpd rejected a line that vtysh accepted (lines inside router bgp blocks). */
export function bgpdCause(line: number, text: string, messages: readonly string[], lines: readonly string[], rejected: ReadonlySet<number>): string {
  const msg = messages.join(' / ');
  if (msg.includes('Graceful restart configuration changed') && msg.includes('% Invalid value')) return 'artifact: GR mode change needs zebra (dry run has none)';
  if (msg.includes('The Graceful Restart command used is not valid at this moment')) return 'GR no-form from the default state';
  if (msg.includes('hold time value must be either 0 or greater than 3')) return 'TMR201: timers bgp hold 1-2';
  if (msg === '% Invalid value' && /\btimers\s+\d+\s+\d+/.test(text)) return 'TMR201: neighbor timers hold 1-2';
  if (msg.includes('Configure the peer-group first')) return 'FRR503: peer-group not defined';
  if (msg.includes('Specify remote-as or peer-group commands first')) {
    const peer = text.trim().split(/\s+/)[1] ?? '';
    const esc = peer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const def = new RegExp(`^\\s*neighbor\\s+${esc}\\s+(remote-as|peer-group|interface)\\b`);
    const defs = lines.map((l, i) => (def.test(l) ? i + 1 : 0)).filter((n) => n > 0);
    if (defs.length === 0) return 'FRR502: neighbor never defined';
    if (defs.every((d) => rejected.has(d))) return 'cascade: the neighbor definition line was rejected';
    if (defs.every((d) => d > line)) return 'FRR502: neighbor used before its definition';
    return 'FRR502: other';
  }
  if (msg.startsWith('BGP is already running')) return 'second router bgp with another AS in the same VRF';
  if (msg === '') {
    for (let i = line - 1; i >= 1; i--) {
      const t = (lines[i - 1] ?? '').trim();
      if (/^router bgp\b/.test(t)) return rejected.has(i) ? 'cascade: its router bgp line was rejected' : 'no message';
    }
    return 'no message';
  }
  return `other: ${msg}`;
}

function top<K>(m: Map<K, number>, n: number): [K, number][] {
  return [...m.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, n);
}

function bump<K>(m: Map<K, number>, k: K, by = 1): void {
  m.set(k, (m.get(k) ?? 0) + by);
}

async function main(): Promise<void> {
  const version = vtyshVersion();
  if (version === undefined) {
    console.error('vtysh is not installed');
    process.exit(1);
  }
  const withBgpd = process.argv.includes('--bgpd');
  const outIdx = process.argv.indexOf('--out');
  const outDir = outIdx > 0 && process.argv[outIdx + 1] ? resolve(process.argv[outIdx + 1] as string) : join(REPO, '.cache', 'vtysh-oracle');
  mkdirSync(outDir, { recursive: true });

  const files = corpusFiles();
  const t0 = Date.now();
  const results = await mapPool(files, 2, async (f) => {
    const text = readFileSync(f.path, 'utf8');
    const v: VtyshResult = await vtyshCheck(text);
    const b: BgpdResult | undefined = withBgpd && /^\s*router bgp/m.test(text) ? await bgpdCheck(text) : undefined;
    return { f, text, v, b };
  });
  const seconds = (Date.now() - t0) / 1000;

  const lines: string[] = [];
  const perSet = new Map<string, { files: number; rejectedFiles: number; rejectedLines: number; modelledFiles: number }>();
  const byKey = new Map<string, number>();
  const byKeyFiles = new Map<string, Set<string>>();
  const byFamily = new Map<string, number>();
  const byFamilyKey = new Map<string, number>();
  const byKind = new Map<string, number>();
  const byNode = new Map<string, number>();
  const exitCodes = new Map<string, number>();
  let rejectedLines = 0;
  for (const { f, v } of results) {
    const rel = relative(CORPUS, f.path);
    const s = perSet.get(f.set) ?? { files: 0, rejectedFiles: 0, rejectedLines: 0, modelledFiles: 0 };
    s.files++;
    bump(exitCodes, String(v.exitCode));
    if (v.rejections.length > 0) s.rejectedFiles++;
    s.rejectedLines += v.rejections.length;
    let modelledHere = false;
    for (const r of v.rejections) {
      rejectedLines++;
      const key = commandKey(r.text);
      const fam = familyOf(r.text, r.nodeName);
      bump(byKey, key);
      const fs = byKeyFiles.get(key) ?? new Set<string>();
      fs.add(rel);
      byKeyFiles.set(key, fs);
      bump(byKind, r.kind);
      bump(byNode, r.nodeName);
      if (fam !== undefined) {
        modelledHere = true;
        bump(byFamily, fam);
        bump(byFamilyKey, `${fam} | ${key} | ${r.nodeName}`);
      }
      lines.push(JSON.stringify({ tool: 'vtysh', file: rel, set: f.set, line: r.line, node: r.node, nodeName: r.nodeName, kind: r.kind, message: r.message, key, family: fam ?? null, text: r.text }));
    }
    if (modelledHere) s.modelledFiles++;
    perSet.set(f.set, s);
  }

  // bgpd: lines inside router bgp blocks that vtysh accepted but bgpd rejected, with a cause.
  const bgpdByCause = new Map<string, number>();
  const bgpdCauseFiles = new Map<string, Set<string>>();
  const bgpdByMsg = new Map<string, number>();
  let bgpdUnattributed = 0;
  let bgpdFiles = 0;
  let bgpdFilesWithRejections = 0;
  if (withBgpd) {
    for (const { f, b, v, text } of results) {
      if (b === undefined) continue;
      bgpdFiles++;
      if (!b.attributed) bgpdUnattributed++;
      const rel = relative(CORPUS, f.path);
      const inBgp = routerBgpLines(text);
      const textLines = text.split('\n');
      const rejected = new Set([...v.rejections.map((r) => r.line), ...b.rejections.map((r) => r.line)]);
      const vtyshRejected = new Set(v.rejections.map((r) => r.line));
      let any = false;
      for (const r of b.rejections) {
        if (vtyshRejected.has(r.line) || !inBgp.has(r.line)) continue;
        any = true;
        const cause = bgpdCause(r.line, r.text, r.messages, textLines, rejected);
        const msg = r.messages.join(' / ') || '(no message)';
        bump(bgpdByMsg, msg);
        bump(bgpdByCause, cause);
        const fs = bgpdCauseFiles.get(cause) ?? new Set<string>();
        fs.add(rel);
        bgpdCauseFiles.set(cause, fs);
        lines.push(JSON.stringify({ tool: 'bgpd', file: rel, set: f.set, line: r.line, cause, messages: r.messages, key: commandKey(r.text), family: modelledFamily(r.text) ?? null, text: r.text }));
      }
      if (any) bgpdFilesWithRejections++;
    }
  }

  writeFileSync(join(outDir, 'rejections.jsonl'), `${lines.join('\n')}\n`);
  const summary = {
    frrVersion: version,
    seconds,
    files: results.length,
    rejectedFiles: results.filter((r) => r.v.rejections.length > 0).length,
    rejectedLines,
    incompleteFiles: results.filter((r) => r.v.complete === false).map((r) => relative(CORPUS, r.f.path)),
    rejectedButExitZero: results.filter((r) => r.v.rejections.length > 0 && r.v.complete === false).length,
    perSet: Object.fromEntries(perSet),
    exitCodes: Object.fromEntries(exitCodes),
    byKind: Object.fromEntries(byKind),
    topNodes: top(byNode, 15),
    topCommands: top(byKey, 30).map(([k, n]) => [k, n, byKeyFiles.get(k)?.size ?? 0]),
    modelledFamilies: top(byFamily, 50),
    modelledDetail: top(byFamilyKey, 60),
    bgpd: withBgpd
      ? { files: bgpdFiles, filesWithRejections: bgpdFilesWithRejections, unattributedFiles: bgpdUnattributed, byCause: top(bgpdByCause, 40).map(([k, n]) => [k, n, bgpdCauseFiles.get(k)?.size ?? 0]), byMessage: top(bgpdByMsg, 40) }
      : null,
  };
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 1)}\n`);
  console.log(JSON.stringify(summary, null, 1));
  console.error(`wrote ${join(outDir, 'rejections.jsonl')} and summary.json (${seconds.toFixed(1)} s)`);
}

if (require.main === module) void main();
