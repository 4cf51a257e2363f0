import rule from '../../../server/src/core/rules/keepalive-clamped';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const router = (body: string): string => source`
  #- frr.conf
  router bgp 64512
   neighbor 192.0.2.10 remote-as 64513
${body}
  exit
`;

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

ruleTester(rule, {
  valid: [
    { name: 'keepalive exactly a third of the hold time', files: router('   neighbor 192.0.2.10 timers 3 9') },
    { name: 'keepalive a third of the hold time rounded down (10 / 3 = 3)', files: router('   neighbor 192.0.2.10 timers 3 10') },
    { name: 'keepalive 0 lets FRR use hold / 3 without a clamp', files: router('   neighbor 192.0.2.10 timers 0 9') },
    { name: 'a hold time of 0 disables both', files: router('   timers bgp 0 0') },
    { name: 'keepalive above the hold time is TMR202', files: router('   neighbor 192.0.2.10 timers 30 10') },
    { name: 'a MetalLB keepalive derived from holdTime / 3 is never clamped', files: peer('    holdTime: 10s') },
    { name: 'holdTime 90s with keepaliveTime 30s', files: peer('    holdTime: 90s\n    keepaliveTime: 30s') },
    { name: 'keepaliveTime 30.9s renders as 30 with holdTime 90s', files: peer('    holdTime: 90s\n    keepaliveTime: 30.9s') },
  ],
  invalid: [
    {
      name: 'a neighbor keepalive between a third of the hold time and the hold time',
      files: router('   neighbor 192.0.2.10 timers 4 10'),
      errors: [
        {
          messageId: 'frr',
          data: { command: 'neighbor 192.0.2.10 timers 4 10', keepalive: 4, hold: 10, used: 3 },
          file: 'frr.conf',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 30,
        },
      ],
      output: {
        'frr.conf': source`
          router bgp 64512
           neighbor 192.0.2.10 remote-as 64513
           neighbor 192.0.2.10 timers 3 10
          exit
        `,
      },
    },
    {
      name: 'timers bgp with keepalive equal to the hold time',
      files: router('   timers bgp 9 9'),
      errors: [{ messageId: 'frr', data: { keepalive: 9, hold: 9, used: 3 }, file: 'frr.conf', line: 3, column: 13, endLine: 3, endColumn: 14 }],
      output: {
        'frr.conf': source`
          router bgp 64512
           neighbor 192.0.2.10 remote-as 64513
           timers bgp 3 9
          exit
        `,
      },
    },
    {
      name: 'a BGPPeer keepaliveTime of half the holdTime',
      files: peer('    holdTime: "90s"\n    keepaliveTime: "45s"'),
      errors: [
        {
          messageId: 'field',
          data: { object: 'BGPPeer "tor1"', keepalive: '45s', hold: '90s', used: 30 },
          file: 'metallb.yaml',
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 23,
        },
      ],
      output: {
        'metallb.yaml': source`
          apiVersion: metallb.io/v1beta2
          kind: BGPPeer
          metadata:
            name: tor1
            namespace: metallb-system
          spec:
            myASN: 64513
            peerASN: 64512
            peerAddress: 192.0.2.1
            holdTime: "90s"
            keepaliveTime: "30s"
        `,
      },
    },
    {
      name: 'the frr-k8s golden TestTwoRoutersTwoNeighbors has timers 40 80 in an FRRConfiguration',
      files: source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: node1
          namespace: metallb-system
        spec:
          bgp:
            routers:
              - asn: 64513
                neighbors:
                  - address: 192.0.2.1
                    asn: 64512
                    holdTime: 80s
                    keepaliveTime: 40s
      `,
      errors: [{ messageId: 'field', data: { used: 26 }, file: 'frrk8s.yaml', line: 14, column: 28, endLine: 14, endColumn: 31 }],
      output: {
        'frrk8s.yaml': source`
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: node1
            namespace: metallb-system
          spec:
            bgp:
              routers:
                - asn: 64513
                  neighbors:
                    - address: 192.0.2.1
                      asn: 64512
                      holdTime: 80s
                      keepaliveTime: 26s
        `,
      },
    },
  ],
});
