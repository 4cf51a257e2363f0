/** Hover, code lens, document symbols and go to definition. */
import type { CodeLens, DocumentSymbol, Hover, Location as LspLocation, Position } from 'vscode-languageserver';
import { MarkupKind, SymbolKind } from 'vscode-languageserver';
import { hoverFor } from '../core/frr/commands';
import type { FrrBlock, FrrBlockKind } from '../core/frr/syntax';
import type { BgpStatement } from '../core/frr/views';
import { CR_KNOBS, FRR_KNOBS, type KnobDoc } from '../core/knobs';
import type { LintResult } from '../core/lint';
import type { Effective, End, Location, Session, Verdict } from '../core/model/types';
import { verdictText } from '../core/model/verdict';
import type { ParsedFile } from '../core/project';
import { redactSecrets } from '../core/secrets';
import { toLspLocation, toLspRange } from './convert';
import { endsAt, endsOfObject, fieldPathAt, objectAt, otherEnd, sessionsOf, statementAt } from './navigation';
import type { Snapshot, Workspace } from './workspace';

type SnapOf = (uri: string) => Snapshot | undefined;

function link(loc: Location, snapOf: SnapOf, label?: string): string {
  const snap = snapOf(loc.uri);
  const line = snap ? snap.index.positionAt(loc.range.start).line + 1 : 1;
  const name = loc.uri.split('/').pop() ?? loc.uri;
  return `[${label ?? `${name}:${line}`}](${loc.uri}#L${line})`;
}

function originText<T>(e: Effective<T>, snapOf: SnapOf): string {
  const o = e.origin;
  if (o.kind === 'default') return o.detail;
  if (o.kind === 'rendered') return `${o.detail}, ${link(o.loc, snapOf)}`;
  return `${o.scope === 'field' ? 'from the field' : `set on the ${o.scope}`} at ${link(o.loc, snapOf)}`;
}

function fmt<T>(e: Effective<T>, unit = ''): string {
  return typeof e.value === 'boolean' ? (e.value ? 'on' : 'off') : `${String(e.value)}${unit}`;
}

/** Markdown lines describing an end's effective GR, timers and BFD, each with its origin. */
export function endSummary(e: End, snapOf: SnapOf): string[] {
  return [
    `- GR mode: **${e.gr.mode.value}** (${originText(e.gr.mode, snapOf)})`,
    `- restart-time: **${fmt(e.gr.restartTime, ' s')}** (${originText(e.gr.restartTime, snapOf)})`,
    `- stalepath-time: **${fmt(e.gr.stalepathTime, ' s')}** (${originText(e.gr.stalepathTime, snapOf)})`,
    `- preserve-fw-state: **${fmt(e.gr.preserveFwState)}** (${originText(e.gr.preserveFwState, snapOf)})`,
    `- hold / keepalive: **${e.timers.hold.value} / ${e.timers.keepaliveClamped} s** (${originText(e.timers.hold, snapOf)})`,
    `- BFD: **${fmt(e.bfd.enabled)}**${e.bfd.enabled.value ? `, check-control-plane-failure **${fmt(e.bfd.checkControlPlaneFailure)}**` : ''}`,
  ];
}

/** Markdown lines with the sessions of an end and both verdicts. */
export function sessionLines(result: LintResult, e: End, snapOf: SnapOf): string[] {
  const out: string[] = [];
  for (const s of sessionsOf(result, e)) {
    const o = otherEnd(s, e);
    out.push(`**Session with ${o.label}** (${link(o.decl, snapOf)})`);
    for (const v of s.verdicts) out.push(`- if ${v.restarting.speaker} restarts: ${verdictText(v)}`);
  }
  if (out.length === 0) out.push('_No other end of this session is in the workspace._');
  return out;
}

function knobMarkdown(k: KnobDoc): string {
  return [`**${k.title}**`, '', k.text, ...(k.range ? ['', `Range: ${k.range}`] : []), ...(k.default ? [`Default: ${k.default}`] : [])].join('\n');
}

