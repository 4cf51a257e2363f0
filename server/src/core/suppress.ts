/**
 * Suppression directives: `! grlint-disable-next-line CODE[,CODE]` in frr.conf (also inside embedded
 * frr.conf text), `# grlint-disable-next-line CODE` and end-of-line `# grlint-disable-line CODE` in YAML.
 */
import type { ParsedFile } from './project';
import type { Range } from './text/range';
import { LineIndex } from './text/line-index';

export interface Directive {
  readonly uri: string;
  /** The directive comment in the host file. */
  readonly range: Range;
  /** The whole line of a next-line directive (for removing it); undefined for end-of-line directives. */
  readonly lineRange: Range | undefined;
  readonly codes: readonly { readonly code: string; readonly range: Range }[];
  /** 0-based line of the host file the directive applies to. */
  readonly targetLine: number;
  /**
   * The offsets of that line: from its start to the start of the next line (`Infinity` for the last
   * line), empty when the line does not exist. A finding is on the line when its start offset, clamped
   * into the file, is in this range.
   */
  readonly targetOffsets: Range;
}

const CODE_LIST = /grlint-disable-(next-line|line)((?:[ \t]+|[ \t]*,[ \t]*)[A-Z]{2,4}\d{3}(?:[ \t]*,[ \t]*[A-Z]{2,4}\d{3})*)/;

/** Finds every suppression directive of a parsed file. */
export function findDirectives(file: ParsedFile): Directive[] {
  const text = file.file.text;
  const uri = file.file.uri;
  // Most files have none, and the scan below costs a line index and a slice per line.
  if (!mayHaveDirectives(file)) return [];
  const index = new LineIndex(text);
  const out: Directive[] = [];
  const seen = new Set<number>();
  const add = (d: Directive): void => {
    if (seen.has(d.range.start)) return;
    seen.add(d.range.start);
    out.push(d);
  };

  // Line-wise scan of the host text: works for frr.conf comments and YAML comments alike.
  for (let line = 0; line < index.lineCount; line++) {
    const lineText = index.lineText(line);
    const start = index.lineStarts[line]!;
    const trimmed = lineText.trimStart();
    const lead = lineText.length - trimmed.length;
    const isFrr = file.kind === 'frr';
    let commentAt = -1;
    if (trimmed.startsWith('!') || trimmed.startsWith('#')) commentAt = lead;
    else if (!isFrr) {
      const m = /\s#/.exec(lineText);
      if (m) commentAt = m.index + 1;
    }
    if (commentAt < 0) continue;
    const comment = lineText.slice(commentAt);
    const m = CODE_LIST.exec(comment);
    if (!m) continue;
    const kind = m[1]!;
    const fullLine = commentAt === lead;
    if (kind === 'line' && (isFrr || fullLine)) continue; // end-of-line directives exist only in YAML
    if (kind === 'next-line' && !fullLine) continue;
    const dirStart = start + commentAt;
    const codesText = m[2]!;
    const codesOffset = start + commentAt + m.index + m[0].length - codesText.length;
    const codes: { code: string; range: Range }[] = [];
    const re = /[A-Z]{2,4}\d{3}/g;
    for (let c = re.exec(codesText); c; c = re.exec(codesText)) {
      codes.push({ code: c[0], range: { start: codesOffset + c.index, end: codesOffset + c.index + c[0].length } });
    }
    const target = kind === 'line' ? line : nextTargetLine(index, line);
    const lineEnd = line + 1 < index.lineCount ? index.lineStarts[line + 1]! : text.length;
    add({
      uri,
      range: { start: dirStart, end: start + lineText.length },
      lineRange: kind === 'next-line' ? { start, end: lineEnd } : undefined,
      codes,
      targetLine: target,
      targetOffsets: lineOffsets(index, target),
    });
  }
  return out;
}

/** Every directive contains this text (CODE_LIST). */
const MARK = 'grlint-disable-';

/**
 * False when no line of the file can hold a directive. An frr.conf holds them only in comment lines,
 * which its parse already found: those (and lines that start with a non-ASCII character, which
 * `trimStart` may take for white space) are read instead of the whole text.
 */
function mayHaveDirectives(file: ParsedFile): boolean {
  const text = file.file.text;
  if (file.kind !== 'frr') return text.includes(MARK);
  const lines = file.frr.tree.lines;
  // An index loop: this runs once per lint over every line, where for-of would allocate an iterator
  // result per line until the loop gets optimized.
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank' || (l.kind === 'command' && text.charCodeAt(l.contentStart) < 128)) continue;
    if (text.slice(l.contentStart, l.contentEnd).includes(MARK)) return true;
  }
  return false;
}

/** The offsets of a line, as in {@link Directive.targetOffsets}. */
function lineOffsets(index: LineIndex, line: number): Range {
  if (line >= index.lineCount) return { start: Infinity, end: Infinity };
  return { start: index.lineStarts[line]!, end: line + 1 < index.lineCount ? index.lineStarts[line + 1]! : Infinity };
}

/** The line a next-line directive applies to: the next line that is not itself a directive. */
function nextTargetLine(index: LineIndex, line: number): number {
  let l = line + 1;
  while (l < index.lineCount && /^\s*[!#]\s*grlint-disable-next-line\b/.test(index.lineText(l))) l++;
  return l;
}
