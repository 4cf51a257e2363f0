import rule from '../../../server/src/core/rules/hold-time-mismatch';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (spec: string): string => source`
  #- metallb.yaml
  apiVersion: metallb.io/v1beta2
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

const router = (body: string, asn = 64512): string => source`
  #- frr.conf
  router bgp ${asn}
   bgp router-id 192.0.2.1
   neighbor 192.0.2.10 remote-as 64513
${body}
  exit
`;

ruleTester(rule, {
  valid: [
    { name: 'both ends configure 90 s', files: peer('    holdTime: 90s') + router('   neighbor 192.0.2.10 timers 30 90') },
    { name: 'only the BGPPeer configures a hold time; the router keeps its default', files: peer('    holdTime: 90s') + router('') },
    { name: 'neither end configures one', files: peer('    enableGracefulRestart: true') + router('') },
    {
      name: 'different hold times on ends that do not pair (the router is another AS)',
      files: peer('    holdTime: 90s') + router('   neighbor 192.0.2.10 timers 60 180', 64999),
    },
  ],
  invalid: [
    {
      name: 'the router configures 180 s, the BGPPeer 90 s: reported on the router',
      files: peer('    holdTime: 90s') + router('   neighbor 192.0.2.10 timers 60 180'),
      errors: [
        {
          messageId: 'mismatch',
          data: { end: 'neighbor 192.0.2.10', hold: 180, other: 'BGPPeer "tor1"', otherHold: 90, used: 90 },
          file: 'frr.conf',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 35,
          related: ['metallb.yaml:10:13'],
        },
      ],
    },
    {
      name: 'the BGPPeer configures 240 s, the router 30 s with timers bgp: reported on the BGPPeer',
      files: peer('    holdTime: 240s') + router('   timers bgp 10 30'),
      errors: [
        {
          messageId: 'mismatch',
          data: { end: 'BGPPeer "tor1"', hold: 240, other: 'neighbor 192.0.2.10', otherHold: 30, used: 30 },
          file: 'metallb.yaml',
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 17,
          related: ['frr.conf:4:2'],
        },
      ],
    },
    {
      name: 'two FRR routers with different neighbor hold times',
      files: source`
        #- r1/frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         neighbor 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 timers 3 9
        exit
        #- r2/frr.conf
        router bgp 64513
         bgp router-id 192.0.2.2
         neighbor 192.0.2.1 remote-as 64512
         neighbor 192.0.2.1 timers 10 30
        exit
      `,
      errors: [
        {
          messageId: 'mismatch',
          data: { end: 'neighbor 192.0.2.1', hold: 30, other: 'neighbor 192.0.2.2', otherHold: 9, used: 9 },
          file: 'r2/frr.conf',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 33,
          related: ['r1/frr.conf:4:2'],
        },
      ],
    },
  ],
});
