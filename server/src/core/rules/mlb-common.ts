/**
 * Helpers shared by the MLB rules: the MetalLB / frr-k8s objects of a project with the offset up to
 * which their YAML is reliable, labels for messages, namespace scoping, Go's IP parser, and the node
 * overlap of label selectors (actual node sets when `Node` objects are known, else "overlap unless
 * provably disjoint").
 */
import ipaddr from 'ipaddr.js';
import type { FRRConfigurationView, FRRNeighborView, K8sObject, LabelSelectorView, NodeView } from '../k8s/types';
import { NodeIndex } from '../model/node-index';
import { objectAnchor } from '../model/render';
import type { Location } from '../model/types';
import type { Range } from '../text/range';
import type { RuleContext } from './define';

/** One object of the project, with the file it is in. */
export interface K8sEntry {
  readonly uri: string;
  readonly o: K8sObject;
  /**
   * Offset from which the object's YAML is not reliable: the start of the first YAML error in its
   * document (`Infinity` when the document has none). Ranges that end before it can be trusted.
   */
  readonly cutoff: number;
}

/** Every object of every YAML file, in file and document order. */
export function k8sEntries(ctx: RuleContext): K8sEntry[] {
  const out: K8sEntry[] = [];
  for (const f of ctx.files) {
    if (f.kind !== 'k8s') continue;
    const errors = f.k8s.errors.filter((e) => e.severity === 'error');
    for (const o of f.k8s.objects) {
      let cutoff = Infinity;
      if (o.hasErrors) {
        for (const e of errors) {
          if (e.range.start >= o.docRange.start && e.range.start <= o.docRange.end) cutoff = Math.min(cutoff, e.range.start);
        }
        // An error we cannot place makes the whole document unreliable.
        if (cutoff === Infinity) cutoff = o.docRange.start;
      }
      out.push({ uri: f.file.uri, o, cutoff });
    }
  }
  return out;
}

/** `BGPPeer "name"`, or `BGPPeer (unnamed)`. */
export function objectLabel(o: K8sObject): string {
  return `${o.kind} ${o.name ? `"${o.name.value}"` : '(unnamed)'}`;
}

/** What an FRRConfiguration neighbor is called in messages (as the model labels its ends). */
export function neighborLabel(o: FRRConfigurationView, n: FRRNeighborView): string {
  return `${objectLabel(o)} neighbor ${neighborTarget(n)}`;
}

/** The address or interface of a neighbor (`0.0.0.0` when it has neither, as the renderer does). */
export function neighborTarget(n: FRRNeighborView): string {
  return n.address?.value ?? n.interface?.value ?? '0.0.0.0';
}

/** The location that stands for an object (its name, or the start of its mapping). */
export function objectLoc(e: K8sEntry): Location {
  return { uri: e.uri, range: objectAnchor(e.o) };
}

/**
 * True when MetalLB / frr-k8s would read the object: it has no namespace (it takes the one it is
 * applied to) or the configured one. Objects elsewhere are MLB412's; other rules leave them out.
 */
export function inConfiguredNamespace(o: K8sObject, namespace: string): boolean {
  if (!o.namespace || o.namespace.value === namespace) return true;
  // frr-k8s reads FRRConfigurations in its own namespace: MetalLB's (metallb-system) when MetalLB deploys it,
  // `frr-k8s-system` when it is deployed on its own (frr-k8s config/ and charts/).
  return o.kind === 'FRRConfiguration' && o.namespace.value === FRRK8S_STANDALONE_NAMESPACE;
}

/** The namespace of a standalone frr-k8s deployment. */
export const FRRK8S_STANDALONE_NAMESPACE = 'frr-k8s-system';

/** Orders entries by file, then position. */
export function compareEntries(a: { uri: string; o: { range: Range } }, b: { uri: string; o: { range: Range } }): number {
  return (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0) || a.o.range.start - b.o.range.start;
}

