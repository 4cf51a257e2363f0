/**
 * The sessions report (`grlint sessions`, the editor's "Show BGP Sessions"): every paired session with
 * both ends, their effective GR mode and timers, and the restart verdict in each direction.
 */
import type { Effective, End, Location, Model, Origin, Session, Verdict } from '../model/types';
import { verdictText } from '../model/verdict';

/** Maps a location to `file:line` for display. */
export type Where = (loc: Location) => string;

/** JSON schema version of {@link sessionsJson}. */
export const SESSIONS_SCHEMA_VERSION = 1;

export interface EndJson {
  readonly label: string;
  /** Who runs this end: the router's name, or the object for a cluster-side end. */
  readonly speaker: string;
  readonly side: End['side'];
  readonly file: string;
  readonly kind: string;
  readonly asn: number | null;
  readonly vrf: string | null;
  readonly address: string | null;
  readonly frrVersion: string | null;
  readonly gr: {
    readonly mode: ValueJson<string>;
    readonly restartTime: ValueJson<number>;
    readonly stalepathTime: ValueJson<number>;
    readonly preserveFwState: ValueJson<boolean>;
    readonly notification: ValueJson<boolean>;
    readonly llgrStaleTime: ValueJson<number>;
  };
  readonly timers: { readonly hold: ValueJson<number>; readonly keepalive: ValueJson<number>; readonly keepaliveEffective: number; readonly connect: ValueJson<number> };
  readonly bfd: { readonly enabled: ValueJson<boolean>; readonly profile: string | null; readonly checkControlPlaneFailure: ValueJson<boolean> };
}

export interface ValueJson<T> {
  readonly value: T;
  /** `file:line` of the line or field that set it, or null for a default. */
  readonly from: string | null;
  /** `config`, `rendered` or `default`. */
  readonly origin: Origin['kind'];
  /** What the default or rendering is, when not set in the config. */
  readonly detail?: string;
}

export interface VerdictJson {
  /** The restarting end's speaker (router name or object). */
  readonly restarting: string;
  /** The helper end's speaker. */
  readonly helper: string;
  readonly kept: boolean;
  readonly seconds: number | null;
  /** First cause of the loss, or null when kept. */
  readonly reason: string | null;
  readonly reasonCode: string | null;
  /** Every cause, first first; `condition` when the cause holds only for some ways of going away. */
  readonly reasons: readonly ReasonJson[];
  readonly boundBy: string | null;
  readonly text: string;
  /** The outcome when no reason's condition holds; only present when some reason has a condition. */
  readonly otherwise?: OutcomeJson;
}

export interface ReasonJson {
  readonly code: string;
  readonly message: string;
  readonly at: string;
  readonly condition?: { readonly code: string; readonly holds: string; readonly fails: string; readonly race: string };
}

export interface OutcomeJson {
  readonly kept: boolean;
  readonly seconds: number | null;
  readonly reasonCode: string | null;
  readonly boundBy: string | null;
  readonly text: string;
}

export interface SessionsJson {
  readonly version: number;
  readonly sessions: readonly { readonly a: EndJson; readonly b: EndJson; readonly verdicts: readonly [VerdictJson, VerdictJson] }[];
  readonly unpaired: readonly EndJson[];
  readonly ambiguous: readonly { readonly end: EndJson; readonly candidates: readonly string[] }[];
}

function value<T>(e: Effective<T>, where: Where): ValueJson<T> {
  const o = e.origin;
  if (o.kind === 'default') return { value: e.value, from: null, origin: 'default', detail: o.detail };
  if (o.kind === 'rendered') return { value: e.value, from: where(o.loc), origin: 'rendered', detail: o.detail };
  return { value: e.value, from: where(o.loc), origin: 'config' };
}

export function endJson(e: End, where: Where): EndJson {
  return {
    label: e.label,
    speaker: e.speaker,
    side: e.side,
    file: where(e.decl),
    kind: e.object?.kind ?? 'frr.conf neighbor',
    asn: e.localAsn ?? null,
    vrf: e.vrf ?? null,
    address: e.target.kind === 'address' ? e.target.address : e.target.kind === 'interface' ? e.target.name : e.target.kind === 'listen-range' ? e.target.prefix : null,
    frrVersion: e.frrVersion?.value ?? null,
    gr: {
      mode: value(e.gr.mode, where),
      restartTime: value(e.gr.restartTime, where),
      stalepathTime: value(e.gr.stalepathTime, where),
      preserveFwState: value(e.gr.preserveFwState, where),
      notification: value(e.gr.notification, where),
      llgrStaleTime: value(e.gr.llgrStaleTime, where),
    },
    timers: {
      hold: value(e.timers.hold, where),
      keepalive: value(e.timers.keepalive, where),
      keepaliveEffective: e.timers.keepaliveClamped,
      connect: value(e.timers.connect, where),
    },
    bfd: {
      enabled: value(e.bfd.enabled, where),
      profile: e.bfd.profile?.value ?? null,
      checkControlPlaneFailure: value(e.bfd.checkControlPlaneFailure, where),
    },
  };
}

