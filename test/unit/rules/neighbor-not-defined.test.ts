import rule from '../../../server/src/core/rules/neighbor-not-defined';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'neighbors defined by remote-as, by peer-group membership and on an interface',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor NODES peer-group
         neighbor NODES remote-as external
         neighbor NODES timers 3 9
         neighbor 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 graceful-restart-helper
         neighbor 192.0.2.3 peer-group NODES
         neighbor 192.0.2.3 bfd
         neighbor eth0 interface remote-as external
         neighbor eth0 timers connect 10
         neighbor eth1 interface
         neighbor eth1 peer-group NODES
         neighbor 2001:db8::2 remote-as 64513
         neighbor 2001:DB8:0::2 description the same address written differently
         address-family ipv4 unicast
          neighbor 192.0.2.2 activate
          neighbor NODES activate
         exit-address-family
        exit
      `,
    },
    {
      name: 'a neighbor defined in an earlier block of the same instance (FRR merges them)',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
        exit
        router bgp 64512
         neighbor 192.0.2.2 timers 3 9
        exit
      `,
    },
    {
      name: 'a "no" line for a neighbor that does not exist is not judged',
      files: source`
        #- frr.conf
        router bgp 64512
         no neighbor 192.0.2.9 timers
        exit
      `,
    },
    {
      name: 'frr-k8s raw config that tunes a neighbor frr-k8s renders from the same object',
      files: source`
        #- frr-k8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: tor
          namespace: frr-k8s-system
        spec:
          bgp:
            routers:
            - asn: 64513
              neighbors:
              - address: 192.0.2.1
                asn: 64512
          raw:
            rawConfig: |
              router bgp 64513
                neighbor 192.0.2.1 bfd check-control-plane-failure
      `,
    },
    {
      name: 'a typo in the defining line is left to FRR501/FRR504 and does not cascade',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 4294967296
         neighbor 192.0.2.2 timers 3 9
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'a neighbor command before the neighbor\'s remote-as',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.4 timers 3 9
         neighbor 192.0.2.4 remote-as 64513
        exit
      `,
      errors: [
        {
          messageId: 'undefined',
          data: { peer: '192.0.2.4', instance: '64512' },
          file: 'frr.conf',
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 20,
          related: ['frr.conf:3:2'],
        },
      ],
    },
    {
      name: 'a neighbor that is defined only in another VRF, and an unmodelled command in an address family',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
        exit
        router bgp 64512 vrf red
         neighbor 192.0.2.2 graceful-restart
         address-family ipv4 unicast
          neighbor 192.0.2.9 activate
         exit-address-family
        exit
      `,
      errors: [
        { messageId: 'undefined', data: { peer: '192.0.2.2', instance: '64512 vrf red' }, file: 'frr.conf', line: 5, column: 11, endLine: 5, endColumn: 20 },
        { messageId: 'undefined', data: { peer: '192.0.2.9', instance: '64512 vrf red' }, file: 'frr.conf', line: 7, column: 12, endLine: 7, endColumn: 21 },
      ],
    },
    {
      name: 'remote-as for a name that is neither a peer-group nor an interface neighbor',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.300 remote-as 64513
         neighbor eth0 remote-as external
        exit
      `,
      errors: [
        { messageId: 'notAName', data: { peer: '192.0.2.300' }, file: 'frr.conf', line: 2, column: 11, endLine: 2, endColumn: 22 },
        { messageId: 'notAName', data: { peer: 'eth0' }, file: 'frr.conf', line: 3, column: 11, endLine: 3, endColumn: 15 },
      ],
    },
    {
      name: 'a peer-group used before it is defined',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor NODES timers 3 9
         neighbor NODES peer-group
        exit
      `,
      errors: [{ messageId: 'undefined', data: { peer: 'NODES' }, file: 'frr.conf', line: 2, column: 11, endLine: 2, endColumn: 16, related: ['frr.conf:3:2'] }],
    },
    {
      name: 'a neighbor of an embedded bgpextras text that MetalLB does not render',
      files: source`
        #- extras.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: bgpextras
          namespace: metallb-system
        data:
          extras: |
            router bgp 64513
              neighbor 192.0.2.9 bfd check-control-plane-failure
      `,
      errors: [{ messageId: 'undefined', data: { peer: '192.0.2.9', instance: '64513' }, file: 'extras.yaml', line: 9, column: 16, endLine: 9, endColumn: 25 }],
    },
  ],
});
