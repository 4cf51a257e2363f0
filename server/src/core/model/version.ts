/**
 * Compares FRR version strings numerically by their dotted numeric parts (`8.4.4`, `10.2`, `10.5.1-dev`).
 * Missing parts count as 0; anything after the numeric parts is ignored. Returns <0, 0 or >0.
 */
export function compareVersions(a: string, b: string): number {
  const pa = numericParts(a);
  const pb = numericParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** True when `text` starts with a dotted numeric version. */
export function isVersion(text: string): boolean {
  return /^\d+(\.\d+)*/.test(text.trim());
}

/**
 * The numeric parts of version strings, by string. A project names a handful of versions, and the model
 * and the rules compare them for every end and session; the cache is emptied when it grows past a bound.
 */
const PARTS = new Map<string, readonly number[]>();
const PARTS_BOUND = 256;

function numericParts(v: string): readonly number[] {
  let parts = PARTS.get(v);
  if (!parts) {
    const m = /^\s*(\d+(?:\.\d+)*)/.exec(v);
    parts = m ? m[1]!.split('.').map(Number) : [];
    if (PARTS.size >= PARTS_BOUND) PARTS.clear();
    PARTS.set(v, parts);
  }
  return parts;
}

/** True when `version` is in [from, to) (either bound optional). */
export function versionInRange(version: string, from?: string, to?: string): boolean {
  if (from !== undefined && compareVersions(version, from) < 0) return false;
  if (to !== undefined && compareVersions(version, to) >= 0) return false;
  return true;
}
