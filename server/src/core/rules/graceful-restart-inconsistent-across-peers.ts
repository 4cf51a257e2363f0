// GR103: cluster-side peers on the same nodes disagree on graceful restart. Docs: docs/rules/GR103.md
import type { Fix } from '../finding';
import type { BGPPeerView, FRRConfigurationView, FRRNeighborView, K8sObject, LabelSelectorView, Val, YMap } from '../k8s/types';
import { normalizeAddress } from '../model/address';
import { objectAnchor } from '../model/render';
import type { End } from '../model/types';
import type { Range } from '../text/range';
import { defineRule } from './define';
import { eol, originLoc } from './fix-helpers';
import { sameLoc } from './gr-common';

/** A cluster-side end with the CR view it came from. */
interface ClusterEnd {
  readonly end: End;
  readonly object: BGPPeerView | FRRConfigurationView;
  /** The neighbor entry of an FRRConfiguration end. */
  readonly neighbor?: FRRNeighborView;
  /** The mapping that holds (or would hold) `enableGracefulRestart`, and the field if present. */
  readonly holder: YMap | undefined;
  readonly field: Val<boolean> | undefined;
  readonly selectors: readonly LabelSelectorView[];
}

export default defineRule({
  code: 'GR103',
  name: 'graceful-restart-inconsistent-across-peers',
  summary: 'BGPPeers (or frr-k8s neighbors) on the same nodes disagree on enableGracefulRestart',
  defaultSeverity: 'warning',
  scope: 'k8s',
  fixAvailability: 'sometimes',
  reads: 'cluster',
  messages: {
    inconsistent:
      '{peer} does not restart with graceful restart, but {other} on the same nodes does: a speaker restart withdraws the routes through {peer} while those through {other} survive',
  },
  check(ctx) {
    // The BGPPeers and FRRConfigurations by file and anchor, in file order (clusterEnd looked through
    // every object of the project for each end).
    const objects = new Map<string, { uri: string; o: K8sObject }[]>();
    for (const f of ctx.files) {
      if (f.kind !== 'k8s') continue;
      for (const o of f.k8s.objects) {
        if (o.kind !== 'BGPPeer' && o.kind !== 'FRRConfiguration') continue;
        const k = anchorKey(f.file.uri, objectAnchor(o));
        const list = objects.get(k);
        if (list) list.push({ uri: f.file.uri, o });
        else objects.set(k, [{ uri: f.file.uri, o }]);
      }
    }
    const ends: ClusterEnd[] = [];
    for (const end of ctx.model.ends) {
      if (end.side === 'frr' || !end.object) continue;
      const c = clusterEnd(end, objects);
      if (c && !c.object.hasErrors) ends.push(c);
    }
    // Ends in restart mode by selected node name (ends whose node names are unknown apart): an end
    // with known node names can only overlap those that share a name or have none (see overlap()).
    const restarting = ends.map((x, i) => ({ x, i })).filter(({ x }) => x.end.gr.mode.value === 'restart');
    const byName = new Map<string, number[]>();
    const unnamed: number[] = [];
    for (const { x, i } of restarting) {
      const names = x.end.nodes?.names;
      if (!names) unnamed.push(i);
      else for (const n of new Set(names)) (byName.get(n) ?? byName.set(n, []).get(n)!).push(i);
    }
    const candidatesOf = (w: ClusterEnd): readonly ClusterEnd[] => {
      const names = w.end.nodes?.names;
      if (!names) return restarting.map(({ x }) => x);
      const at = new Set(unnamed);
      for (const n of names) for (const i of byName.get(n) ?? []) at.add(i);
      return [...at].sort((a, b) => a - b).map((i) => ends[i]!);
    };
    for (const w of ends) {
      if (w.end.gr.mode.value === 'restart') continue;
      // The first end (in model order) that fits: the same predicate over fewer candidates.
      const g = candidatesOf(w).find((x) => x !== w && x.end.side === w.end.side && x.end.gr.mode.value === 'restart' && !sameNeighbor(x.end, w.end) && overlap(w, x));
      if (!g) continue;
      const gLoc = originLoc(g.end.gr.mode.origin) ?? g.end.decl;
      const text = ctx.textOf(w.end.decl.uri);
      ctx.report({
        messageId: 'inconsistent',
        data: { peer: w.end.label, other: g.end.label },
        loc: w.field ? { uri: w.end.decl.uri, range: w.field.range } : w.end.decl,
        related: [{ loc: gLoc, message: `${g.end.label} enables graceful restart` }],
        fixes: text === undefined ? [] : fixesFor(w, text),
      });
    }
  },
});

function anchorKey(uri: string, r: Range): string {
  return `${r.start}:${r.end}:${uri}`;
}

