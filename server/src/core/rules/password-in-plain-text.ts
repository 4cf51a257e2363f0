// MLB411: a BGP password written in plain text in a BGPPeer or FRRConfiguration. Docs: docs/rules/MLB411.md
import type { BGPPeerView, FRRConfigurationView } from '../k8s/types';
import { defineRule } from './define';
import { k8sEntries, neighborLabel, objectLabel } from './mlb-common';

export default defineRule({
  code: 'MLB411',
  name: 'password-in-plain-text',
  summary: 'a BGPPeer or FRRConfiguration neighbor holds its BGP password in plain text',
  defaultSeverity: 'warning',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    plain: '{object} has its BGP password in plain text in the password field',
  },
  check(ctx) {
    // Only the key is ever reported: the value never reaches a message, a range or a related location.
    for (const { uri, o, cutoff } of k8sEntries(ctx)) {
      // MetalLB's generated FRRConfigurations (JSON goldens) copy the password of a BGPPeer, which is where it belongs.
      if (o.inferred) continue;
      if (o.kind === 'BGPPeer') {
        const p = (o as BGPPeerView).spec.password;
        if (p && !p.empty && p.keyRange.end <= cutoff) ctx.report({ messageId: 'plain', data: { object: objectLabel(o) }, loc: { uri, range: p.keyRange } });
      } else if (o.kind === 'FRRConfiguration') {
        for (const r of (o as FRRConfigurationView).spec.bgp?.value.routers?.value ?? []) {
          for (const n of r.neighbors?.value ?? []) {
            const p = n.password;
            if (p && !p.empty && p.keyRange.end <= cutoff) {
              ctx.report({ messageId: 'plain', data: { object: neighborLabel(o as FRRConfigurationView, n) }, loc: { uri, range: p.keyRange } });
            }
          }
        }
      }
    }
  },
});