export function verdictJson(v: Verdict, where: Where): VerdictJson {
  return {
    restarting: v.restarting.speaker,
    helper: v.helper.speaker,
    kept: v.kept,
    seconds: v.seconds,
    reason: v.reasons[0]?.message ?? null,
    reasonCode: v.reasons[0]?.code ?? null,
    reasons: v.reasons.map((r) => ({ code: r.code, message: r.message, at: where(r.loc), ...(r.condition ? { condition: { ...r.condition } } : {}) })),
    boundBy: v.boundBy ?? null,
    text: verdictText(v),
    ...(v.otherwise
      ? {
          otherwise: {
            kept: v.otherwise.kept,
            seconds: v.otherwise.seconds,
            reasonCode: v.otherwise.reasons[0]?.code ?? null,
            boundBy: v.otherwise.boundBy ?? null,
            text: verdictText(v.otherwise),
          },
        }
      : {}),
  };
}

/** The sessions report as data (the `--format json` schema, documented in docs/cli.md). */
export function sessionsJson(model: Model, where: Where): SessionsJson {
  return {
    version: SESSIONS_SCHEMA_VERSION,
    sessions: sortedSessions(model).map((s) => ({
      a: endJson(s.a, where),
      b: endJson(s.b, where),
      verdicts: [verdictJson(s.verdicts[0], where), verdictJson(s.verdicts[1], where)] as const,
    })),
    unpaired: model.pairing.filter((n) => n.kind === 'unpaired').map((n) => endJson(n.end, where)),
    ambiguous: model.pairing
      .filter((n) => n.kind === 'ambiguous')
      .map((n) => ({ end: endJson(n.end, where), candidates: n.candidates.map((c) => `${c.label} (${where(c.decl)})`) })),
  };
}

function sortedSessions(model: Model): Session[] {
  const key = (s: Session): string => `${s.a.decl.uri}|${String(s.a.decl.range.start).padStart(9, '0')}|${s.b.decl.uri}|${String(s.b.decl.range.start).padStart(9, '0')}`;
  return [...model.sessions].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
}

function describeValue<T>(v: ValueJson<T>, unit = ''): string {
  const val = typeof v.value === 'boolean' ? (v.value ? 'on' : 'off') : `${v.value}${unit}`;
  if (v.origin === 'default') return `${val} (default)`;
  if (v.origin === 'rendered') return `${val} (rendered, ${v.from})`;
  return `${val} (${v.from})`;
}

function endLines(e: EndJson): string[] {
  const lines = [
    `  ${e.speaker === e.label ? e.label : `${e.speaker}: ${e.label}`}  [${e.kind}, AS ${e.asn ?? '?'}${e.vrf ? `, vrf ${e.vrf}` : ''}, ${e.file}${e.frrVersion ? `, FRR ${e.frrVersion}` : ''}]`,
    `    GR mode ${describeValue(e.gr.mode)}; restart-time ${describeValue(e.gr.restartTime, ' s')}; stalepath-time ${describeValue(e.gr.stalepathTime, ' s')}`,
    `    preserve-fw-state ${describeValue(e.gr.preserveFwState)}; notification ${describeValue(e.gr.notification)}${e.gr.llgrStaleTime.value ? `; LLGR stale-time ${describeValue(e.gr.llgrStaleTime, ' s')}` : ''}`,
    `    hold ${describeValue(e.timers.hold, ' s')}; keepalive ${describeValue(e.timers.keepalive, ' s')}${e.timers.keepaliveEffective !== e.timers.keepalive.value ? ` (FRR uses ${e.timers.keepaliveEffective} s)` : ''}`,
    `    BFD ${describeValue(e.bfd.enabled)}${e.bfd.profile ? ` profile ${e.bfd.profile}` : ''}; check-control-plane-failure ${describeValue(e.bfd.checkControlPlaneFailure)}`,
  ];
  return lines;
}

