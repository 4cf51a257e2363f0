import rule from '../../../server/src/core/rules/restarting-side-lacks-preserve-fw-state';
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

const ROUTER = source`
  #- frr.conf
  router bgp 64512
   bgp router-id 192.0.2.1
   neighbor 192.0.2.10 remote-as 64513
  exit
`;

const EXTRAS = (body: string): string => source`
  #- extras.yaml
  apiVersion: v1
  kind: ConfigMap
  metadata:
    name: bgpextras
    namespace: metallb-system
  data:
    extras: |
      router bgp 64513
  ${body}
      exit
`;

/** Two FRR routers that peer with each other; r1 restarts with GR. */
const R2 = source`
  #- r2.conf
  router bgp 65002
   bgp router-id 10.0.0.2
   neighbor 10.0.0.1 remote-as 65001
  exit
`;

ruleTester(rule, {
  valid: [
    {
      name: 'the reference configuration: MetalLB renders preserve-fw-state for a BGPPeer with GR',
      files: PEER + ROUTER,
    },
    {
      name: 'an FRR router in restart mode with preserve-fw-state',
      files:
        source`
          #- r1.conf
          router bgp 65001
           bgp router-id 10.0.0.1
           bgp graceful-restart
           bgp graceful-restart preserve-fw-state
           neighbor 10.0.0.2 remote-as 65002
          exit
        ` + R2,
    },
    {
      name: 'a negation that a later line turns on again',
      files:
        source`
          #- r1.conf
          router bgp 65001
           bgp router-id 10.0.0.1
           no bgp graceful-restart preserve-fw-state
           neighbor 10.0.0.2 remote-as 65002
           neighbor 10.0.0.2 graceful-restart
           bgp graceful-restart preserve-fw-state
          exit
        ` + R2,
    },
    {
      name: 'an FRR router in helper mode needs no preserve-fw-state',
      files: source`
        #- r1.conf
        router bgp 65001
         bgp router-id 10.0.0.1
         neighbor 10.0.0.2 remote-as 65002
        exit
      ` + R2,
    },
    {
      name: 'extras negate preserve-fw-state for a BGPPeer that does not restart with GR',
      files: PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false') + ROUTER + EXTRAS('     no bgp graceful-restart preserve-fw-state'),
    },
    {
      name: 'on FRR 8.4.4 a peer-group graceful-restart line leaves its member in helper mode (lab scenario 26)',
      files: source`
        #- r1.conf
        frr version 8.4.4
        router bgp 65001
         bgp router-id 10.0.0.1
         neighbor TORS peer-group
         neighbor TORS remote-as 65002
         neighbor TORS graceful-restart
         neighbor 10.0.0.2 peer-group TORS
        exit
      ` + R2,
    },
    {
      name: 'the only helper disables GR (GR101 reports that)',
      files: source`
        #- r1.conf
        router bgp 65001
         bgp router-id 10.0.0.1
         bgp graceful-restart
         neighbor 10.0.0.2 remote-as 65002
        exit
        #- r2.conf
        router bgp 65002
         bgp router-id 10.0.0.2
         bgp graceful-restart-disable
         neighbor 10.0.0.1 remote-as 65001
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'an FRR router in restart mode without preserve-fw-state, paired with its helper',
      files:
        source`
          #- r1.conf
          router bgp 65001
           bgp router-id 10.0.0.1
           bgp graceful-restart
           neighbor 10.0.0.2 remote-as 65002
          exit
        ` + R2,
      errors: [
        {
          messageId: 'noPreserve',
          data: { restarting: 'neighbor 10.0.0.2', helper: 'neighbor 10.0.0.1' },
          file: 'r1.conf',
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 22,
          severity: 'error',
          related: ['r2.conf:3:11'],
        },
      ],
      output: {
        'r1.conf': source`
          router bgp 65001
           bgp router-id 10.0.0.1
           bgp graceful-restart
           bgp graceful-restart preserve-fw-state
           neighbor 10.0.0.2 remote-as 65002
          exit
        `,
      },
    },
    {
      name: 'a per-neighbor restart mode of an unpaired neighbor, inserted after the router-id',
      files: source`
        #- r1.conf
        router bgp 65001
         bgp router-id 10.0.0.1
         neighbor 10.0.0.9 remote-as 65009
         neighbor 10.0.0.9 graceful-restart
        exit
      `,
      errors: [
        {
          messageId: 'noPreserveUnpaired',
          data: { restarting: 'neighbor 10.0.0.9' },
          file: 'r1.conf',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 36,
          related: [],
        },
      ],
      output: {
        'r1.conf': source`
          router bgp 65001
           bgp router-id 10.0.0.1
           bgp graceful-restart preserve-fw-state
           neighbor 10.0.0.9 remote-as 65009
           neighbor 10.0.0.9 graceful-restart
          exit
        `,
      },
    },
    {
      name: 'on FRR 10.3 a peer-group graceful-restart line puts its member in restart mode',
      files:
        source`
          #- r1.conf
          frr version 10.3
          router bgp 65001
           bgp router-id 10.0.0.1
           neighbor TORS peer-group
           neighbor TORS remote-as 65002
           neighbor TORS graceful-restart
           neighbor 10.0.0.2 peer-group TORS
          exit
        ` + R2,
      errors: [{ messageId: 'noPreserve', data: { restarting: 'neighbor 10.0.0.2' }, file: 'r1.conf', line: 6, column: 2, endLine: 6, endColumn: 32 }],
    },
    {
      name: 'an explicit negation in a real frr.conf is turned into the positive command',
      files:
        source`
          #- r1.conf
          router bgp 65001
           bgp router-id 10.0.0.1
           bgp graceful-restart
           no bgp graceful-restart preserve-fw-state
           neighbor 10.0.0.2 remote-as 65002
          exit
        ` + R2,
      errors: [
        {
          messageId: 'noPreserve',
          file: 'r1.conf',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 43,
          related: ['r1.conf:3:2', 'r2.conf:3:11'],
        },
      ],
      output: {
        'r1.conf': source`
          router bgp 65001
           bgp router-id 10.0.0.1
           bgp graceful-restart
           bgp graceful-restart preserve-fw-state
           neighbor 10.0.0.2 remote-as 65002
          exit
        `,
      },
    },
    {
      name: 'bgpextras negate the preserve-fw-state MetalLB renders: the negation is removed from the ConfigMap',
      files: PEER + ROUTER + EXTRAS('     no bgp graceful-restart preserve-fw-state'),
      errors: [
        {
          messageId: 'noPreserve',
          data: { restarting: 'BGPPeer "tor1"', helper: 'neighbor 192.0.2.10' },
          file: 'extras.yaml',
          line: 9,
          column: 6,
          endLine: 9,
          endColumn: 47,
          related: ['metallb.yaml:10:26', 'frr.conf:3:11'],
        },
      ],
      output: {
        'extras.yaml': source`
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: bgpextras
            namespace: metallb-system
          data:
            extras: |
              router bgp 64513
              exit
        `,
      },
    },
    {
      name: 'frr-k8s raw config negates preserve-fw-state for a neighbor with GR',
      files:
        source`
          #- frrk8s.yaml
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: tor
            namespace: metallb-system
          spec:
            bgp:
              routers:
              - asn: 64513
                neighbors:
                - address: 192.0.2.1
                  asn: 64512
                  enableGracefulRestart: true
            raw:
              rawConfig: |
                router bgp 64513
                 no bgp graceful-restart preserve-fw-state
                exit
        ` + ROUTER,
      errors: [
        {
          messageId: 'noPreserve',
          data: { restarting: 'FRRConfiguration "tor" neighbor 192.0.2.1', helper: 'neighbor 192.0.2.10' },
          file: 'frrk8s.yaml',
          line: 17,
          column: 8,
          endLine: 17,
          endColumn: 49,
        },
      ],
      output: {
        'frrk8s.yaml': source`
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: tor
            namespace: metallb-system
          spec:
            bgp:
              routers:
              - asn: 64513
                neighbors:
                - address: 192.0.2.1
                  asn: 64512
                  enableGracefulRestart: true
            raw:
              rawConfig: |
                router bgp 64513
                exit
        `,
      },
    },
  ],
});
