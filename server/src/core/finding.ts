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
  const t = compiled(template);
  if (t.size >= RENDERED_BOUND) {
    t.rendered.clear();
    t.size = 0;
  }
  // The rendered message, found by the values of the template's placeholders in order (or MISSING).
  let node: Map<unknown, unknown> = t.rendered;
  const keys = t.keys;
  for (let i = 0; i < keys.length - 1; i++) {
    const v = keys[i]! in data ? data[keys[i]!] : MISSING;
    let next = node.get(v) as Map<unknown, unknown> | undefined;
    if (!next) node.set(v, (next = new Map()));
    node = next;
  }
  const last = keys.length > 0 ? (keys[keys.length - 1]! in data ? data[keys[keys.length - 1]!] : MISSING) : MISSING;
  let out = node.get(last) as string | undefined;
  if (out === undefined) {
    node.set(last, (out = fill(t, data)));
    t.size++;
  }
  return out;
}

function fill(t: Template, data: Readonly<Record<string, string | number>>): string {
  let out = t.texts[0]!;
  for (let i = 0; i < t.names.length; i++) {
    const k = t.names[i]!;
    out += (k in data ? String(data[k]) : `{${k}}`) + t.texts[i + 1]!;
  }
  return out;
}

/**
 * A template split at its placeholders (`texts` around `names`), with the messages rendered from it by
 * the values of its distinct placeholders (`keys`): a lint renders a message per finding, and an edit
 * renders mostly the messages of the lint before. Templates are kept by text (a few dozen); their
 * messages up to a bound per template.
 */
interface Template {
  readonly texts: readonly string[];
  readonly names: readonly string[];
  readonly keys: readonly string[];
  readonly rendered: Map<unknown, unknown>;
  size: number;
}

const TEMPLATES = new Map<string, Template>();
const TEMPLATES_BOUND = 1024;
const RENDERED_BOUND = 16384;
const MISSING = Symbol('missing');

function compiled(template: string): Template {
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
    TEMPLATES.set(template, (c = { texts, names, keys: [...new Set(names)], rendered: new Map(), size: 0 }));
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
