/**
 * Label-selector evaluation over a set of known nodes, indexed by label so that a selector costs the
 * nodes that carry its labels rather than every node. Results equal filtering every node with
 * {@link selectorMatches}, in the nodes' order.
 */
import type { LabelSelectorView } from '../k8s/types';

/** What a selector is evaluated against. */
export interface LabeledNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** Kubernetes label-selector semantics (matchLabels AND matchExpressions). */
export function selectorMatches(sel: LabelSelectorView, labels: Readonly<Record<string, string>>): boolean {
  for (const l of sel.matchLabels) if (labels[l.key] !== l.value) return false;
  for (const e of sel.matchExpressions) {
    const key = e.key?.value;
    if (key === undefined) return false;
    const values = (e.values?.value ?? []).map((v) => v.value);
    const has = Object.prototype.hasOwnProperty.call(labels, key);
    switch (e.operator?.value) {
      case 'In':
        if (!has || !values.includes(labels[key]!)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(labels[key]!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** True for a selector without requirements (it selects every node). */
export function selectorIsEmpty(sel: LabelSelectorView | undefined): boolean {
  return !sel || (sel.matchLabels.length === 0 && sel.matchExpressions.length === 0);
}

/**
 * The nodes of a project indexed by `key=value` label, with the nodes each selector selects cached
 * (selectors are compared by identity: one view object of one parse).
 */
export class NodeIndex<N extends LabeledNode> {
  /** `key\u0000value` → positions of the nodes with that own label, ascending. */
  private readonly postings = new Map<string, number[]>();
  private readonly matched = new Map<LabelSelectorView, readonly N[]>();

  constructor(readonly nodes: readonly N[]) {
    nodes.forEach((n, i) => {
      for (const [k, v] of Object.entries(n.labels)) {
        if (typeof v !== 'string') continue;
        const key = `${k}\u0000${v}`;
        const list = this.postings.get(key);
        if (list) list.push(i);
        else this.postings.set(key, [i]);
      }
    });
  }

  /** The nodes `sel` matches, in node order. */
  matching(sel: LabelSelectorView): readonly N[] {
    let out = this.matched.get(sel);
    if (!out) {
      const candidates = this.candidates(sel);
      out = candidates
        ? candidates.map((i) => this.nodes[i]!).filter((n) => selectorMatches(sel, n.labels))
        : this.nodes.filter((n) => selectorMatches(sel, n.labels));
      this.matched.set(sel, out);
    }
    return out;
  }

  /**
   * The nodes a list of selectors selects (ORed), in node order; an empty list, or one whose selectors
   * are all empty, selects every node. Undefined entries are ignored.
   */
  select(selectors: readonly (LabelSelectorView | undefined)[]): N[] {
    const real = selectors.filter((s): s is LabelSelectorView => !!s);
    if (real.length === 0 || real.every(selectorIsEmpty)) return [...this.nodes];
    if (real.length === 1) return [...this.matching(real[0]!)];
    const hit = new Set<N>();
    for (const s of real) for (const n of this.matching(s)) hit.add(n);
    return this.nodes.filter((n) => hit.has(n));
  }

  /**
   * Positions of a superset of the nodes `sel` matches, ascending, from one of its equality
   * requirements (a matchLabels entry, or an `In` expression); undefined when it has none.
   * A node can only match `k: v` or `k In (..v..)` with an own label `k` of value `v`.
   */
  private candidates(sel: LabelSelectorView): number[] | undefined {
    let best: number[] | undefined;
    for (const l of sel.matchLabels) {
      const list = this.postings.get(`${l.key}\u0000${l.value}`) ?? [];
      if (!best || list.length < best.length) best = list;
    }
    for (const e of sel.matchExpressions) {
      const key = e.key?.value;
      if (key === undefined || e.operator?.value !== 'In') continue;
      const union = new Set<number>();
      for (const v of e.values?.value ?? []) for (const i of this.postings.get(`${key}\u0000${v.value}`) ?? []) union.add(i);
      if (!best || union.size < best.length) best = [...union].sort((a, b) => a - b);
    }
    return best;
  }
}
