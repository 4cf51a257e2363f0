/**
 * Parsing a new version of a file from the parse result of its previous version: what the language
 * server does on every edit. The result equals `parseFile(file)`; only the work differs (an frr.conf
 * re-splits just the lines the edit touched, see `reparseFrr`).
 */
import { reanalyzeFrr } from './frr';
import type { ParsedFile, SourceFile } from './project';
import { classifyFile, parseFile } from './project';
import { LineIndex } from './text/line-index';

/** Parses `file`, reusing `prev` (the parse result of an earlier version of the same file) where it can. */
export function reparseFile(prev: ParsedFile | undefined, file: SourceFile): ParsedFile {
  if (prev?.kind === 'frr' && classifyFile(file.uri, file.text, file.languageId) === 'frr') {
    return { kind: 'frr', file, frr: reanalyzeFrr(prev.frr, file.text) };
  }
  return parseFile(file);
}

/** The line index of a parsed file's text; an frr.conf's comes from its lines (no second scan of the text). */
export function lineIndexOf(parsed: ParsedFile): LineIndex {
  if (parsed.kind === 'frr') return new LineIndex(parsed.file.text, parsed.frr.tree.lines.map((l) => l.start));
  return new LineIndex(parsed.file.text);
}
