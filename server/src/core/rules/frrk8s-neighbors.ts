/**
 * The neighbors of the project's FRRConfigurations as frr-k8s merges them (internal/controller/
 * merge.go): routers are keyed by VRF, neighbors by address or interface plus VRF, and two entries for
 * the same neighbor are merged when their configurations select a common node. Used by MLB408 and
 * MLB409.
 */
import type { FRRConfigurationView, FRRNeighborView, FRRRouterView, LabelSelectorView, Val } from '../k8s/types';
import type { Range } from '../text/range';
import type { RuleContext } from './define';
import {
  compareEntries,
  hasInvalidUnder,
  inConfiguredNamespace,
  k8sEntries,
  knownNodes,
  neighborLabel,
  selectionsOverlap,
  type K8sEntry,
  type KnownNode,
} from './mlb-common';
import { truncSeconds } from './timer-helpers';

/** One neighbor entry of one FRRConfiguration. */
export interface MergeNeighbor {
  readonly uri: string;
  readonly o: FRRConfigurationView;
  readonly router: FRRRouterView;
  readonly n: FRRNeighborView;
  /** frr-k8s's `NeighborConfig.ID()`: address (or interface) and `-vrf` when the router has a VRF. */
  readonly id: string;
  /** `FRRConfiguration "x" neighbor 192.0.2.1`. */
  readonly label: string;
  /** The range that names the neighbor (its address or interface value, else its mapping). */
  readonly anchor: Range;
  /** Position in the workspace (file, then offset), for a stable "first" and "second". */
  readonly order: number;
}

/** One router entry of one FRRConfiguration. */
export interface MergeRouter {
  readonly uri: string;
  readonly o: FRRConfigurationView;
  readonly router: FRRRouterView;
  readonly vrf: string;
  readonly order: number;
}

/** Two entries frr-k8s merges: `a` comes first in the workspace. */
export interface MergePair<T> {
  readonly a: T;
  readonly b: T;
  /** Same FRRConfiguration: frr-k8s processes its entries in order, so `a` is the one it keeps. */
  readonly sameObject: boolean;
  /** The shared nodes, when Node objects tell them. */
  readonly shared: readonly string[] | undefined;
}

/** What the MLB408 / MLB409 rules compare. */
export interface MergeView {
  readonly neighbors: readonly MergePair<MergeNeighbor>[];
  readonly routers: readonly MergePair<MergeRouter>[];
}

function selectorsOf(o: FRRConfigurationView): readonly LabelSelectorView[] {
  return o.spec.nodeSelector ? [o.spec.nodeSelector.value] : [];
}

/**
 * The pairs of neighbor entries (and of router entries) that frr-k8s merges. Only FRRConfigurations
 * frr-k8s reads are included (in the configured namespace), and only those grlint reads fully: no
 * YAML errors and no field of the wrong type under `spec.bgp` or `spec.nodeSelector`.
 */
export function mergePairs(ctx: RuleContext): MergeView {
  const entries = k8sEntries(ctx);
  const nodes = knownNodes(entries);
  const configs = entries
    .filter((e): e is K8sEntry & { o: FRRConfigurationView } => e.o.kind === 'FRRConfiguration')
    .filter((e) => !e.o.hasErrors && inConfiguredNamespace(e.o, ctx.settings.namespace))
    .filter((e) => !hasInvalidUnder(e.o, 'spec.bgp') && !hasInvalidUnder(e.o, 'spec.nodeSelector'))
    .sort(compareEntries);
  const neighbors: MergeNeighbor[] = [];
  const routers: MergeRouter[] = [];
  let order = 0;
  for (const { uri, o } of configs) {
    for (const router of o.spec.bgp?.value.routers?.value ?? []) {
      const vrf = router.vrf?.value ?? '';
      routers.push({ uri, o, router, vrf, order: order++ });
      for (const n of router.neighbors?.value ?? []) {
        const target = n.address?.value || n.interface?.value;
        if (!target) continue;
        neighbors.push({
          uri,
          o,
          router,
          n,
          id: `${n.interface?.value ? n.interface.value : target}${vrf ? `-${vrf}` : ''}`,
          label: neighborLabel(o, n),
          anchor: (n.address?.value ? n.address.range : n.interface?.range) ?? n.range,
          order: order++,
        });
      }
    }
  }
  return { neighbors: pairs(neighbors, (x) => x.id, nodes), routers: pairs(routers, (x) => x.vrf, nodes) };
}