/** True when the object has a value of the wrong type at `prefix` or below it. */
export function hasInvalidUnder(o: K8sObject, prefix: string): boolean {
  return o.invalid.some((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`));
}

// ---------------------------------------------------------------------------------------------
// Go's net.ParseIP
// ---------------------------------------------------------------------------------------------

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function goIPv4(s: string): boolean {
  const m = IPV4.exec(s);
  if (!m) return false;
  // Go 1.17+ rejects octets with a leading zero (`010`), and anything above 255.
  return m.slice(1).every((p) => (p === '0' || !p.startsWith('0')) && Number(p) <= 255);
}

/**
 * True when Go's `net.ParseIP` accepts `s`: dotted-decimal IPv4 (no leading zeros), or IPv6 (with an
 * optional trailing dotted IPv4), without a zone. MetalLB and frr-k8s parse addresses with it.
 */
export function goParseIP(s: string): boolean {
  if (goIPv4(s)) return true;
  if (!s.includes(':') || s.includes('%')) return false;
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.') && !goIPv4(tail)) return false;
  return ipaddr.IPv6.isValid(s);
}

// ---------------------------------------------------------------------------------------------
// Node overlap
// ---------------------------------------------------------------------------------------------

/** A node known from a `Node` object: its name and labels (with `kubernetes.io/hostname`). */
export interface KnownNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The `Node` objects of the project (empty when the workspace has none). */
export function knownNodes(entries: readonly K8sEntry[]): KnownNode[] {
  const out = new Map<string, KnownNode>();
  for (const { o } of entries) {
    if (o.kind !== 'Node') continue;
    const n = o as NodeView;
    const name = n.name?.value;
    if (!name) continue;
    const labels: Record<string, string> = { 'kubernetes.io/hostname': name };
    for (const l of n.labels) labels[l.key] = l.value;
    out.set(name, { name, labels });
  }
  return [...out.values()];
}

/**
 * A node selection as MetalLB and frr-k8s read it: a list of selectors ORed together, where an empty
 * list, or an empty selector in it, selects every node.
 */
export type NodeSelectors = readonly LabelSelectorView[];

function selectorIsEmpty(s: LabelSelectorView): boolean {
  return s.matchLabels.length === 0 && s.matchExpressions.length === 0;
}

/** The names of the known nodes a selection selects. */
export function selectedNodeNames(sel: NodeSelectors, nodes: readonly KnownNode[]): Set<string> {
  return new Set(selectedNames(sel, nodes));
}

/**
 * Selections are evaluated through a label index of the node list, and cached per list and selector
 * (the pairwise rules ask for the same selection once per pair).
 */
const indexes = new WeakMap<readonly KnownNode[], { index: NodeIndex<KnownNode>; all: ReadonlySet<string>; bySelector: Map<LabelSelectorView, ReadonlySet<string>> }>();

function indexOf(nodes: readonly KnownNode[]): { index: NodeIndex<KnownNode>; all: ReadonlySet<string>; bySelector: Map<LabelSelectorView, ReadonlySet<string>> } {
  let x = indexes.get(nodes);
  if (!x) indexes.set(nodes, (x = { index: new NodeIndex(nodes), all: new Set(nodes.map((n) => n.name)), bySelector: new Map() }));
  return x;
}

/** The names of the known nodes a selection selects, in node order (shared; do not modify). */
function selectedNames(sel: NodeSelectors, nodes: readonly KnownNode[]): ReadonlySet<string> {
  const x = indexOf(nodes);
  if (sel.length === 0 || sel.some(selectorIsEmpty)) return x.all;
  if (sel.length === 1) {
    const s = sel[0]!;
    let names = x.bySelector.get(s);
    if (!names) x.bySelector.set(s, (names = new Set(x.index.matching(s).map((n) => n.name))));
    return names;
  }
  return new Set(x.index.select(sel).map((n) => n.name));
}

/**
 * For the selection at position j of `selections`, the positions i < j (ascending) of the selections
 * that may share a node with it: with known nodes, those that select one of its nodes (the others do
 * not overlap it); without, every i < j. Lets pairwise rules skip the pairs that cannot overlap.
 */
export function overlapCandidates(selections: readonly NodeSelectors[], nodes: readonly KnownNode[]): (j: number) => readonly number[] {
  if (nodes.length === 0) return (j) => Array.from({ length: j }, (_, i) => i);
  const byNode = new Map<string, number[]>();
  selections.forEach((sel, i) => {
    for (const name of selectedNames(sel, nodes)) {
      const list = byNode.get(name);
      if (list) list.push(i);
      else byNode.set(name, [i]);
    }
  });
  return (j) => {
    const out = new Set<number>();
    for (const name of selectedNames(selections[j] ?? [], nodes)) {
      for (const i of byNode.get(name) ?? []) {
        if (i >= j) break;
        out.add(i);
      }
    }
    return [...out].sort((a, b) => a - b);
  };
}

/**
 * Whether two selections share a node. With known nodes, the actual node sets are intersected (the
 * names of the shared nodes are returned). Without, the selections overlap unless some label makes
 * every pair of their selectors contradict each other (`rack: "1"` against `rack: "2"`, `Exists`
 * against `DoesNotExist`, `In` against `NotIn` of the same values); `shared` is then undefined.
 */
export function selectionsOverlap(a: NodeSelectors, b: NodeSelectors, nodes: readonly KnownNode[]): { overlap: boolean; shared?: readonly string[] } {
  if (nodes.length > 0) {
    const na = selectedNames(a, nodes);
    const shared = [...selectedNames(b, nodes)].filter((n) => na.has(n)).sort();
    return { overlap: shared.length > 0, shared };
  }
  const la = a.length === 0 ? [undefined] : a;
  const lb = b.length === 0 ? [undefined] : b;
  for (const x of la) for (const y of lb) if (conjunctionSatisfiable(x, y)) return { overlap: true };
  return { overlap: false };
}

interface KeyConstraint {
  exists: boolean;
  absent: boolean;
  allowed: Set<string> | undefined;
  denied: Set<string>;
}

/** True unless no label set can match both selectors (an absent selector matches everything). */
function conjunctionSatisfiable(a: LabelSelectorView | undefined, b: LabelSelectorView | undefined): boolean {
  const keys = new Map<string, KeyConstraint>();
  const get = (k: string): KeyConstraint => {
    let c = keys.get(k);
    if (!c) keys.set(k, (c = { exists: false, absent: false, allowed: undefined, denied: new Set() }));
    return c;
  };
  const allow = (c: KeyConstraint, values: readonly string[]): void => {
    const s = new Set(values);
    c.allowed = c.allowed ? new Set([...c.allowed].filter((v) => s.has(v))) : s;
  };
  for (const s of [a, b]) {
    if (!s) continue;
    for (const l of s.matchLabels) {
      const c = get(l.key);
      c.exists = true;
      allow(c, [l.value]);
    }
    for (const e of s.matchExpressions) {
      const key = e.key?.value;
      // A requirement grlint cannot read proves nothing.
      if (key === undefined) return true;
      const values = (e.values?.value ?? []).map((v) => v.value);
      const c = get(key);
      switch (e.operator?.value) {
        case 'In':
          c.exists = true;
          allow(c, values);
          break;
        case 'NotIn':
          for (const v of values) c.denied.add(v);
          break;
        case 'Exists':
          c.exists = true;
          break;
        case 'DoesNotExist':
          c.absent = true;
          break;
        default:
          return true;
      }
    }
  }
  for (const c of keys.values()) {
    if (c.exists && c.absent) return false;
    if (c.allowed && [...c.allowed].every((v) => c.denied.has(v))) return false;
  }
  return true;
}

/** Names a list of nodes for a message: `node-a`, `node-a and node-b`, `node-a and 2 others`. */
export function nodesPhrase(names: readonly string[] | undefined): string {
  if (!names || names.length === 0) return 'overlapping nodes';
  if (names.length === 1) return `node "${names[0]}"`;
  if (names.length === 2) return `nodes "${names[0]}" and "${names[1]}"`;
  return `nodes "${names[0]}" and ${names.length - 1} others`;
}
