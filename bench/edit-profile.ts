/**
 * Where the language server's time goes in some edits against others: reads a CPU profile of the server
 * (`npm run bench:lsp -- --cpu-prof DIR`) and the edits' time windows (`BENCH_WINDOWS=FILE`, same run),
 * and prints each function's self time per edit in edits [A0, A1) and [B0, B1), largest difference first.
 *
 *   BENCH_WINDOWS=/tmp/win.json npx tsx bench/lsp.ts --cpu-prof /tmp/prof
 *   npx tsx bench/edit-profile.ts /tmp/prof/CPU.*.cpuprofile /tmp/win.json 0 3 20 50 [ROWS]
 *
 * Both files use the monotonic clock in microseconds (a profile's `startTime` and `timeDeltas`).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time (ms) per function, divided by the number of windows, over the samples inside `windows`. */
export function selfTimePerWindow(p: Profile, windows: readonly (readonly [number, number])[]): { perFunction: Map<string, number>; total: number } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const perFunction = new Map<string, number>();
  let total = 0;
  let t = p.startTime;
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i] ?? 0;
    if (!windows.some(([a, b]) => t >= a && t < b)) continue;
    // A sample's duration is the gap to the next one.
    const ms = (p.timeDeltas[i + 1] ?? 0) / 1000 / windows.length;
    const f = byId.get(p.samples[i]!)?.callFrame;
    const key = f ? `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}` : '(unknown)';
    perFunction.set(key, (perFunction.get(key) ?? 0) + ms);
    total += ms;
  }
  return { perFunction, total };
}

function main(): void {
  const [profileFile, windowsFile, ...rest] = process.argv.slice(2);
  const [a0, a1, b0, b1, rows = 30] = rest.map(Number);
  if (!profileFile || !windowsFile || [a0, a1, b0, b1].some((x) => x === undefined || !Number.isInteger(x))) {
    console.error('usage: npx tsx bench/edit-profile.ts PROFILE WINDOWS.json A0 A1 B0 B1 [ROWS]');
    process.exitCode = 2;
    return;
  }
  const profile = JSON.parse(readFileSync(profileFile, 'utf8')) as Profile;
  const windows = JSON.parse(readFileSync(windowsFile, 'utf8')) as [number, number][];
  const a = selfTimePerWindow(profile, windows.slice(a0, a1));
  const b = selfTimePerWindow(profile, windows.slice(b0, b1));
  console.log(`sampled time per edit: edits ${a0}-${a1! - 1} ${a.total.toFixed(1)} ms, edits ${b0}-${b1! - 1} ${b.total.toFixed(1)} ms`);
  console.log(`${'A'.padStart(8)} ${'B'.padStart(8)} ${'A - B'.padStart(8)}  function (self ms per edit)`);
  const keys = new Set([...a.perFunction.keys(), ...b.perFunction.keys()]);
  const table = [...keys].map((k) => [k, a.perFunction.get(k) ?? 0, b.perFunction.get(k) ?? 0] as const).sort((x, y) => y[1] - y[2] - (x[1] - x[2]));
  for (const [k, x, y] of table.slice(0, rows)) console.log(`${x.toFixed(2).padStart(8)} ${y.toFixed(2).padStart(8)} ${(x - y).toFixed(2).padStart(8)}  ${k}`);
}

if (require.main === module) main();