function pairs<T extends { o: FRRConfigurationView; order: number }>(items: readonly T[], key: (x: T) => string, nodes: readonly KnownNode[]): MergePair<T>[] {
  const out: MergePair<T>[] = [];
  const byKey = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = byKey.get(k);
    if (list) list.push(x);
    else byKey.set(k, [x]);
  }
  for (const list of byKey.values()) {
    for (let j = 1; j < list.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.o === b.o) {
          out.push({ a, b, sameObject: true, shared: undefined });
          continue;
        }
        const ov = selectionsOverlap(selectorsOf(a.o), selectorsOf(b.o), nodes);
        if (ov.overlap) out.push({ a, b, sameObject: false, shared: ov.shared });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The values frr-k8s compares (neighborsAreCompatible), with nil read as the default.
// ---------------------------------------------------------------------------------------------

/** A compared value: its text for messages, a key to compare, and where it is written (if it is). */
export interface Compared {
  readonly text: string;
  readonly key: string;
  readonly at: Val<unknown> | undefined;
}

const set = (v: Val<unknown> | undefined, text: string, key = text): Compared => ({ text, key, at: v });
const dflt = (text: string, key = text): Compared => ({ text: `${text} (the default)`, key, at: undefined });

/** Timers as frr-k8s's parseTimers returns them, or undefined when it rejects them (TMR rules report that). */
function timers(n: FRRNeighborView): { hold: Compared; keepalive: Compared } | undefined {
  const h = n.holdTime;
  const k = n.keepaliveTime;
  if (!h && !k) return { hold: dflt('180s', '180'), keepalive: dflt('60s', '60') };
  if (!h || !k) return undefined;
  const hs = truncSeconds(h);
  const ks = truncSeconds(k);
  if (hs === undefined || ks === undefined) return undefined;
  return { hold: set(h, h.value, String(hs)), keepalive: set(k, k.value, String(ks)) };
}

/** The fields frr-k8s refuses to merge when they differ, in the order merge.go checks them. */
export type MergeField = 'asn' | 'port' | 'sourceaddress' | 'bfdProfile' | 'ebgpMultiHop' | 'dualStackAddressFamily' | 'holdTime' | 'keepaliveTime' | 'connectTime' | 'localASN';

/** The value of a field as frr-k8s compares it; undefined when it cannot be known. */
export function comparedValue(n: FRRNeighborView, field: MergeField): Compared | undefined {
  switch (field) {
    case 'asn':
      if (n.dynamicASN?.value) return set(n.dynamicASN, n.dynamicASN.value);
      return n.asn ? set(n.asn, String(n.asn.value)) : dflt('0');
    case 'port':
      return n.port ? set(n.port, String(n.port.value)) : dflt('179');
    case 'sourceaddress':
      return n.sourceaddress?.value ? set(n.sourceaddress, `"${n.sourceaddress.value}"`) : { text: 'none', key: '', at: undefined };
    case 'bfdProfile':
      return n.bfdProfile?.value ? set(n.bfdProfile, `"${n.bfdProfile.value}"`) : { text: 'none', key: '', at: undefined };
    case 'ebgpMultiHop':
      return n.ebgpMultiHop ? set(n.ebgpMultiHop, String(n.ebgpMultiHop.value)) : dflt('false');
    case 'dualStackAddressFamily':
      // frr-k8s compares the IP family: an interface neighbor is always dual-stack.
      if (n.interface?.value && !n.address?.value) return { text: 'dual-stack (interface)', key: 'dual', at: undefined };
      return n.dualStackAddressFamily?.value ? set(n.dualStackAddressFamily, 'true', 'dual') : n.dualStackAddressFamily ? set(n.dualStackAddressFamily, 'false', 'single') : dflt('false', 'single');
    case 'holdTime':
      return timers(n)?.hold;
    case 'keepaliveTime':
      return timers(n)?.keepalive;
    case 'connectTime': {
      const c = n.connectTime;
      if (!c) return dflt('60s', '60');
      const s = truncSeconds(c);
      return s === undefined ? undefined : set(c, c.value, String(s));
    }
    case 'localASN':
      return n.localASN ? set(n.localASN, String(n.localASN.value)) : dflt('0');
  }
}

/** The fields in merge.go's order (the password is compared separately: it is never shown). */
export const MERGE_FIELDS: readonly MergeField[] = [
  'asn',
  'port',
  'sourceaddress',
  'bfdProfile',
  'ebgpMultiHop',
  'dualStackAddressFamily',
  'holdTime',
  'keepaliveTime',
  'connectTime',
  'localASN',
];

/**
 * Whether two entries have different passwords for the admission webhook, which resets secret
 * references before it validates (frr-k8s internal/controller/validate.go): a plain password against
 * none, or against only a secret reference, differs. Two secret references compare equal there (their
 * values, which the controller compares later, are not in the workspace).
 */
export function passwordsDiffer(a: FRRNeighborView, b: FRRNeighborView): boolean {
  const pa = a.password && !a.password.empty ? a.password : undefined;
  const pb = b.password && !b.password.empty ? b.password : undefined;
  if (pa && pb) return !pa.sameValueAs(pb);
  if (!pa && !pb) return false;
  return true;
}
