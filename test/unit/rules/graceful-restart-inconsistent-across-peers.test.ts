import rule from '../../../server/src/core/rules/graceful-restart-inconsistent-across-peers';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (name: string, address: string, gr: string, extra = ''): string =>
  [
    'apiVersion: metallb.io/v1beta2',
    'kind: BGPPeer',
    'metadata:',
    `  name: ${name}`,
    '  namespace: metallb-system',
    'spec:',
    '  myASN: 64513',
    '  peerASN: 64512',
    `  peerAddress: ${address}${gr}${extra}`,
  ].join('\n') + '\n';

const GR = '\n  enableGracefulRestart: true';
const NO_GR = '\n  enableGracefulRestart: false';
const RACK = (r: string): string => `\n  nodeSelectors:\n  - matchLabels:\n      rack: "${r}"`;

const NODES = source`
  #- nodes.yaml
  apiVersion: v1
  kind: Node
  metadata:
    name: node-a
    labels:
      rack: "1"
      zone: east
  ---
  apiVersion: v1
  kind: Node
  metadata:
    name: node-b
    labels:
      rack: "2"
      zone: east
`;

ruleTester(rule, {
  valid: [
    {
      name: 'two BGPPeers that both restart with GR',
      files: '#- peers.yaml\n' + peer('tor1', '192.0.2.1', GR) + '---\n' + peer('tor2', '192.0.2.2', GR),
    },
    {
      name: 'two BGPPeers that both leave GR off are consistent',
      files: '#- peers.yaml\n' + peer('tor1', '192.0.2.1', NO_GR) + '---\n' + peer('tor2', '192.0.2.2', ''),
    },
    {
      name: 'different node selectors and no Node objects: the model cannot tell whether they overlap',
      files: '#- peers.yaml\n' + peer('tor1', '192.0.2.1', GR, RACK('1')) + '---\n' + peer('tor2', '192.0.2.2', NO_GR, RACK('2')),
    },
    {
      name: 'Node objects show the selections are disjoint',
      files: NODES + '#- peers.yaml\n' + peer('tor1', '192.0.2.1', GR, RACK('1')) + '---\n' + peer('tor2', '192.0.2.2', NO_GR, RACK('2')),
    },
    {
      name: 'frr-k8s neighbors in configurations for different nodes',
      files: NODES + source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: rack1
          namespace: metallb-system
        spec:
          nodeSelector:
            matchLabels:
              rack: "1"
          bgp:
            routers:
            - asn: 64513
              neighbors:
              - address: 192.0.2.1
                asn: 64512
                enableGracefulRestart: true
        ---
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: rack2
          namespace: metallb-system
        spec:
          nodeSelector:
            matchLabels:
              rack: "2"
          bgp:
            routers:
            - asn: 64513
              neighbors:
              - address: 192.0.2.2
                asn: 64512
      `,
    },
  ],
  invalid: [
    {
      name: 'a BGPPeer with enableGracefulRestart false next to one with GR on all nodes',
      files: '#- peers.yaml\n' + peer('tor1', '192.0.2.1', GR) + '---\n' + peer('tor2', '192.0.2.2', NO_GR),
      errors: [
        {
          messageId: 'inconsistent',
          data: { peer: 'BGPPeer "tor2"', other: 'BGPPeer "tor1"' },
          file: 'peers.yaml',
          line: 21,
          column: 26,
          endLine: 21,
          endColumn: 31,
          severity: 'warning',
          related: ['peers.yaml:10:26'],
        },
      ],
      unsafe: true,
      output: {
        'peers.yaml': '' + peer('tor1', '192.0.2.1', GR) + '---\n' + peer('tor2', '192.0.2.2', GR),
      },
    },
    {
      name: 'a BGPPeer without the field gets it added at the end of its spec',
      files: '#- peers.yaml\n' + peer('tor1', '192.0.2.1', GR) + '---\n' + peer('tor2', '192.0.2.2', '', RACK('1')),
      errors: [{ messageId: 'inconsistent', data: { peer: 'BGPPeer "tor2"' }, file: 'peers.yaml', line: 15, column: 9, endLine: 15, endColumn: 13 }],
      unsafe: true,
      output: {
        'peers.yaml': '' + peer('tor1', '192.0.2.1', GR) + '---\n' + peer('tor2', '192.0.2.2', '', RACK('1') + GR),
      },
    },
    {
      name: 'Node objects show that different selectors share a node',
      files:
        NODES +
        '#- peers.yaml\n' +
        peer('tor1', '192.0.2.1', GR, '\n  nodeSelectors:\n  - matchLabels:\n      zone: east') +
        '---\n' +
        peer('tor2', '192.0.2.2', NO_GR, RACK('2')),
      errors: [{ messageId: 'inconsistent', file: 'peers.yaml', line: 24, column: 26, endLine: 24, endColumn: 31 }],
    },
    {
      name: 'two neighbors of one FRRConfiguration: the one without GR gets the field',
      files: source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: tors
          namespace: metallb-system
        spec:
          bgp:
            routers:
            - asn: 64513
              neighbors:
              - address: 192.0.2.1
                asn: 64512
                enableGracefulRestart: true
              - address: 192.0.2.2
                asn: 64512
      `,
      errors: [
        {
          messageId: 'inconsistent',
          data: { peer: 'FRRConfiguration "tors" neighbor 192.0.2.2', other: 'FRRConfiguration "tors" neighbor 192.0.2.1' },
          file: 'frrk8s.yaml',
          line: 14,
          column: 18,
          endLine: 14,
          endColumn: 27,
          related: ['frrk8s.yaml:13:32'],
        },
      ],
      unsafe: true,
      output: {
        'frrk8s.yaml': source`
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: tors
            namespace: metallb-system
          spec:
            bgp:
              routers:
              - asn: 64513
                neighbors:
                - address: 192.0.2.1
                  asn: 64512
                  enableGracefulRestart: true
                - address: 192.0.2.2
                  asn: 64512
                  enableGracefulRestart: true
        `,
      },
    },
  ],
});
