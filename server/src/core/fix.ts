/**
 * Applying fixes to file texts: a fix is all-or-nothing across its files; a fix that overlaps an
 * edit already taken is left for a later pass.
 */
import type { Finding, Fix } from './finding';
import { applyEdits, type TextEdit } from './text/edit';
import { overlaps } from './text/range';

export interface FixPassResult {
  /** New texts of the files that changed. */
  readonly texts: ReadonlyMap<string, string>;
  readonly applied: readonly Fix[];
  readonly skipped: readonly Fix[];
}

/** The fix a finding contributes to `--fix` (safe) or `--unsafe-fixes` (safe, else unsafe). */
export function chooseFix(f: Finding, unsafe: boolean): Fix | undefined {
  return f.fixes.find((x) => x.applicability === 'safe') ?? (unsafe ? f.fixes.find((x) => x.applicability === 'unsafe') : undefined);
}

/** Applies one pass of fixes to `texts` (by uri). Never throws. */
export function applyFixPass(texts: ReadonlyMap<string, string>, fixes: readonly Fix[]): FixPassResult {
  const taken = new Map<string, TextEdit[]>();
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const clash = fix.edits.some(
      (e) =>
        !texts.has(e.uri) ||
        (taken.get(e.uri) ?? []).some((t) => overlaps(t.range, e.range) || (t.range.start === e.range.start && t.range.end === e.range.end)),
    );
    if (clash) {
      skipped.push(fix);
      continue;
    }
    for (const e of fix.edits) {
      let list = taken.get(e.uri);
      if (!list) taken.set(e.uri, (list = []));
      list.push({ range: e.range, newText: e.newText });
    }
    applied.push(fix);
  }
  const out = new Map<string, string>();
  for (const [uri, edits] of taken) {
    const before = texts.get(uri)!;
    const after = applyEdits(before, edits).text;
    if (after !== before) out.set(uri, after);
  }
  return { texts: out, applied, skipped };
}
