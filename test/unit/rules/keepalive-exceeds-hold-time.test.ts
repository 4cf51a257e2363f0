import rule from '../../../server/src/core/rules/keepalive-exceeds-hold-time';
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
    { name: 'keepalive a third of the hold time', files: router('   neighbor 192.0.2.10 timers 3 9') },
    { name: 'keepalive equal to the hold time (TMR203, not this rule)', files: router('   neighbor 192.0.2.10 timers 9 9') },
    { name: 'a hold time of 1 s makes FRR reject the line (TMR201), so the keepalive does not matter', files: router('   neighbor 192.0.2.10 timers 2 1') },
    { name: 'keepaliveTime equal to holdTime is accepted by MetalLB', files: peer('    holdTime: 9s\n    keepaliveTime: 9s') },
    { name: 'keepaliveTime 0s with a holdTime', files: peer('    holdTime: 9m0s\n    keepaliveTime: 0s') },
    {
      name: 'keepaliveTime below holdTime by a fraction of a second, though both render as 3',
      files: peer('    holdTime: 3.5s\n    keepaliveTime: 3.4s'),
    },
    { name: 'a v1beta1 peer with keepaliveTime 0s and no holdTime', files: peer('    keepaliveTime: 0s', 'v1beta1') },
  ],
  invalid: [
    {
      name: 'a neighbor keepalive above the hold time',
      files: router('   neighbor 192.0.2.10 timers 30 10'),
      errors: [
        {
          messageId: 'frr',
          data: { command: 'neighbor 192.0.2.10 timers 30 10', keepalive: 30, hold: 10, used: 3 },
          file: 'frr.conf',
          line: 3,
          column: 29,
          endLine: 3,
          endColumn: 31,
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
      name: 'timers bgp with hold time 0 and a keepalive',
      files: router('   timers bgp 60 0'),
      errors: [{ messageId: 'frr', data: { keepalive: 60, hold: 0, used: 0 }, file: 'frr.conf', line: 3, column: 13, endLine: 3, endColumn: 15 }],
      output: {
        'frr.conf': source`
          router bgp 64512
           neighbor 192.0.2.10 remote-as 64513
           timers bgp 0 0
          exit
        `,
      },
    },
    {
      name: 'a BGPPeer keepaliveTime above holdTime by a fraction of a second',
      files: peer("    holdTime: 3.5s\n    keepaliveTime: '3.6s'"),
      errors: [
        {
          messageId: 'field',
          data: { object: 'BGPPeer "tor1"', keepalive: '3.6s', hold: '3.5s', controller: 'MetalLB' },
          file: 'metallb.yaml',
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 24,
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
            holdTime: 3.5s
            keepaliveTime: '1s'
        `,
      },
    },
    {
      name: 'a v1beta1 BGPPeer with keepaliveTime and no holdTime, which converts to 0s',
      files: peer('    keepaliveTime: 30s', 'v1beta1'),
      errors: [{ messageId: 'v1beta1', data: { object: 'BGPPeer "tor1"', keepalive: '30s' }, file: 'metallb.yaml', line: 10, column: 18, endLine: 10, endColumn: 21 }],
    },
    {
      name: 'an FRRConfiguration neighbor keepaliveTime above holdTime',
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
                    holdTime: 90s
                    keepaliveTime: 2m
      `,
      errors: [
        {
          messageId: 'field',
          data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1', controller: 'frr-k8s' },
          file: 'frrk8s.yaml',
          line: 14,
          column: 28,
          endLine: 14,
          endColumn: 30,
        },
      ],
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
                      holdTime: 90s
                      keepaliveTime: 30s
        `,
      },
    },
  ],
});
