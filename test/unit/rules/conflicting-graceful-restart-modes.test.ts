import rule from '../../../server/src/core/rules/conflicting-graceful-restart-modes';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const PEER = source`
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
    enableGracefulRestart: true
`;

ruleTester(rule, {
  valid: [
    {
      name: 'one mode line per scope: instance, neighbor and peer-group may differ',
      files: source`
        #- frr.conf
        router bgp 65001
         bgp graceful-restart
         neighbor PG peer-group
         neighbor PG remote-as 65002
         neighbor PG graceful-restart-helper
         neighbor 10.0.0.2 remote-as 65002
         neighbor 10.0.0.2 graceful-restart-disable
         neighbor 10.0.0.3 peer-group PG
         neighbor 10.0.0.3 graceful-restart
        exit
      `,
    },
    {
      name: 'a mode undone by its no form before another mode is set',
      files: source`
        #- frr.conf
        router bgp 65001
         bgp graceful-restart
         no bgp graceful-restart
         bgp graceful-restart-disable
         neighbor 10.0.0.2 remote-as 65002
         neighbor 10.0.0.2 graceful-restart
         no neighbor 10.0.0.2 graceful-restart
         neighbor 10.0.0.2 graceful-restart-helper
        exit
      `,
    },
    {
      name: 'the same mode written twice is not a conflict',
      files: '#- frr.conf\nrouter bgp 65001\n bgp graceful-restart\n bgp graceful-restart\nexit\n',
    },
    {
      name: 'top-level mode lines on FRR 8.4.4, which rejects them (BGP-wide GR exists since 10.2)',
      files: '#- frr.conf\nfrr version 8.4.4\nbgp graceful-restart-disable\nbgp graceful-restart\n',
    },
    {
      name: 'different routers (VRFs) each have their own scope',
      files: source`
        #- frr.conf
        router bgp 65001
         bgp graceful-restart
        exit
        router bgp 65001 vrf red
         bgp graceful-restart-disable
        exit
      `,
    },
    {
      name: 'a MetalLB-rendered neighbor line and an extras line are not compared (rendered text is not linted)',
      files:
        PEER +
        source`
          #- extras.yaml
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: bgpextras
            namespace: metallb-system
          data:
            extras: |
              router bgp 64513
               neighbor 192.0.2.1 graceful-restart-helper
              exit
        `,
    },
  ],
  invalid: [
    {
      name: 'bgp graceful-restart and bgp graceful-restart-disable in one router',
      files: source`
        #- frr.conf
        router bgp 65001
         bgp graceful-restart
         neighbor 10.0.0.2 remote-as 65002
         bgp graceful-restart-disable
        exit
      `,
      errors: [
        {
          messageId: 'overridden',
          data: { overridden: 'bgp graceful-restart', winner: 'bgp graceful-restart-disable', scope: 'router bgp 65001' },
          file: 'frr.conf',
          line: 2,
          column: 2,
          endLine: 2,
          endColumn: 22,
          severity: 'warning',
          related: ['frr.conf:4:2'],
        },
      ],
      output: {
        'frr.conf': source`
          router bgp 65001
           neighbor 10.0.0.2 remote-as 65002
           bgp graceful-restart-disable
          exit
        `,
      },
    },
    {
      name: 'three modes on one neighbor: each overridden line is reported',
      files: source`
        #- frr.conf
        router bgp 65001
         neighbor 2001:db8::2 remote-as 65002
         neighbor 2001:db8::2 graceful-restart
         neighbor 2001:db8::2 graceful-restart-helper
         neighbor 2001:0db8::2 graceful-restart-disable
        exit
      `,
      errors: [
        {
          messageId: 'overridden',
          data: { overridden: 'neighbor 2001:db8::2 graceful-restart', winner: 'neighbor 2001:db8::2 graceful-restart-helper', scope: 'neighbor 2001:db8::2 of router bgp 65001' },
          file: 'frr.conf',
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 39,
        },
        { messageId: 'overridden', data: { winner: 'neighbor 2001:0db8::2 graceful-restart-disable' }, file: 'frr.conf', line: 4, column: 2, endLine: 4, endColumn: 46 },
      ],
      output: {
        'frr.conf': source`
          router bgp 65001
           neighbor 2001:db8::2 remote-as 65002
           neighbor 2001:0db8::2 graceful-restart-disable
          exit
        `,
      },
    },
    {
      name: 'a peer-group with two modes',
      files: source`
        #- frr.conf
        router bgp 65001
         neighbor NODES peer-group
         neighbor NODES graceful-restart-disable
         neighbor NODES graceful-restart
        exit
      `,
      errors: [{ messageId: 'overridden', data: { scope: 'peer-group NODES of router bgp 65001' }, file: 'frr.conf', line: 3, column: 2, endLine: 3, endColumn: 41 }],
    },
    {
      name: 'two blocks of the same router merge, as in FRR',
      files: source`
        #- frr.conf
        router bgp 65001
         bgp graceful-restart-disable
        exit
        router bgp 65001
         bgp graceful-restart
        exit
      `,
      errors: [{ messageId: 'overridden', file: 'frr.conf', line: 2, column: 2, endLine: 2, endColumn: 30, related: ['frr.conf:5:2'] }],
    },
    {
      name: 'BGP-wide (top-level) mode lines',
      files: '#- frr.conf\nbgp graceful-restart-disable\nbgp graceful-restart\n',
      errors: [{ messageId: 'overridden', data: { scope: 'the top-level configuration' }, file: 'frr.conf', line: 1, column: 1, endLine: 1, endColumn: 29 }],
      output: { 'frr.conf': 'bgp graceful-restart\n' },
    },
    {
      name: 'conflicting neighbor modes in an frr-k8s rawConfig are reported and fixed inside the YAML',
      files: source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: tor
          namespace: metallb-system
        spec:
          raw:
            rawConfig: |
              router bgp 64513
               neighbor 192.0.2.1 graceful-restart
               neighbor 192.0.2.1 graceful-restart-helper
              exit
      `,
      errors: [{ messageId: 'overridden', file: 'frrk8s.yaml', line: 10, column: 8, endLine: 10, endColumn: 43, related: ['frrk8s.yaml:11:8'] }],
      output: {
        'frrk8s.yaml': source`
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: tor
            namespace: metallb-system
          spec:
            raw:
              rawConfig: |
                router bgp 64513
                 neighbor 192.0.2.1 graceful-restart-helper
                exit
        `,
      },
    },
  ],
});
