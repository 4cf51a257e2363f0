/** Helpers to read the shared real-world corpus from tests (never copied into the repository). */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** /work/shared/corpus, found from this file (test/unit/k8s) as ../shared/corpus of the repository root. */
export const CORPUS = resolve(__dirname, '../../../../shared/corpus');

/** Every `.yaml` and `.golden` file under `dir`, sorted. */
export function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ya?ml|golden)$/.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every `.yaml` and `.golden` file of the MetalLB and frr-k8s corpora. */
export function k8sCorpusFiles(): string[] {
  return [...corpusFiles(join(CORPUS, 'metallb')), ...corpusFiles(join(CORPUS, 'frr-k8s'))];
}

/** Calls `check` on every range (an object with numeric `start` and `end`) reachable from `v`. */
export function eachRange(v: unknown, check: (r: { start: number; end: number }) => void, seen = new Set<object>()): void {
  if (typeof v !== 'object' || v === null || seen.has(v)) return;
  seen.add(v);
  const o = v as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') check(o as { start: number; end: number });
  for (const k of Object.keys(o)) eachRange(o[k], check, seen);
}