function clusterEnd(end: End, objects: ReadonlyMap<string, readonly { uri: string; o: K8sObject }[]>): ClusterEnd | undefined {
  const info = end.object!;
  for (const { uri, o } of objects.get(anchorKey(info.loc.uri, info.loc.range)) ?? []) {
    if (uri !== info.loc.uri || (o.kind !== 'BGPPeer' && o.kind !== 'FRRConfiguration')) continue;
    const a = objectAnchor(o);
    if (a.start !== info.loc.range.start || a.end !== info.loc.range.end) continue;
    if (o.kind === 'BGPPeer') {
      return {
        end,
        object: o,
        holder: o.version === 'v1beta1' ? undefined : o.spec.node,
        field: o.spec.enableGracefulRestart,
        selectors: o.spec.nodeSelectors?.value ?? [],
      };
    }
    for (const r of o.spec.bgp?.value.routers?.value ?? []) {
      for (const n of r.neighbors?.value ?? []) {
        const d = n.address?.range ?? n.interface?.range ?? n.range;
        if (sameLoc({ uri, range: d }, end.decl)) {
          return { end, object: o, neighbor: n, holder: n.node, field: n.enableGracefulRestart, selectors: o.spec.nodeSelector ? [o.spec.nodeSelector.value] : [] };
        }
      }
    }
  }
  return undefined;
}

/** Two ends for the same neighbor (VRF and address) are a merge or duplicate problem (MLB407, MLB409), not this one. */
function sameNeighbor(a: End, b: End): boolean {
  return neighborKey(a) === neighborKey(b);
}

// Keys per end, computed once: check() compares each end without graceful restart with every other end.
const NEIGHBOR_KEYS = new WeakMap<End, string>();

function neighborKey(e: End): string {
  let k = NEIGHBOR_KEYS.get(e);
  if (k === undefined) {
    k = `${e.vrf ?? ''}|${e.target.kind === 'address' ? (normalizeAddress(e.target.address) ?? e.target.address) : e.target.kind === 'interface' ? e.target.name : '?'}`;
    NEIGHBOR_KEYS.set(e, k);
  }
  return k;
}

/**
 * Node selections overlap when the selected node names intersect (Node objects or topology hints known),
 * else when either selects every node, else when both are written the same way. Otherwise the model
 * cannot tell, and the rule stays silent.
 */
function overlap(a: ClusterEnd, b: ClusterEnd): boolean {
  const na = a.end.nodes;
  const nb = b.end.nodes;
  if (na?.names && nb?.names) return na.names.some((n) => nb.names!.includes(n));
  if (na?.all || nb?.all) return true;
  return selectorsKey(a.selectors) === selectorsKey(b.selectors);
}

function selectorsKey(sels: readonly LabelSelectorView[]): string {
  return sels
    .map((s) => {
      const labels = s.matchLabels.map((l) => `${l.key}=${l.value}`).sort();
      const exprs = s.matchExpressions
        .map((e) => `${e.key?.value ?? ''} ${e.operator?.value ?? ''} ${(e.values?.value ?? []).map((v) => v.value).sort().join(',')}`)
        .sort();
      return JSON.stringify([labels, exprs]);
    })
    .sort()
    .join('|');
}

/**
 * `enableGracefulRestart: false` becomes `true`; a missing field is added as the last key of the spec
 * (or of the neighbor entry). Unsafe: MetalLB makes the field immutable, so the BGPPeer must be deleted
 * and re-created; frr-k8s accepts the change but the session resets.
 */
function fixesFor(w: ClusterEnd, text: string): Fix[] {
  const uri = w.end.decl.uri;
  const title = 'Set "enableGracefulRestart: true"';
  if (w.field) {
    if (w.field.value) return [];
    return [{ title, applicability: 'unsafe', edits: [{ uri, range: w.field.range, newText: 'true' }] }];
  }
  const edit = appendMapEntry(text, w.holder, 'enableGracefulRestart: true');
  return edit ? [{ title, applicability: 'unsafe', edits: [{ uri, ...edit }] }] : [];
}

/** An insertion of `entry` as a new last line of a block mapping, indented like its keys. */
function appendMapEntry(text: string, map: YMap | undefined, entry: string): { range: Range; newText: string } | undefined {
  if (!map || map.flow || map.entries.length === 0) return undefined;
  const first = map.entries[0]!;
  const lineStart = text.lastIndexOf('\n', first.keyRange.start - 1) + 1;
  const column = first.keyRange.start - lineStart;
  if (!/^[ \t-]*$/.test(text.slice(lineStart, first.keyRange.start))) return undefined;
  const last = map.entries[map.entries.length - 1]!;
  const m = /\r?\n|\r/.exec(text.slice(last.range.end));
  const at = m ? last.range.end + m.index : text.length;
  return { range: { start: at, end: at }, newText: eol(text) + ' '.repeat(column) + entry };
}
