/**
 * Shared helpers of the TMR and BFD rules: the timer lines of real and embedded frr.conf text, the timer
 * fields of MetalLB / frr-k8s objects, and YAML edits that keep the file's own style (quoting, indentation,
 * block or flow mappings).
 */
import type { FileEdit } from '../finding';
import type { NeighborStatement, NumVal, TimersBgpStatement } from '../frr/views';
import { SECOND } from '../k8s/duration';
import type { DurationVal, InvalidField, K8sObject, YMap, YMapEntry } from '../k8s/types';
import type { Location, ModelDoc } from '../model/types';
import { objectAnchor } from '../model/render';
import type { Range } from '../text/range';
import type { ParsedFile } from '../project';
import type { RuleContext } from './define';
import { YamlMemo } from './yaml-memo';
import { eol } from './fix-helpers';

/** FRR's range of `timers` values (`(0-65535)`); a value outside it makes vtysh reject the line (FRR501). */
export const TIMER_MAX = 65535;

/** A number token that holds a decimal value. */
export type Num = NumVal & { readonly value: number };

/** A `timers K H` line (neighbor, peer-group or `timers bgp`) whose values FRR's grammar accepts. */
export interface FrrTimersLine {
  readonly doc: ModelDoc;
  readonly statement: NeighborStatement | TimersBgpStatement;
  /** The command as written, e.g. `neighbor 192.0.2.1 timers 3 9`. */
  readonly command: string;
  readonly keepalive: Num;
  readonly hold: Num;
}

/** A `neighbor X timers connect N` line with a number (possibly out of range). */
export interface FrrConnectLine {
  readonly doc: ModelDoc;
  readonly statement: NeighborStatement;
  readonly command: string;
  readonly value: NumVal;
  /** The value as an integer, when the token is one (`-1` included). */
  readonly number: number | undefined;
}

/** Documents whose text the user wrote: real frr.conf files and embedded raw / extras text (never renderings). */
export function writtenDocs(ctx: RuleContext): readonly ModelDoc[] {
  // Several rules read these per lint, out of hundreds of renderings: found once per model.
  let docs = WRITTEN.get(ctx.model);
  if (!docs) WRITTEN.set(ctx.model, (docs = ctx.model.docs.filter((d) => d.kind === 'frr' || d.kind === 'embedded')));
  return docs;
}

const WRITTEN = new WeakMap<RuleContext['model'], readonly ModelDoc[]>();

function isNum(v: NumVal | undefined): v is Num {
  return v !== undefined && v.value !== undefined;
}

/** Every non-negated `timers K H` line of written documents whose values are in FRR's grammar range. */
export function frrTimersLines(ctx: RuleContext): FrrTimersLine[] {
  // Four rules read these per lint: computed once per model (callers only iterate).
  let out = TIMERS_LINES.get(ctx.model);
  if (!out) TIMERS_LINES.set(ctx.model, (out = collectFrrTimersLines(ctx)));
  return out;
}

const TIMERS_LINES = new WeakMap<RuleContext['model'], FrrTimersLine[]>();

function collectFrrTimersLines(ctx: RuleContext): FrrTimersLine[] {
  const out: FrrTimersLine[] = [];
  for (const doc of writtenDocs(ctx)) {
    for (const r of doc.frr.routers) {
      // Index loops over statements: this runs once per lint over every statement.
      for (let i = 0; i < r.statements.length; i++) {
        const s = r.statements[i]!;
        if (s.negated) continue;
        let k: NumVal | undefined;
        let h: NumVal | undefined;
        if (s.kind === 'timers-bgp') [k, h] = [s.keepalive, s.hold];
        else if (s.kind === 'neighbor' && s.command.kind === 'timers') [k, h] = [s.command.keepalive, s.command.hold];
        else continue;
        if (!isNum(k) || !isNum(h) || k.value > TIMER_MAX || h.value > TIMER_MAX) continue;
        out.push({ doc, statement: s, command: doc.text.slice(s.range.start, s.range.end), keepalive: k, hold: h });
      }
    }
  }
  return out;
}

