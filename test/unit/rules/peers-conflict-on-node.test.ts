import rule from '../../../server/src/core/rules/peers-conflict-on-node';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

/** A BGPPeer; `extra` lines are appended to its spec. */
const peer = (name: string, address: string, extra = '', myASN = 64513, ns = 'metallb-system'): string =>
  [
    'apiVersion: metallb.io/v1beta2',
    'kind: BGPPeer',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    'spec:',
    `  myASN: ${myASN}`,
    '  peerASN: 64512',
    `  peerAddress: ${address}`,
    ...(extra ? [extra] : []),
  ].join('\n') + '\n';

const two = (a: string, b: string): string => '#- peers.yaml\n' + a + '---\n' + b;
const RACK = (r: string): string => `  nodeSelectors:\n  - matchLabels:\n      rack: "${r}"`;

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
      zone: west
`;

ruleTester(rule, {
  valid: [
    { name: 'two peers to different routers with the same router ID and ASN', files: two(peer('tor1', '192.0.2.1', '  routerID: 10.0.0.1'), peer('tor2', '192.0.2.2', '  routerID: 10.0.0.1')) },
    {
      name: 'different router IDs on selections that a label proves disjoint',
      files: two(peer('tor1', '192.0.2.1', '  routerID: 10.0.0.1\n' + RACK('1')), peer('tor2', '192.0.2.2', '  routerID: 10.0.0.2\n' + RACK('2'))),
    },
    {
      name: 'Exists against DoesNotExist is disjoint too',
      files: two(
        peer('tor1', '192.0.2.1', '  routerID: 10.0.0.1\n  nodeSelectors:\n  - matchExpressions:\n    - key: edge\n      operator: Exists'),
        peer('tor2', '192.0.2.2', '  nodeSelectors:\n  - matchExpressions:\n    - key: edge\n      operator: DoesNotExist'),
      ),
    },
    {
      name: 'Node objects show that two selections share no node',
      files: NODES + two(peer('tor1', '192.0.2.1', '  routerID: 10.0.0.1\n  nodeSelectors:\n  - matchLabels:\n      zone: east'), peer('tor2', '192.0.2.2', RACK('2'))),
    },
    { name: 'the same address in two VRFs', files: two(peer('tor1', '192.0.2.1', '  vrf: red'), peer('tor2', '192.0.2.1', '  vrf: blue')) },
    { name: 'different myASN in different VRFs', files: two(peer('tor1', '192.0.2.1', '  vrf: red'), peer('tor2', '192.0.2.2', '', 64514)) },
    { name: 'a peer in another namespace is not read by MetalLB (MLB412)', files: two(peer('tor1', '192.0.2.1'), peer('tor2', '192.0.2.1', '', 64513, 'other')) },
    { name: 'MetalLB does not run this check in native mode', files: two(peer('tor1', '192.0.2.1', '  routerID: 10.0.0.1'), peer('tor2', '192.0.2.2')) + '#- .grlint.yaml\nmetallb:\n  mode: native\n' },
  ],
  invalid: [
    {
      name: 'one peer sets a router ID and the other does not',
      files: two(peer('tor1', '192.0.2.1'), peer('tor2', '192.0.2.2', '  routerID: 10.0.0.1')),
      errors: [
        {
          messageId: 'routerId',
          data: { peer: 'BGPPeer "tor2"', value: '"10.0.0.1"', other: 'BGPPeer "tor1"', otherValue: 'none', nodes: 'overlapping nodes' },
          file: 'peers.yaml',
          line: 20,
          column: 13,
          endLine: 20,
          endColumn: 21,
          severity: 'error',
          related: ['peers.yaml:4:9'],
        },
      ],
    },
    {
      name: 'a later peer without the router ID is reported on its name',
      files: two(peer('tor1', '192.0.2.1', '  routerID: 10.0.0.1'), peer('tor2', '192.0.2.2')),
      errors: [{ messageId: 'routerId', data: { value: 'none', otherValue: '"10.0.0.1"' }, file: 'peers.yaml', line: 15, column: 9, endLine: 15, endColumn: 13, related: ['peers.yaml:10:13'] }],
    },
    {
      name: 'the same peer address twice in the default VRF',
      files: two(peer('tor1', '192.0.2.1'), peer('tor1-again', '192.0.2.1')),
      errors: [
        {
          messageId: 'duplicate',
          data: { peer: 'BGPPeer "tor1-again"', target: 'address "192.0.2.1"', other: 'BGPPeer "tor1"', vrf: 'the default VRF' },
          file: 'peers.yaml',
          line: 19,
          column: 16,
          endLine: 19,
          endColumn: 25,
          related: ['peers.yaml:9:16'],
        },
      ],
    },
    {
      name: 'two local ASNs in one VRF',
      files: two(peer('tor1', '192.0.2.1'), peer('tor2', '192.0.2.2', '', 64514)),
      errors: [{ messageId: 'myAsn', data: { value: 64514, otherValue: 64513, vrf: 'the default VRF' }, file: 'peers.yaml', line: 17, column: 10, endLine: 17, endColumn: 15, related: ['peers.yaml:7:10'] }],
    },
    {
      name: 'Node objects show that different selectors share a node, which the message names',
      files: NODES + two(peer('tor1', '192.0.2.1', '  routerID: 10.0.0.1\n  nodeSelectors:\n  - matchLabels:\n      zone: east'), peer('tor2', '192.0.2.2', '  routerID: 10.0.0.2\n' + RACK('1'))),
      errors: [{ messageId: 'routerId', data: { nodes: 'node "node-a"' }, file: 'peers.yaml', line: 24, column: 13, endLine: 24, endColumn: 21 }],
    },
    {
      name: 'In and NotIn of other values can select the same node',
      files: two(
        peer('tor1', '192.0.2.1', '  nodeSelectors:\n  - matchExpressions:\n    - key: rack\n      operator: In\n      values: ["1", "2"]'),
        peer('tor2', '192.0.2.2', '  nodeSelectors:\n  - matchExpressions:\n    - key: rack\n      operator: NotIn\n      values: ["1"]', 64514),
      ),
      errors: [{ messageId: 'myAsn', file: 'peers.yaml', line: 22, column: 10, endLine: 22, endColumn: 15 }],
    },
  ],
});