function statementKnob(s: BgpStatement): KnobDoc | undefined {
  if (s.kind === 'gr-mode') return FRR_KNOBS[`gr-mode:${s.mode}`];
  if (s.kind === 'gr-timer') return FRR_KNOBS[`gr-timer:${s.name}`];
  if (s.kind === 'neighbor') {
    const c = s.command;
    if (c.kind === 'gr-mode') return FRR_KNOBS[`neighbor:gr-mode:${c.mode}`];
    return FRR_KNOBS[`neighbor:${c.kind}`];
  }
  return FRR_KNOBS[s.kind];
}

export function hover(ws: Workspace, uri: string, position: Position, parsed: ParsedFile | undefined): Hover | null {
  const result = ws.lint();
  const snap = ws.snapshot(uri);
  if (!snap) return null;
  const snapOf: SnapOf = (u) => ws.snapshot(u);
  const offset = snap.index.offsetAt(position);
  const parts: string[] = [];

  const st = statementAt(result, uri, offset);
  const command = parsed?.kind === 'frr' ? commandHover(parsed, offset, result.model.docs.find((d) => d.id === uri)?.frrVersion?.value) : undefined;
  if (command) parts.push(command);
  else if (st) {
    const k = statementKnob(st.statement);
    if (k) parts.push(knobMarkdown(k));
  }
  let ends = endsAt(result, uri, offset);
  let fieldName: string | undefined;
  const obj = objectAt(parsed, offset);
  if (obj && !st) {
    const fp = fieldPathAt(obj.node, offset);
    fieldName = [...(fp?.path ?? [])].reverse().find((p): p is string => typeof p === 'string');
    const k = fieldName ? CR_KNOBS[fieldName] : undefined;
    if (k) parts.push(knobMarkdown(k));
    if (ends.length === 0) ends = endsOfObject(result, uri, obj);
  }
  for (const e of ends.slice(0, 4)) {
    parts.push('', '---', '', `**${e.label}**: effective values`, '', ...endSummary(e, snapOf), '', ...sessionLines(result, e, snapOf));
  }
  if (parts.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: redactSecrets(parts.join('\n')) } };
}

/** The innermost-first chain of block kinds of a block. */
export function blockChain(block: FrrBlock | undefined): FrrBlockKind[] {
  const chain: FrrBlockKind[] = [];
  for (let b = block; b; b = b.parent) chain.push(b.kind);
  return chain.length ? chain : ['root'];
}

/** Markdown for the modelled frr.conf command under `offset`: syntax, what it does, range, default, since. */
function commandHover(parsed: Extract<ParsedFile, { kind: 'frr' }>, offset: number, version: string | undefined): string | undefined {
  const tree = parsed.frr.tree;
  const line = tree.lines.find((l) => offset >= l.start && offset <= l.contentEnd && l.kind === 'command');
  if (!line) return undefined;
  const words = line.words.map((w) => w.text);
  let wordIndex = line.words.findIndex((w) => offset >= w.start && offset <= w.end);
  if (wordIndex < 0) wordIndex = 0;
  const h = hoverFor(words, blockChain(tree.blockOfLine[line.index]), wordIndex, version ? { version } : {});
  if (!h) return undefined;
  const out = [`**${h.spec.title}**`, '', '```frr', h.syntax, '```', '', h.spec.doc];
  const facts: string[] = [];
  if (h.role?.kind === 'arg') facts.push(`\`${h.role.placeholder}\`: ${h.role.name}${h.range ? `, ${h.range.min}-${h.range.max}${version ? ` on FRR ${version}` : ''}` : ''}`);
  if (h.spec.default !== undefined) facts.push(`Default: ${h.spec.default}`);
  if (h.since) facts.push(`Since FRR ${h.since}`);
  if (facts.length) out.push('', facts.join('  \n'));
  return out.join('\n');
}