/** The sessions report as text. */
export function sessionsText(model: Model, where: Where): string {
  const data = sessionsJson(model, where);
  const out: string[] = [];
  data.sessions.forEach((s, i) => {
    const name = (e: EndJson): string => (e.speaker === e.label ? e.label : `${e.speaker} ${e.label}`);
    out.push(`Session ${i + 1}: ${name(s.a)} (${s.a.file}) <-> ${name(s.b)} (${s.b.file})`);
    out.push(...endLines(s.a), ...endLines(s.b));
    for (const v of s.verdicts) {
      out.push(`  if ${v.restarting} restarts: ${v.kept ? `routes kept ${v.seconds} s by ${v.helper}${v.boundBy === 'stalepath-time' ? ` (bounded by ${v.helper}'s stalepath-time)` : ''}` : `routes lost: ${v.reason}`}`);
      const c = v.reasons[0]?.condition;
      if (c && v.otherwise) {
        out.push(`    only if ${c.holds}`);
        out.push(`    if ${c.fails}: ${v.otherwise.text}`);
        out.push(`    if ${c.race}: either, a race between the TCP close and BFD Down`);
      }
    }
    out.push('');
  });
  if (data.unpaired.length) {
    out.push('Unpaired ends (their other side is not in the workspace):');
    for (const e of data.unpaired) out.push(`  ${e.label} (${e.file})`);
    out.push('');
  }
  if (data.ambiguous.length) {
    out.push('Ambiguous ends (add topology hints to .grlint.yaml):');
    for (const a of data.ambiguous) out.push(`  ${a.end.label} (${a.end.file}) matches ${a.candidates.join(', ')}`);
    out.push('');
  }
  out.push(`${data.sessions.length} session${data.sessions.length === 1 ? '' : 's'}, ${data.unpaired.length} unpaired, ${data.ambiguous.length} ambiguous.`);
  return out.join('\n') + '\n';
}

/** The sessions report as markdown (the editor's "Show BGP Sessions"): a table of both ends per session. */
export function sessionsMarkdown(model: Model, where: Where): string {
  const data = sessionsJson(model, where);
  const esc = (s: string): string => s.replace(/\|/g, '\\|');
  const name = (e: EndJson): string => (e.speaker === e.label ? e.label : `${e.speaker}: ${e.label}`);
  const out: string[] = ['# BGP sessions', ''];
  out.push(`${data.sessions.length} session${data.sessions.length === 1 ? '' : 's'}, ${data.unpaired.length} unpaired, ${data.ambiguous.length} ambiguous.`, '');
  data.sessions.forEach((s, i) => {
    out.push(`## ${i + 1}. ${esc(name(s.a))} ↔ ${esc(name(s.b))}`, '');
    for (const v of s.verdicts) {
      out.push(`- **If ${esc(v.restarting)} restarts:** ${v.kept ? `routes kept **${v.seconds} s** by ${esc(v.helper)}` : `routes **lost**: ${esc(v.reason ?? '')}`}`);
    }
    out.push('', `| | ${esc(name(s.a))} (${s.a.file}) | ${esc(name(s.b))} (${s.b.file}) |`, '|---|---|---|');
    const row = (label: string, f: (e: EndJson) => string): void => void out.push(`| ${label} | ${esc(f(s.a))} | ${esc(f(s.b))} |`);
    row('AS', (e) => `${e.asn ?? '?'}${e.vrf ? ` (vrf ${e.vrf})` : ''}`);
    row('GR mode', (e) => describeValue(e.gr.mode));
    row('restart-time', (e) => describeValue(e.gr.restartTime, ' s'));
    row('stalepath-time', (e) => describeValue(e.gr.stalepathTime, ' s'));
    row('preserve-fw-state', (e) => describeValue(e.gr.preserveFwState));
    row('notification (N bit)', (e) => describeValue(e.gr.notification));
    row('hold', (e) => describeValue(e.timers.hold, ' s'));
    row('keepalive', (e) => `${describeValue(e.timers.keepalive, ' s')}${e.timers.keepaliveEffective !== e.timers.keepalive.value ? `, FRR uses ${e.timers.keepaliveEffective} s` : ''}`);
    row('BFD', (e) => `${describeValue(e.bfd.enabled)}${e.bfd.enabled.value ? `, check-control-plane-failure ${describeValue(e.bfd.checkControlPlaneFailure)}` : ''}`);
    out.push('');
  });
  if (data.unpaired.length) {
    out.push('## Unpaired ends', '', 'Their other side is not in the workspace; session rules are skipped for them.', '');
    for (const e of data.unpaired) out.push(`- ${esc(name(e))} (${e.file})`);
    out.push('');
  }
  if (data.ambiguous.length) {
    out.push('## Ambiguous ends', '', 'Add topology hints to `.grlint.yaml` to tell grlint which router they peer with.', '');
    for (const a of data.ambiguous) out.push(`- ${esc(name(a.end))} (${a.end.file}) matches ${a.candidates.map(esc).join(', ')}`);
    out.push('');
  }
  return out.join('\n');
}