/** Every non-negated `neighbor X timers connect N` line of written documents. */
export function frrConnectLines(ctx: RuleContext): FrrConnectLine[] {
  const out: FrrConnectLine[] = [];
  for (const doc of writtenDocs(ctx)) {
    for (const r of doc.frr.routers) {
      for (let i = 0; i < r.statements.length; i++) {
        const s = r.statements[i]!;
        if (s.negated || s.kind !== 'neighbor' || s.command.kind !== 'timers-connect' || !s.command.value) continue;
        const v = s.command.value;
        const number = /^-?\d+$/.test(v.text) ? Number(v.text) : undefined;
        out.push({ doc, statement: s, command: doc.text.slice(s.range.start, s.range.end), value: v, number });
      }
    }
  }
  return out;
}

/** A new `timers K H` command with one value replaced (for fix titles). */
export function withTimerValue(line: FrrTimersLine, which: 'keepalive' | 'hold', value: number): string {
  const tok = which === 'keepalive' ? line.keepalive : line.hold;
  const start = line.statement.range.start;
  return line.command.slice(0, tok.range.start - start) + String(value) + line.command.slice(tok.range.end - start);
}

/** The timer fields of one MetalLB `BGPPeer` or one frr-k8s `FRRConfiguration` neighbor. */
export interface CrTimers {
  readonly uri: string;
  readonly kind: 'BGPPeer' | 'FRRConfiguration';
  /** `BGPPeer "name"` or `FRRConfiguration "name" neighbor 192.0.2.1` (as ends are labelled). */
  readonly label: string;
  /** Who reads the fields: `MetalLB` or `frr-k8s`. */
  readonly controller: 'MetalLB' | 'frr-k8s';
  /** A `metallb.io/v1beta1` BGPPeer: missing timers convert to `0s` (domain.md §1.3). */
  readonly v1beta1: boolean;
  /** frr-k8s: both timers or neither (domain.md §3.3). */
  readonly strict: boolean;
  readonly hold: DurationVal | undefined;
  readonly keepalive: DurationVal | undefined;
  readonly connect: DurationVal | undefined;
  /** The mapping that holds the fields (`spec`, or the neighbor). */
  readonly map: YMap | undefined;
  /** The range that stands for the object (its name). */
  readonly anchor: Range;
  /** Timer fields present with a non-string value (`holdTime: 90`). */
  readonly wrongType: readonly { readonly field: TimerField; readonly invalid: InvalidField }[];
}

export type TimerField = 'holdTime' | 'keepaliveTime' | 'connectTime';

const TIMER_FIELDS: readonly TimerField[] = ['holdTime', 'keepaliveTime', 'connectTime'];

function nameOf(o: { name?: { value: string } }): string {
  return o.name ? `"${o.name.value}"` : '(unnamed)';
}

function wrongTypeUnder(o: K8sObject, prefix: string): CrTimers['wrongType'] {
  const out: { field: TimerField; invalid: InvalidField }[] = [];
  for (const inv of o.invalid) {
    for (const f of TIMER_FIELDS) if (inv.path === `${prefix}.${f}`) out.push({ field: f, invalid: inv });
  }
  return out;
}

/**
 * The timer fields of every BGPPeer and FRRConfiguration neighbor in the project. Objects whose YAML
 * document has syntax errors are left out: what they say is not certain.
 */
export function crTimers(ctx: RuleContext): readonly CrTimers[] {
  // Eight rules read these per lint (callers only iterate).
  return CR_TIMERS.get(ctx);
}

const CR_TIMERS = new YamlMemo((files) => files.flatMap(collectCrTimers));

function collectCrTimers(f: ParsedFile): CrTimers[] {
  const out: CrTimers[] = [];
  if (f.kind !== 'k8s') return out;
  const uri = f.file.uri;
  for (const o of f.k8s.objects) {
    if (o.hasErrors) continue;
    if (o.kind === 'BGPPeer') {
      const s = o.spec;
      out.push({
        uri,
        kind: 'BGPPeer',
        label: `BGPPeer ${nameOf(o)}`,
        controller: 'MetalLB',
        v1beta1: o.version === 'v1beta1',
        strict: false,
        hold: s.holdTime,
        keepalive: s.keepaliveTime,
        connect: s.connectTime,
        map: s.node,
        anchor: objectAnchor(o),
        wrongType: wrongTypeUnder(o, 'spec'),
      });
    } else if (o.kind === 'FRRConfiguration') {
      (o.spec.bgp?.value.routers?.value ?? []).forEach((r, ri) => {
        (r.neighbors?.value ?? []).forEach((n, ni) => {
          const target = n.address?.value ?? n.interface?.value ?? '0.0.0.0';
          out.push({
            uri,
            kind: 'FRRConfiguration',
            label: `FRRConfiguration ${nameOf(o)} neighbor ${target}`,
            controller: 'frr-k8s',
            v1beta1: false,
            strict: true,
            hold: n.holdTime,
            keepalive: n.keepaliveTime,
            connect: n.connectTime,
            map: n.node,
            anchor: objectAnchor(o),
            wrongType: wrongTypeUnder(o, `spec.bgp.routers[${ri}].neighbors[${ni}]`),
          });
        });
      });
    }
  }
  return out;
}