/** A lens above each paired end: what happens to its routes when the cluster side restarts. */
export function codeLenses(ws: Workspace, uri: string): CodeLens[] {
  const result = ws.lint();
  const snapOf: SnapOf = (u) => ws.snapshot(u);
  const lenses: CodeLens[] = [];
  for (const s of result.model.sessions) {
    for (const e of [s.a, s.b]) {
      if (e.decl.uri !== uri) continue;
      const title = lensTitle(s, e);
      lenses.push({ range: toLspRange(snapOf(uri), { start: e.decl.range.start, end: e.decl.range.start }), command: { title, command: 'grlint.showSessions', arguments: [uri] } });
    }
  }
  return lenses;
}

/**
 * What the code lens titles of every file are made of (see `lensTitle`), as one flat list of values:
 * when it changes (`sameLensInputs`), lenses of files other than the edited one may be out of date (the
 * editor asks again for the edited file's lenses by itself). The values are the model's own strings and
 * numbers, so neither list nor comparison builds a title.
 */
export function lensInputs(ws: Workspace): readonly unknown[] {
  const out: unknown[] = [];
  for (const s of ws.lint().model.sessions) {
    for (const e of [s.a, s.b]) {
      const { other, restarting, self, verdict: v } = lensParts(s, e);
      out.push(e.decl.uri, e.side, self ? '' : restarting.label, self ? other.label : '', v.kept, v.kept ? v.seconds : (v.reasons[0]?.message ?? ''));
    }
  }
  return out;
}

/** True when two lists from `lensInputs` are equal value by value. */
export function sameLensInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whose restart a lens above `e` tells of: the cluster side's (the speaker); between two routers, the peer's. */
function lensRestarting(e: End, other: End): End {
  return e.side !== 'frr' ? e : other;
}

/** What a lens above `e` is made of: whose restart it tells of (see `lensRestarting`) and that verdict. */
function lensParts(s: Session, e: End): { other: End; restarting: End; self: boolean; verdict: Verdict } {
  const other = otherEnd(s, e);
  const restarting = lensRestarting(e, other);
  const verdict = s.verdicts.find((x) => x.restarting.id === restarting.id)!;
  return { other, restarting, self: restarting.id === e.id, verdict };
}

function lensTitle(s: Session, e: End): string {
  const { other, restarting, self, verdict: v } = lensParts(s, e);
  const who = self ? (e.side === 'frr' ? 'this router' : 'this speaker') : restarting.label;
  const peer = self ? ` (${other.label})` : '';
  return v.kept ? `GR: routes kept ${v.seconds} s if ${who} restarts${peer}` : `GR: routes lost if ${who} restarts${peer}: ${v.reasons[0]?.message ?? ''}`;
}

export function documentSymbols(ws: Workspace, uri: string, parsed: ParsedFile | undefined): DocumentSymbol[] {
  const snap = ws.snapshot(uri);
  if (!snap || !parsed) return [];
  const r = (start: number, end: number): ReturnType<typeof toLspRange> => toLspRange(snap, { start, end });
  if (parsed.kind === 'frr') {
    const out: DocumentSymbol[] = [];
    for (const router of parsed.frr.routers) {
      const children: DocumentSymbol[] = [];
      const seen = new Set<string>();
      for (const s of router.statements) {
        if (s.kind !== 'neighbor' || seen.has(s.target.value)) continue;
        const isGroup = s.command.kind === 'peer-group-define';
        if (!isGroup && s.command.kind !== 'remote-as' && s.command.kind !== 'interface' && s.command.kind !== 'peer-group') continue;
        seen.add(s.target.value);
        children.push({
          name: isGroup ? `peer-group ${s.target.value}` : `neighbor ${s.target.value}`,
          kind: isGroup ? SymbolKind.Interface : SymbolKind.Field,
          range: r(s.line.start, s.line.contentEnd),
          selectionRange: r(s.target.range.start, s.target.range.end),
        });
      }
      const name = `router bgp ${router.asnText?.value ?? ''}${router.vrf ? ` vrf ${router.vrf.value}` : ''}`.trim();
      out.push({ name, kind: SymbolKind.Namespace, range: r(router.block.range.start, router.block.range.end), selectionRange: r(router.opener.contentStart, router.opener.contentEnd), children });
    }
    for (const i of parsed.frr.interfaces) {
      out.push({ name: `interface ${i.name.value}`, kind: SymbolKind.Object, range: r(i.block.range.start, i.block.range.end), selectionRange: r(i.name.range.start, i.name.range.end) });
    }
    for (const p of parsed.frr.bfdProfiles) {
      out.push({ name: `bfd profile ${p.name.value}`, kind: SymbolKind.Struct, range: r(p.block.range.start, p.block.range.end), selectionRange: r(p.name.range.start, p.name.range.end) });
    }
    return out;
  }
  if (parsed.kind === 'k8s') {
    return parsed.k8s.objects.map((o) => {
      const children: DocumentSymbol[] = [];
      if (o.kind === 'FRRConfiguration') {
        for (const rt of o.spec.bgp?.value.routers?.value ?? []) {
          for (const n of rt.neighbors?.value ?? []) {
            const t = n.address ?? n.interface;
            if (!t) continue;
            children.push({ name: `neighbor ${t.value}`, kind: SymbolKind.Field, range: r(n.range.start, n.range.end), selectionRange: r(t.range.start, t.range.end) });
          }
        }
      }
      const sel = o.name?.range ?? { start: o.range.start, end: o.range.start };
      return { name: `${o.kind} ${o.name?.value ?? '(unnamed)'}`, kind: SymbolKind.Class, range: r(o.range.start, o.range.end), selectionRange: r(sel.start, sel.end), children };
    });
  }
  return [];
}

