/**
 * Helpers shared by the GR rules: grouping findings by location, naming several ends in one message,
 * finding the helpers of a restarting end, and building edits of graceful-restart settings in real or
 * embedded frr.conf text (never in rendered template text).
 */
import type { FileEdit } from '../finding';
import type { BgpStatement, GrStatement, GrTimerName } from '../frr/views';
import type { Effective, End, Location, Model, ModelDoc } from '../model/types';
import { instanceStatements } from '../model/effective';
import { compareVersions } from '../model/version';
import { eol, insertIntoRouter, statementAt } from './fix-helpers';

/** A string key of a location, for grouping and de-duplication. */
export function locKey(loc: Location): string {
  return `${loc.uri}@${loc.range.start}-${loc.range.end}`;
}

/** True when two locations are the same range of the same file. */
export function sameLoc(a: Location, b: Location): boolean {
  return a.uri === b.uri && a.range.start === b.range.start && a.range.end === b.range.end;
}

/** Names several things in one phrase: `a`, `a and b`, `a and 2 others`. */
export function listLabels(labels: readonly string[]): string {
  const u = [...new Set(labels)];
  if (u.length <= 1) return u[0] ?? '';
  if (u.length === 2) return `${u[0]} and ${u[1]}`;
  return `${u[0]} and ${u.length - 1} others`;
}

/** The ends `end` has a session with (its helpers when it restarts), in session order. */
export function peersOf(model: Model, end: End): readonly End[] {
  let byId = PEERS.get(model);
  if (!byId) PEERS.set(model, (byId = peersById(model)));
  return byId.get(end.id) ?? [];
}

/** The peers of every end by end id, built once per model (rules ask for each of many ends). */
const PEERS = new WeakMap<Model, ReadonlyMap<string, readonly End[]>>();

function peersById(model: Model): ReadonlyMap<string, readonly End[]> {
  const out = new Map<string, End[]>();
  const add = (id: string, peer: End): void => {
    const list = out.get(id);
    if (list) list.push(peer);
    else out.set(id, [peer]);
  };
  for (const s of model.sessions) {
    add(s.a.id, s.b);
    if (s.b.id !== s.a.id) add(s.b.id, s.a);
  }
  return out;
}

/**
 * The helpers a single-end GR finding concerns: `undefined` when the end is unpaired (the rule then
 * fires on the end alone), else the peers that do not disable GR (empty: every peer disables GR, which
 * GR101 reports, so the single-end rule stays silent).
 */
export function activeHelpers(model: Model, end: End): End[] | undefined {
  const peers = peersOf(model, end);
  if (peers.length === 0) return undefined;
  return peers.filter((p) => p.gr.mode.value !== 'disable');
}

/** True when the end's FRR version is known and older than `version`. */
export function versionBelow(end: End, version: string): boolean {
  const v = end.frrVersion?.value;
  return v !== undefined && compareVersions(v, version) < 0;
}

/** Graceful-restart statements (instance level) of an end's instance, in file order. */
export function instanceGrStatements(end: End): readonly GrStatement[] {
  return instanceStatements(end.instance).gr;
}

/** True for the instance-level graceful-restart statements of a `router bgp` block. */
export function isGrStatement(s: BgpStatement): s is GrStatement {
  return (
    s.kind === 'gr-mode' ||
    s.kind === 'gr-timer' ||
    s.kind === 'gr-preserve-fw-state' ||
    s.kind === 'gr-notification' ||
    s.kind === 'gr-disable-eor' ||
    s.kind === 'llgr-stale-time'
  );
}

/** A statement an origin points at: in the end's instance, or a BGP-wide (top-level) GR line of its document. */
export function grStatementAt(end: End, loc: Location): { doc: ModelDoc; statement: BgpStatement; bgpWide: boolean } | undefined {
  const found = statementAt(end, loc);
  if (found) return { ...found, bgpWide: false };
  const doc = end.instance.doc;
  for (const s of doc.frr.globalGr) {
    if (sameLoc(doc.resolve(s.range), loc)) return { doc, statement: s, bgpWide: true };
  }
  return undefined;
}

/** True when the document configures GR at the top level (FRR 10.2+), where instance GR lines are refused. */
function hasBgpWideGr(doc: ModelDoc): boolean {
  return doc.frr.globalGr.some((s) => !s.negated);
}

/**
 * An edit that adds an instance GR command (`bgp graceful-restart ...`) for `end`: after the last
 * BGP-wide GR line when the document configures GR at the top level, else into the end's `router bgp`
 * block after its last GR line (or its router-id, or its opener). Only real frr.conf text and embedded
 * raw/extras text are edited; undefined when neither is available.
 */
export function insertGrCommand(end: End, command: string): FileEdit | undefined {
  const doc = end.instance.doc;
  if (hasBgpWideGr(doc)) {
    const last = [...doc.frr.globalGr].reverse().find((s) => !s.negated);
    if (!last) return undefined;
    const atEnd = !/[\r\n]/.test(doc.text[last.line.end - 1] ?? '');
    const nl = eol(doc.text);
    return doc.edit({ start: last.line.end, end: last.line.end }, atEnd ? nl + command : command + nl);
  }
  const gr = instanceGrStatements(end);
  const hasRouterId = end.instance.blocks.some((b) => b.statements.some((s) => s.kind === 'router-id'));
  const after =
    gr.length > 0 ? (s: BgpStatement): boolean => isGrStatement(s) : hasRouterId ? (s: BgpStatement): boolean => s.kind === 'router-id' : undefined;
  return insertIntoRouter(end.instance, command, after);
}

/**
 * An edit that makes `bgp graceful-restart <name> <value>` effective for `end`: the value of the line
 * that sets it now is replaced, else a line is added ({@link insertGrCommand}).
 */
export function setGrTimerEdit(end: End, name: GrTimerName, current: Effective<number>, value: number): FileEdit | undefined {
  const o = current.origin;
  if (o.kind === 'config') {
    const found = grStatementAt(end, o.loc);
    if (!found || found.statement.kind !== 'gr-timer' || !found.statement.value) return undefined;
    return found.doc.edit(found.statement.value.range, String(value));
  }
  return insertGrCommand(end, `bgp graceful-restart ${name} ${value}`);
}

/** The text of a statement as written (its first to its last word). */
export function statementText(doc: ModelDoc, s: BgpStatement): string {
  return doc.text.slice(s.range.start, s.range.end);
}