/** Whole seconds of a parsed duration, truncated as MetalLB and frr-k8s do (`int64(d / time.Second)`). */
export function truncSeconds(d: DurationVal): number | undefined {
  if (!d.duration.ok) return undefined;
  let s = SECONDS.get(d);
  if (s === undefined) SECONDS.set(d, (s = Number(d.duration.nanos / SECOND)));
  return s;
}

/** Whole seconds by duration value (part of a YAML parse result): rules ask for them on every lint. */
const SECONDS = new WeakMap<DurationVal, number>();

/** The location of a YAML value. */
export function valueLoc(t: CrTimers, v: { range: Range }): Location {
  return { uri: t.uri, range: v.range };
}

/** A duration in whole seconds as written in the fix (`90s`). */
export function secondsText(seconds: number): string {
  return `${seconds}s`;
}

/**
 * An edit that replaces a YAML scalar value with `plain`, keeping its quoting: `"1s"` stays double-quoted,
 * `'1s'` single-quoted, `1s` plain.
 */
export function replaceScalarEdit(ctx: RuleContext, uri: string, range: Range, plain: string): FileEdit | undefined {
  const text = ctx.textOf(uri);
  if (text === undefined) return undefined;
  const q = text[range.start];
  if ((q === '"' || q === "'") && text[range.end - 1] === q && range.end - range.start >= 2) {
    return { uri, range, newText: q + plain + q };
  }
  return { uri, range, newText: plain };
}

/**
 * An edit that adds `key: value` to mapping `map` right after entry `after`, in the mapping's own style:
 * a new line indented like `after`'s key in a block mapping; `, key: value` in a flow mapping (on a new
 * line indented like `after` when the flow mapping spans lines, as JSON does). Key and value are quoted
 * like `after`'s key and value.
 */
export function insertSiblingEdit(
  ctx: RuleContext,
  uri: string,
  map: YMap,
  after: YMapEntry,
  key: string,
  value: string,
): FileEdit | undefined {
  const text = ctx.textOf(uri);
  if (text === undefined) return undefined;
  const quoteOf = (r: Range): string => {
    const c = text[r.start];
    return (c === '"' || c === "'") && text[r.end - 1] === c && r.end - r.start >= 2 ? c : '';
  };
  const kq = quoteOf(after.keyRange);
  const vq = after.value.range.end > after.value.range.start ? quoteOf(after.value.range) : '';
  const entry = `${kq}${key}${kq}: ${vq}${value}${vq}`;
  const lineStart = text.lastIndexOf('\n', after.keyRange.start - 1) + 1;
  const column = after.keyRange.start - lineStart;
  const nl = eol(text);
  if (map.flow) {
    const before = text.slice(lineStart, after.keyRange.start);
    const at = after.value.range.end;
    // A multi-line flow mapping whose entry starts its own line gets the new entry on a line of its own.
    if (/^[ \t]*$/.test(before)) return { uri, range: { start: at, end: at }, newText: `,${nl}${before}${entry}` };
    return { uri, range: { start: at, end: at }, newText: `, ${entry}` };
  }
  // Block mapping: insert a line after the line where `after`'s value ends (keeping any comment there).
  const valueEnd = after.value.range.end;
  const nextNl = text.indexOf('\n', valueEnd);
  const indent = ' '.repeat(column);
  if (nextNl < 0) return { uri, range: { start: text.length, end: text.length }, newText: `${nl}${indent}${entry}` };
  return { uri, range: { start: nextNl + 1, end: nextNl + 1 }, newText: `${indent}${entry}${nl}` };
}

/** The entry of `map` whose value is at `range` (the field a view value came from). */
export function entryAt(map: YMap | undefined, range: Range): YMapEntry | undefined {
  return map?.entries.find((e) => e.value.range.start === range.start && e.value.range.end === range.end);
}
