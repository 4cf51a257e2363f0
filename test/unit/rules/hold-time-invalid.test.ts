import rule from '../../../server/src/core/rules/hold-time-invalid';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const router = (body: string): string => source`
  #- frr.conf
  router bgp 64512
   neighbor 192.0.2.10 remote-as 64513
   neighbor NODES peer-group
   neighbor NODES remote-as 64514
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
    { name: 'a hold time of 9 s', files: router('   neighbor 192.0.2.10 timers 3 9') },
    { name: 'a hold time of 0 disables the hold timer, which FRR accepts', files: router('   neighbor 192.0.2.10 timers 0 0') },
    { name: 'a keepalive of 1 s with a hold time of 3 s', files: router('   timers bgp 1 3') },
    { name: 'a negated timers line', files: router('   no neighbor 192.0.2.10 timers 3 1') },
    {
      name: 'a keepalive above 65535 makes vtysh reject the whole line (FRR501), whatever the hold time',
      files: router('   neighbor 192.0.2.10 timers 65536 1'),
    },
    { name: 'holdTime 3s', files: peer('    holdTime: 3s') },
    { name: 'holdTime 3.9s truncates to 3 s, which is valid', files: peer('    holdTime: 3.9s') },
    { name: 'holdTime 500ms truncates to 0 (TMR204, not this rule)', files: peer('    holdTime: 500ms') },
    { name: 'keepaliveTime 1s alone: MetalLB derives a hold time of 3 s', files: peer('    keepaliveTime: 1s') },
    { name: 'a holdTime that is not a duration is TMR209', files: peer('    holdTime: 1 s') },
  ],
  invalid: [
    {
      name: 'a neighbor hold time of 1 s (MetalLB TestBFDWithSession golden)',
      files: router('   neighbor 192.0.2.10 timers 2 1'),
      errors: [
        {
          messageId: 'frr',
          data: { command: 'neighbor 192.0.2.10 timers 2 1', hold: 1 },
          file: 'frr.conf',
          line: 5,
          column: 31,
          endLine: 5,
          endColumn: 32,
        },
      ],
      unsafe: true,
      output: {
        'frr.conf': source`
          router bgp 64512
           neighbor 192.0.2.10 remote-as 64513
           neighbor NODES peer-group
           neighbor NODES remote-as 64514
           neighbor 192.0.2.10 timers 2 6
          exit
        `,
      },
    },
    {
      name: 'timers bgp with hold 2 gets the smallest valid hold time',
      files: router('   timers bgp 0 2'),
      errors: [{ messageId: 'frr', data: { hold: 2 }, file: 'frr.conf', line: 5, column: 15, endLine: 5, endColumn: 16 }],
      unsafe: true,
      output: {
        'frr.conf': source`
          router bgp 64512
           neighbor 192.0.2.10 remote-as 64513
           neighbor NODES peer-group
           neighbor NODES remote-as 64514
           timers bgp 0 3
          exit
        `,
      },
    },
    {
      name: 'a peer-group hold time of 2 s',
      files: router('   neighbor NODES timers 10 2'),
      errors: [{ messageId: 'frr', file: 'frr.conf', line: 5, column: 27, endLine: 5, endColumn: 28 }],
      unsafe: true,
      output: {
        'frr.conf': source`
          router bgp 64512
           neighbor 192.0.2.10 remote-as 64513
           neighbor NODES peer-group
           neighbor NODES remote-as 64514
           neighbor NODES timers 10 30
          exit
        `,
      },
    },
    {
      name: 'a BGPPeer holdTime that truncates to 2 s, quoted',
      files: peer('    holdTime: "2.5s"\n    keepaliveTime: 1s'),
      errors: [
        {
          messageId: 'field',
          data: { object: 'BGPPeer "tor1"', value: '2.5s', seconds: 2, controller: 'MetalLB' },
          file: 'metallb.yaml',
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 19,
        },
      ],
      unsafe: true,
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
            holdTime: "3s"
            keepaliveTime: 1s
        `,
      },
    },
    {
      name: 'a BGPPeer keepaliveTime alone from which MetalLB derives a hold time of 1 s',
      files: peer('    keepaliveTime: 500ms'),
      errors: [
        {
          messageId: 'derived',
          data: { object: 'BGPPeer "tor1"', value: '500ms', seconds: 1 },
          file: 'metallb.yaml',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 23,
        },
      ],
    },
    {
      name: 'an FRRConfiguration neighbor holdTime of 1s (MetalLB frr-k8s golden), reported once and not again on its rendering',
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
                    holdTime: 1s
                    keepaliveTime: 1s
      `,
      errors: [
        {
          messageId: 'field',
          data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1', value: '1s', seconds: 1, controller: 'frr-k8s' },
          file: 'frrk8s.yaml',
          line: 13,
          column: 23,
          endLine: 13,
          endColumn: 25,
        },
      ],
      unsafe: true,
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
                      holdTime: 3s
                      keepaliveTime: 1s
        `,
      },
    },
    {
      name: 'a hold time of 1 s in an FRRConfiguration rawConfig is reported inside the YAML block scalar and fixed there',
      files: source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: raw
          namespace: metallb-system
        spec:
          raw:
            rawConfig: |
              router bgp 64513
               neighbor 192.0.2.1 timers 1 1
              exit
      `,
      errors: [{ messageId: 'frr', file: 'frrk8s.yaml', line: 10, column: 36, endLine: 10, endColumn: 37 }],
      unsafe: true,
      output: {
        'frrk8s.yaml': source`
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: raw
            namespace: metallb-system
          spec:
            raw:
              rawConfig: |
                router bgp 64513
                 neighbor 192.0.2.1 timers 1 3
                exit
        `,
      },
    },
  ],
});
