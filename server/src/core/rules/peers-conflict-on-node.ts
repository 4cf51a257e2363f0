// MLB407: BGPPeers that share a node disagree on routerID or myASN, or repeat a peer. Docs: docs/rules/MLB407.md
import type { BGPPeerView } from '../k8s/types';
import type { Location } from '../model/types';
import { defineRule } from './define';
import {
  compareEntries,
  inConfiguredNamespace,
  k8sEntries,
  knownNodes,
  nodesPhrase,
  objectLabel,
  objectLoc,
  overlapCandidates,
  selectionsOverlap,
  type K8sEntry,
} from './mlb-common';

type PeerEntry = K8sEntry & { readonly o: BGPPeerView };

// Fields whose wrong type would make the peer compare as if they were unset.
const COMPARED = ['spec.routerID', 'spec.myASN', 'spec.peerAddress', 'spec.interface', 'spec.vrf', 'spec.nodeSelectors'];

/** MetalLB's PeerIdentifier: the address (or interface), with `-vrf` when the peer has a VRF. */
function peerId(p: BGPPeerView): string | undefined {
  const id = p.spec.peerAddress?.value || p.spec.interface?.value;
  if (!id) return undefined;
  const vrf = p.spec.vrf?.value ?? '';
  return vrf ? `${id}-${vrf}` : id;
}

function vrfText(p: BGPPeerView): string {
  return p.spec.vrf?.value ? `VRF "${p.spec.vrf.value}"` : 'the default VRF';
}

export default defineRule({
  code: 'MLB407',
  name: 'peers-conflict-on-node',
  summary: 'BGPPeers that select the same node disagree on routerID or myASN, or repeat a peer address, which MetalLB rejects',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    routerId: '{peer} has routerID {value}, but {other} has {otherValue}, and both select {nodes}: MetalLB wants one router ID per node',
    duplicate: '{peer} repeats the peer {target} of {other} in {vrf}, and both select {nodes}: MetalLB rejects duplicate peers on a node',
    myAsn: '{peer} has myASN {value}, but {other} has myASN {otherValue} in {vrf}, and both select {nodes}: MetalLB wants one local ASN per VRF on a node',
  },
  check(ctx) {
    // checkFRRPeersCompatible (metallb internal/config/validation.go) runs in the FRR and frr-k8s modes only.
    if (ctx.settings.metallbMode === 'native') return;
    const entries = k8sEntries(ctx);
    const nodes = knownNodes(entries);
    const peers = entries
      .filter((e): e is PeerEntry => e.o.kind === 'BGPPeer')
      .filter((e) => !e.o.hasErrors && inConfiguredNamespace(e.o, ctx.settings.namespace))
      .filter((e) => !e.o.invalid.some((i) => COMPARED.some((c) => i.path === c || i.path.startsWith(`${c}[`) || i.path.startsWith(`${c}.`))))
      .sort(compareEntries);
    // Only pairs that can share a node are compared (all pairs when no Node objects are known).
    const candidates = overlapCandidates(peers.map((p) => p.o.spec.nodeSelectors?.value ?? []), nodes);
    for (let j = 1; j < peers.length; j++) {
      for (const i of candidates(j)) {
        const a = peers[i]!;
        const b = peers[j]!;
        const ov = selectionsOverlap(a.o.spec.nodeSelectors?.value ?? [], b.o.spec.nodeSelectors?.value ?? [], nodes);
        if (!ov.overlap) continue;
        const where = nodesPhrase(ov.shared);
        const sa = a.o.spec;
        const sb = b.o.spec;
        const at = (e: PeerEntry, v: { range: { start: number; end: number } } | undefined): Location => (v ? { uri: e.uri, range: v.range } : objectLoc(e));
        // peersCanRunOnSameNode compares the router IDs as written; unset is "".
        const ra = sa.routerID?.value ?? '';
        const rb = sb.routerID?.value ?? '';
        if (ra !== rb) {
          const text = (r: string): string => (r ? `"${r}"` : 'none');
          ctx.report({
            messageId: 'routerId',
            data: { peer: objectLabel(b.o), value: text(rb), other: objectLabel(a.o), otherValue: text(ra), nodes: where },
            loc: at(b, sb.routerID),
            related: [{ loc: at(a, sa.routerID), message: `${objectLabel(a.o)} has routerID ${text(ra)}` }],
          });
        }
        const ida = peerId(a.o);
        if (ida !== undefined && ida === peerId(b.o)) {
          const target = sb.peerAddress?.value ? `address "${sb.peerAddress.value}"` : `interface "${sb.interface?.value ?? ''}"`;
          ctx.report({
            messageId: 'duplicate',
            data: { peer: objectLabel(b.o), target, other: objectLabel(a.o), vrf: vrfText(b.o), nodes: where },
            loc: at(b, sb.peerAddress?.value ? sb.peerAddress : sb.interface),
            related: [{ loc: at(a, sa.peerAddress?.value ? sa.peerAddress : sa.interface), message: `${objectLabel(a.o)} peers with it too` }],
          });
        }
        if (sa.myASN && sb.myASN && sa.myASN.value !== sb.myASN.value && (sa.vrf?.value ?? '') === (sb.vrf?.value ?? '')) {
          ctx.report({
            messageId: 'myAsn',
            data: { peer: objectLabel(b.o), value: sb.myASN.value, other: objectLabel(a.o), otherValue: sa.myASN.value, vrf: vrfText(b.o), nodes: where },
            loc: at(b, sb.myASN),
            related: [{ loc: at(a, sa.myASN), message: `${objectLabel(a.o)} has myASN ${sa.myASN.value}` }],
          });
        }
      }
    }
  },
});