export function definition(ws: Workspace, uri: string, position: Position, parsed: ParsedFile | undefined, all: readonly ParsedFile[]): LspLocation[] {
  const result = ws.lint();
  const snap = ws.snapshot(uri);
  if (!snap) return [];
  const snapOf: SnapOf = (u) => ws.snapshot(u);
  const offset = snap.index.offsetAt(position);
  const out: LspLocation[] = [];

  const st = statementAt(result, uri, offset);
  if (st && st.statement.kind === 'neighbor') {
    const c = st.statement.command;
    const doc = st.doc;
    // A peer-group member to the peer-group definition.
    if (c.kind === 'peer-group' && c.group) {
      for (const router of doc.frr.routers) {
        for (const s of router.statements) {
          if (s.kind === 'neighbor' && s.command.kind === 'peer-group-define' && s.target.value === c.group.value) out.push(toLspLocation(doc.resolve(s.range), snapOf));
        }
      }
      if (out.length) return out;
    }
    // `bfd profile P` to the profile block.
    if (c.kind === 'bfd-profile' && c.profile) {
      for (const p of doc.frr.bfdProfiles) if (p.name.value === c.profile.value) out.push(toLspLocation(doc.resolve(p.name.range), snapOf));
      if (out.length) return out;
    }
  }
  // YAML: bfdProfile → the BFDProfile object or the FRRConfiguration's bfdProfiles entry.
  const obj = objectAt(parsed, offset);
  if (obj) {
    const fp = fieldPathAt(obj.node, offset);
    if (fp && fp.path[fp.path.length - 1] === 'bfdProfile') {
      const name = obj.kind === 'BGPPeer' ? obj.spec.bfdProfile?.value : undefined;
      for (const f of all) {
        if (f.kind !== 'k8s') continue;
        for (const o of f.k8s.objects) {
          if (o.kind === 'BFDProfile' && o.name && (name === undefined || o.name.value === name)) out.push(toLspLocation({ uri: f.file.uri, range: o.name.range }, snapOf));
          if (o.kind === 'FRRConfiguration' && o === obj) {
            for (const p of o.spec.bgp?.value.bfdProfiles?.value ?? []) if (p.name) out.push(toLspLocation({ uri: f.file.uri, range: p.name.range }, snapOf));
          }
        }
      }
      if (out.length) return out;
    }
  }
  // An end to the other ends of its sessions.
  let ends = endsAt(result, uri, offset);
  if (ends.length === 0 && obj) ends = endsOfObject(result, uri, obj);
  for (const e of ends) for (const s of sessionsOf(result, e)) out.push(toLspLocation(otherEnd(s, e).decl, snapOf));
  return out;
}
