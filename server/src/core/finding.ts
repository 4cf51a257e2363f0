import type { Location } from './model/types';
import type { Range } from './text/range';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** Fix safety (ruff): `safe` only does what its title says; `unsafe` has a side effect or is a judgment call. */
export type Applicability = 'safe' | 'unsafe';

/** A text edit in one file of the project. Offsets refer to the file's text as it was linted. */
export interface FileEdit {
  readonly uri: string;
  readonly range: Range;
  readonly newText: string;
}

/** A quick-fix: a titled set of edits, possibly in several files, computed when the rule reports. */
export interface Fix {
  readonly title: string;
  readonly applicability: Applicability;
  readonly edits: readonly FileEdit[];
}

export interface RelatedLocation {
  readonly loc: Location;
  readonly message: string;
}

/** One finding of one rule. */
export interface Finding {
  readonly code: string;
  readonly name: string;
  readonly severity: Severity;
  readonly messageId: string;
  readonly data: Readonly<Record<string, string | number>>;
  /** The rendered message (one line, lower case, no final period). */
  readonly message: string;
  readonly loc: Location;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
}

/** Fills `{name}` placeholders of a message template. Unknown placeholders stay as written. */
export function renderMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  const { texts, names } = compiled(template);
  let out = texts[0]!;
  for (let i = 0; i < names.length; i++) {
    const k = names[i]!;
    out += (k in data ? String(data[k]) : `{${k}}`) + texts[i + 1]!;
  }
  return out;
}

/**
 * Templates split at their placeholders (`texts` around `names`), by template: a lint renders a
 * message per finding from a few dozen templates. Bounded: emptied when it grows past the bound.
 */
const TEMPLATES = new Map<string, { readonly texts: readonly string[]; readonly names: readonly string[] }>();
const TEMPLATES_BOUND = 1024;

function compiled(template: string): { readonly texts: readonly string[]; readonly names: readonly string[] } {
  let c = TEMPLATES.get(template);
  if (!c) {
    const texts: string[] = [];
    const names: string[] = [];
    const re = /\{(\w+)\}/g;
    let last = 0;
    for (let m = re.exec(template); m; m = re.exec(template)) {
      texts.push(template.slice(last, m.index));
      names.push(m[1]!);
      last = m.index + m[0].length;
    }
    texts.push(template.slice(last));
    if (TEMPLATES.size >= TEMPLATES_BOUND) TEMPLATES.clear();
    TEMPLATES.set(template, (c = { texts, names }));
  }
  return c;
}

/** Orders findings by file, start offset, then code, so output is deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.loc.uri < b.loc.uri ? -1 : a.loc.uri > b.loc.uri ? 1 : 0) ||
    a.loc.range.start - b.loc.range.start ||
    a.loc.range.end - b.loc.range.end ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
