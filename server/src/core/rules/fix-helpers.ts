/**
 * Shared helpers for rules: locating settings, and building edits in real or embedded frr.conf text.
 * Rendered (template) text is never edited: a fix for a cluster-side end edits the CR field or the
 * embedded raw/extras text it came from.
 */
import type { FileEdit } from '../finding';
import type { FrrBlock, FrrLine } from '../frr/syntax';
import type { BgpStatement } from '../frr/views';
import type { BgpInstance, Effective, End, Location, ModelDoc, Origin } from '../model/types';
import type { Range } from '../text/range';

/** The location of an effective value when it was written somewhere (not a default). */
export function originLoc(o: Origin): Location | undefined {
  return o.kind === 'default' ? undefined : o.loc;
}

/** The location of a value, falling back to the end's declaration for defaults. */
export function locOrDecl<T>(v: Effective<T>, end: End): Location {
  return originLoc(v.origin) ?? end.decl;
}


/** The document that holds the statement an origin points at, searching the end's instance documents. */
export function statementAt(end: End, loc: Location): { doc: ModelDoc; statement: BgpStatement } | undefined {
  const doc = end.instance.doc;
  if (doc.kind === 'frr') {
    // A real file's ranges are its own, and each block's statements are in file order: binary search.
    if (loc.uri !== doc.uri) return undefined;
    for (const b of end.instance.blocks) {
      const list = b.statements;
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.range.start < loc.range.start) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.length && list[i]!.range.start === loc.range.start; i++) {
        if (list[i]!.range.end === loc.range.end) return { doc, statement: list[i]! };
      }
    }
    return undefined;
  }
  for (const b of end.instance.blocks) {
    for (const s of b.statements) {
      const r = doc.resolve(s.range);
      if (r.uri === loc.uri && r.range.start === loc.range.start && r.range.end === loc.range.end) return { doc, statement: s };
    }
  }
  return undefined;
}

/** An edit that deletes a whole line of `doc` (with its terminator), mapped to the real file. */
export function deleteLineEdit(doc: ModelDoc, line: FrrLine): FileEdit | undefined {
  return doc.edit({ start: line.start, end: line.end }, '');
}

/** An edit that replaces `range` of `doc` (a value token) with `text`, mapped to the real file. */
export function replaceEdit(doc: ModelDoc, range: Range, text: string): FileEdit | undefined {
  return doc.edit(range, text);
}

/** The indentation used by the body lines of a block (default one space). */
export function bodyIndent(doc: ModelDoc, block: FrrBlock): string {
  for (const l of block.lines) {
    if (l.kind === 'command') return doc.text.slice(l.start, l.contentStart).replace(/^\uFEFF/, '');
  }
  return ' ';
}

/** The line ending used by a document (CRLF when its first line ends with one). */
export function eol(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * An edit that inserts a command line into an instance's `router bgp` block: into the first block whose
 * text can be edited (a real frr.conf, or embedded raw/extras text), after the last statement of that
 * block for which `after` is true, else right after the opener line. Undefined when no block is editable.
 */
export function insertIntoRouter(
  inst: BgpInstance,
  command: string,
  after?: (s: BgpStatement) => boolean,
): FileEdit | undefined {
  const doc = inst.doc;
  const nl = eol(doc.text);
  for (const block of inst.blocks) {
    let anchor: FrrLine = block.opener;
    if (after) for (const s of block.statements) if (after(s) && s.line.start > anchor.start && s.line.end <= block.block.range.end) anchor = s.line;
    // Insert where the next line starts; if the anchor is the last line and has no terminator, add one.
    const atEnd = !/[\r\n]/.test(doc.text[anchor.end - 1] ?? '');
    const text = (atEnd ? nl : '') + bodyIndent(doc, block.block) + command + (atEnd ? '' : nl);
    const e = doc.edit({ start: anchor.end, end: anchor.end }, text);
    if (e) return e;
  }
  return undefined;
}

/** The neighbor target text of an end as written (for commands that name it). */
export function targetText(end: End): string | undefined {
  const s = end.statements[0];
  if (s) return s.target.value;
  if (end.target.kind === 'address') return end.target.address;
  if (end.target.kind === 'interface') return end.target.name;
  return undefined;
}
