// MLB406: ebgpMultiHop on a BGPPeer whose peerASN equals its myASN (iBGP). Docs: docs/rules/MLB406.md
import type { BGPPeerView } from '../k8s/types';
import { defineRule } from './define';
import { k8sEntries, objectLabel } from './mlb-common';

export default defineRule({
  code: 'MLB406',
  name: 'ebgp-multihop-on-ibgp',
  summary: 'a BGPPeer sets ebgpMultiHop although its peerASN equals its myASN, which MetalLB rejects',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    ibgp: '{object} sets ebgpMultiHop, but its peerASN {asn} equals its myASN: the session is iBGP and MetalLB rejects the peer',
  },
  check(ctx) {
    for (const { uri, o, cutoff } of k8sEntries(ctx)) {
      if (o.kind !== 'BGPPeer') continue;
      const s = (o as BGPPeerView).spec;
      const hop = s.ebgpMultiHop;
      // peerFromCR (metallb internal/config/config.go): `p.Spec.ASN == p.Spec.MyASN && p.Spec.EBGPMultiHop`;
      // with dynamicASN the peer ASN is 0 and never equals myASN (which must not be 0).
      if (!hop?.value || !s.peerASN || !s.myASN || s.myASN.value === 0 || s.peerASN.value !== s.myASN.value) continue;
      if (Math.max(hop.range.end, s.peerASN.range.end, s.myASN.range.end) > cutoff) continue;
      ctx.report({
        messageId: 'ibgp',
        data: { object: objectLabel(o), asn: s.peerASN.value },
        loc: { uri, range: hop.range },
        related: [{ loc: { uri, range: s.peerASN.range }, message: `peerASN ${s.peerASN.value} equals myASN` }],
      });
    }
  },
});
