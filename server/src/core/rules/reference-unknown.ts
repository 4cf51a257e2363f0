// MLB410: a BGPAdvertisement names a BGPPeer, IPAddressPool or Community alias the workspace lacks. Docs: docs/rules/MLB410.md
import type { BGPAdvertisementView, CommunityView, K8sObject } from '../k8s/types';
import { defineRule } from './define';
import { inConfiguredNamespace, k8sEntries, objectLabel } from './mlb-common';

/** True when MetalLB reads `c` as a community value rather than an alias (metallb internal/bgp/community: 2 or 4 fields). */
function isCommunityValue(c: string): boolean {
  const n = c.split(':').length;
  return n === 2 || n === 4;
}

export default defineRule({
  code: 'MLB410',
  name: 'reference-unknown',
  summary: 'a BGPAdvertisement names a BGPPeer, IPAddressPool or Community alias that the workspace does not define',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    peer: '{object} names BGPPeer "{name}" in peers, but the workspace defines no BGPPeer "{name}"',
    pool: '{object} names IPAddressPool "{name}" in ipAddressPools, but the workspace defines no IPAddressPool "{name}"',
    community: '{object} names community alias "{name}", but no Community in the workspace defines it',
  },
  check(ctx) {
    const entries = k8sEntries(ctx);
    // Names are looked up in the namespace MetalLB reads; an object without a namespace may be applied there.
    const visible = entries.filter((e) => inConfiguredNamespace(e.o, ctx.settings.namespace));
    const namesOf = (kind: K8sObject['kind']): Set<string> | undefined => {
      const of = visible.filter((e) => e.o.kind === kind);
      return of.length === 0 ? undefined : new Set(of.flatMap((e) => (e.o.name ? [e.o.name.value] : [])));
    };
    const peers = namesOf('BGPPeer');
    const pools = namesOf('IPAddressPool');
    const communities = visible.filter((e) => e.o.kind === 'Community');
    const aliases = new Set(communities.flatMap((e) => ((e.o as CommunityView).spec.communities?.value ?? []).flatMap((c) => (c.name ? [c.name.value] : []))));
    // A YAML error anywhere may hide a definition: stay silent about what cannot be seen.
    const uncertain = ctx.files.some((f) => f.kind === 'k8s' && f.k8s.errors.some((e) => e.severity === 'error'));
    if (uncertain) return;
    for (const { uri, o } of visible) {
      if (o.kind !== 'BGPAdvertisement') continue;
      const s = (o as BGPAdvertisementView).spec;
      const object = objectLabel(o);
      if (peers) {
        for (const p of s.peers?.value ?? []) {
          if (!peers.has(p.value)) ctx.report({ messageId: 'peer', data: { object, name: p.value }, loc: { uri, range: p.range } });
        }
      }
      if (pools) {
        for (const p of s.ipAddressPools?.value ?? []) {
          if (!pools.has(p.value)) ctx.report({ messageId: 'pool', data: { object, name: p.value }, loc: { uri, range: p.range } });
        }
      }
      if (communities.length > 0) {
        for (const c of s.communities?.value ?? []) {
          if (aliases.has(c.value) || isCommunityValue(c.value)) continue;
          ctx.report({ messageId: 'community', data: { object, name: c.value }, loc: { uri, range: c.range } });
        }
      }
    }
  },
});
