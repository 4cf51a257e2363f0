// BFD301: BFD on a graceful-restart session without check-control-plane-failure on the helper. Docs: docs/rules/BFD301.md
import type { Fix, RelatedLocation } from '../finding';
import type { NeighborStatement } from '../frr/views';
import { normalizeAddress } from '../model/address';
import type { BgpInstance, End, VerdictReason } from '../model/types';
import { compareVersions } from '../model/version';
import { defineRule } from './define';
import { eol, insertIntoRouter, originLoc, targetText } from './fix-helpers';
import { eachVerdict } from './iterate';

/** `neighbor X bfd check-control-plane-failure` exists since FRR 7.2 (domain.md §4.8). */
const CPF_SINCE = '7.2';

export default defineRule({
  code: 'BFD301',
  name: 'bfd-tears-down-graceful-restart',
  summary: 'BFD runs on a session whose helper lacks check-control-plane-failure, so a graceful restart is torn down',
  defaultSeverity: 'warning',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    tearsDown:
      '{helper} runs BFD with {restarting} without bfd check-control-plane-failure: when {restarting} restarts with graceful restart, BFD Down resets the session and its routes are flushed',
  },
  check(ctx) {
    const anchors = new Map<BgpInstance, ReadonlyMap<string, NeighborStatement>>();
    // Sessions are unique per pair of end ids (pairEnds), so each (restarting, helper) pair, and with it the
    // reason's location, is met once.
    eachVerdict(ctx.model, (v) => {
      // The same condition as the restart verdict (catalog.md §2): this rule explains that reason.
      const reason = bfdReason(v.reasons);
      if (!reason) return;
      const a = v.restarting;
      const b = v.helper;
      const fix = cpfFix(b, anchors);
      ctx.report({
        messageId: 'tearsDown',
        data: { helper: b.label, restarting: a.label },
        loc: reason.loc,
        related: relatedOf(a),
        fixes: fix ? [fix] : NO_FIXES,
      });
    });
  },
});

const NO_FIXES: readonly Fix[] = Object.freeze([]);

function bfdReason(reasons: readonly VerdictReason[]): VerdictReason | undefined {
  for (const r of reasons) if (r.code === 'bfd-tears-down') return r;
  return undefined;
}

/**
 * The related location of a finding: where the restarting end is put in restart mode. Kept for
 * cluster-side ends, which stay the same objects across re-lints while their YAML files do not change
 * (a router's ends are new objects on every edit of its file).
 */
const RELATED = new WeakMap<End, readonly RelatedLocation[]>();

function relatedOf(a: End): readonly RelatedLocation[] {
  let r = RELATED.get(a);
  if (!r) {
    r = [{ loc: originLoc(a.gr.mode.origin) ?? a.decl, message: `${a.label} is in restart mode` }];
    if (a.side !== 'frr') RELATED.set(a, r);
  }
  return r;
}

function key(target: string): string {
  return normalizeAddress(target) ?? target;
}

/** The last of a neighbor's own lines (all `neighbor X ...` lines of its instance) that is in a router bgp block. */
function lastRouterLine(own: readonly NeighborStatement[], instance: BgpInstance): NeighborStatement | undefined {
  const tree = instance.doc.frr.tree;
  let last: NeighborStatement | undefined;
  for (const s of own) {
    if (tree.blockOfLine[s.line.index]?.kind !== 'router-bgp') continue;
    if (!last || s.line.start > last.line.start) last = s;
  }
  return last;
}

/**
 * The last `neighbor X ...` line of each neighbor (by normalized target) in the instance's router bgp
 * blocks (not in an address family). Built once per instance: a router with many BFD301 findings
 * scanned all its neighbor lines once per finding.
 */
function lastRouterLines(instance: BgpInstance): ReadonlyMap<string, NeighborStatement> {
  const tree = instance.doc.frr.tree;
  const out = new Map<string, NeighborStatement>();
  for (const block of instance.blocks) {
    for (const s of block.statements) {
      if (s.kind !== 'neighbor') continue;
      if (tree.blockOfLine[s.line.index]?.kind !== 'router-bgp') continue;
      const k = key(s.target.value);
      const prev = out.get(k);
      if (!prev || s.line.start > prev.line.start) out.set(k, s);
    }
  }
  return out;
}

/**
 * Adds `neighbor X bfd check-control-plane-failure` to the helper when it is a neighbor (or listen range) of a
 * real frr.conf: after the helper's last line for that neighbor in the router block (not in an address
 * family), with that line's indentation, and for the neighbor itself even when its BFD comes from its
 * peer-group. A dynamic neighbor (listen range) can only be configured through its peer-group.
 */
function cpfFix(b: End, anchors: Map<BgpInstance, ReadonlyMap<string, NeighborStatement>>): Fix | undefined {
  const doc = b.instance.doc;
  if (doc.kind !== 'frr') return undefined;
  const version = b.frrVersion?.value;
  if (version !== undefined && compareVersions(version, CPF_SINCE) < 0) return undefined;
  const target = b.target.kind === 'listen-range' ? b.peerGroup : targetText(b);
  if (!target) return undefined;
  const texts = fixTexts(target);
  let anchor: NeighborStatement | undefined;
  if (b.target.kind !== 'listen-range') anchor = lastRouterLine(b.statements, b.instance);
  else {
    // A listen range's lines are its peer-group's.
    let byTarget = anchors.get(b.instance);
    if (!byTarget) anchors.set(b.instance, (byTarget = lastRouterLines(b.instance)));
    anchor = byTarget.get(key(target));
  }
  let edit;
  if (anchor) {
    const line = anchor.line;
    const indent = doc.text.slice(doc.text.charCodeAt(line.start) === 0xfeff ? line.start + 1 : line.start, line.contentStart);
    const last = doc.text.charCodeAt(line.end - 1);
    const atEnd = last !== 10 && last !== 13;
    edit = doc.edit({ start: line.end, end: line.end }, insertedLine(texts, indent, atEnd, eol(doc.text)));
  } else {
    edit = insertIntoRouter(b.instance, texts.command);
  }
  return edit ? { title: texts.title, applicability: 'safe', edits: [edit] } : undefined;
}

/** The texts of the fix for one target, and the last line inserted with them. */
interface FixTexts {
  readonly command: string;
  readonly title: string;
  line?: { readonly indent: string; readonly atEnd: boolean; readonly nl: string; readonly text: string };
}

/**
 * Fix texts by target. A router with many BFD301 findings gets one fix per neighbor on every lint, and
 * the texts do not depend on offsets; emptied when it grows past the bound.
 */
const FIX_TEXTS = new Map<string, FixTexts>();
const FIX_TEXTS_BOUND = 8192;

function fixTexts(target: string): FixTexts {
  let t = FIX_TEXTS.get(target);
  if (!t) {
    const command = `neighbor ${target} bfd check-control-plane-failure`;
    if (FIX_TEXTS.size >= FIX_TEXTS_BOUND) FIX_TEXTS.clear();
    FIX_TEXTS.set(target, (t = { command, title: `Add "${command}"` }));
  }
  return t;
}

/** The inserted line: after the anchor line's terminator, or a new terminator first at the end of the text. */
function insertedLine(t: FixTexts, indent: string, atEnd: boolean, nl: string): string {
  const l = t.line;
  if (l && l.indent === indent && l.atEnd === atEnd && l.nl === nl) return l.text;
  const text = (atEnd ? nl : '') + indent + t.command + (atEnd ? '' : nl);
  t.line = { indent, atEnd, nl, text };
  return text;
}
