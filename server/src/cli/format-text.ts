/**
 * The human-readable output of `grlint`: `path:line:col: severity: message [CODE name]`, the source line
 * with the range underlined, related locations, fix availability, and a summary line.
 */
import type { Finding } from '../core/finding';
import { redactSecrets } from '../core/secrets';
import { LineIndex } from '../core/text/line-index';

export interface TextFormatOptions {
  /** Shown path of a uri (relative to the working directory). */
  readonly displayPath: (uri: string) => string;
  /** File texts by uri (for source snippets). */
  readonly textOf: (uri: string) => string | undefined;
  readonly color: boolean;
  /** Whether `--fix` / `--unsafe-fixes` were given (changes the summary hint). */
  readonly fixing?: boolean;
}

const COLORS = { red: 31, yellow: 33, blue: 34, cyan: 36, bold: 1, dim: 2 } as const;

/** 1-based line and column of an offset. */
export function lineCol(index: LineIndex, offset: number): { line: number; col: number } {
  const p = index.positionAt(offset);
  return { line: p.line + 1, col: p.character + 1 };
}

/** Formats findings as text. Deterministic; no trailing spaces. */
export function formatText(findings: readonly Finding[], opts: TextFormatOptions): string {
  const paint = (c: keyof typeof COLORS, s: string): string => (opts.color ? `\u001b[${COLORS[c]}m${s}\u001b[0m` : s);
  const indexes = new Map<string, LineIndex>();
  const indexOf = (uri: string): LineIndex => {
    let i = indexes.get(uri);
    if (!i) indexes.set(uri, (i = new LineIndex(opts.textOf(uri) ?? '')));
    return i;
  };
  const where = (uri: string, offset: number): string => {
    const { line, col } = lineCol(indexOf(uri), offset);
    return `${opts.displayPath(uri)}:${line}:${col}`;
  };
  const out: string[] = [];
  for (const f of findings) {
    const idx = indexOf(f.loc.uri);
    const sevColor = f.severity === 'error' ? 'red' : f.severity === 'warning' ? 'yellow' : 'blue';
    out.push(`${paint('bold', where(f.loc.uri, f.loc.range.start))}: ${paint(sevColor, f.severity)}: ${f.message} ${paint('dim', `[${f.code} ${f.name}]`)}`);
    const start = idx.positionAt(f.loc.range.start);
    const end = idx.positionAt(f.loc.range.end);
    const lineText = redactSecrets(idx.lineText(start.line)).replace(/\t/g, ' ');
    const gutter = String(start.line + 1);
    const pad = ' '.repeat(gutter.length);
    const underlineEnd = end.line === start.line ? end.character : idx.lineText(start.line).length;
    const width = Math.max(1, underlineEnd - start.character);
    out.push(`${pad} |`);
    out.push(`${gutter} | ${lineText}`.trimEnd());
    out.push(`${pad} | ${' '.repeat(start.character)}${paint(sevColor, '^'.repeat(width))}`);
    for (const r of f.related) out.push(`${pad} = ${paint('cyan', 'related')}: ${r.message} (${where(r.loc.uri, r.loc.range.start)})`);
    for (const fix of f.fixes) out.push(`${pad} = ${paint('cyan', 'fix')} (${fix.applicability}): ${fix.title}`);
    out.push('');
  }
  out.push(summary(findings, opts.fixing ?? false));
  return out.join('\n') + '\n';
}

/** `Found 3 problems (1 error, 2 warnings).` plus how many are fixable. */
export function summary(findings: readonly Finding[], fixing: boolean): string {
  if (findings.length === 0) return 'No problems found.';
  const n = (k: string): number => findings.filter((f) => f.severity === k).length;
  const parts = [
    [n('error'), 'error'],
    [n('warning'), 'warning'],
    [n('info'), 'info'],
  ]
    .filter(([c]) => (c as number) > 0)
    .map(([c, w]) => `${c} ${w}${c === 1 || w === 'info' ? '' : 's'}`);
  let s = `Found ${findings.length} problem${findings.length === 1 ? '' : 's'} (${parts.join(', ')}).`;
  const safe = findings.filter((f) => f.fixes.some((x) => x.applicability === 'safe')).length;
  const unsafe = findings.filter((f) => f.fixes.length > 0 && !f.fixes.some((x) => x.applicability === 'safe')).length;
  if (!fixing && (safe || unsafe)) {
    const hints: string[] = [];
    if (safe) hints.push(`${safe} fixable with --fix`);
    if (unsafe) hints.push(`${unsafe} more with --unsafe-fixes`);
    s += ` ${hints.join(', ')}.`;
  }
  return s;
}
