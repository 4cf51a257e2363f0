import rule from '../../../server/src/core/rules/connect-time-invalid';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const router = (body: string): string => source`
  #- frr.conf
  router bgp 64512
   neighbor 192.0.2.10 remote-as 64513
${body}
  exit
`;

const peer = (spec: string, version = 'v1beta2'): string => source`
  #- metallb.yaml
  apiVersion: metallb.io/${version}
  kind: BGPPeer
  metadata:
    name: tor1
    namespace: metallb-system
  spec:
    myASN: 64513
    peerASN: 64512
    peerAddress: 192.0.2.1
${spec}
`;

ruleTester(rule, {
  valid: [
    { name: 'timers connect 1 (MetalLB TestSingleSessionExtras golden)', files: router('   neighbor 192.0.2.10 timers connect 1') },
    { name: 'timers connect 65535', files: router('   neighbor 192.0.2.10 timers connect 65535') },
    { name: 'timers delayopen 0 is another command (FRR501)', files: router('   neighbor 192.0.2.10 timers delayopen 0') },
    { name: 'frr.conf timers connect 0 is FRR501\'s (value-out-of-range), not reported twice', files: router('   neighbor 192.0.2.10 timers connect 0') },
    { name: 'frr.conf timers connect 65536 is FRR501\'s', files: router('   neighbor 192.0.2.10 timers connect 65536') },
    { name: 'connectTime 10s', files: peer('    connectTime: 10s') },
    { name: 'connectTime 1m in minutes', files: peer('    connectTime: 1m') },
    { name: 'connectTime 65535s', files: peer('    connectTime: 65535s') },
    { name: 'a sub-millisecond remainder passes the CEL rule (getMilliseconds() % 1000)', files: peer('    connectTime: 1000500us') },
    { name: 'a v1beta1 peer has no connectTime field (MLB403)', files: peer('    connectTime: 0s', 'v1beta1') },
    { name: 'a connectTime that is not a duration is TMR209', files: peer('    connectTime: 10') },
  ],
  invalid: [
    {
      name: 'connectTime 0s',
      files: peer('    connectTime: 0s'),
      errors: [{ messageId: 'range', data: { object: 'BGPPeer "tor1"', value: '0s', seconds: 0 }, file: 'metallb.yaml', line: 10, column: 16, endLine: 10, endColumn: 18 }],
    },
    {
      name: 'connectTime 500ms is not a whole number of seconds',
      files: peer('    connectTime: 500ms'),
      errors: [{ messageId: 'fraction', data: { value: '500ms' }, file: 'metallb.yaml', line: 10, column: 16, endLine: 10, endColumn: 21 }],
    },
    {
      name: 'connectTime 19h (68400 s) is above 65535 s',
      files: peer('    connectTime: "19h"'),
      errors: [{ messageId: 'range', data: { value: '19h', seconds: 68400 }, file: 'metallb.yaml', line: 10, column: 16, endLine: 10, endColumn: 21 }],
    },
    {
      name: 'an FRRConfiguration neighbor connectTime of 1.5s',
      files: source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: node1
        spec:
          bgp:
            routers:
              - asn: 64513
                neighbors:
                  - address: 192.0.2.1
                    asn: 64512
                    connectTime: 1.5s
      `,
      errors: [{ messageId: 'fraction', data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1' }, file: 'frrk8s.yaml', line: 12, column: 26, endLine: 12, endColumn: 30 }],
    },
  ],
});
