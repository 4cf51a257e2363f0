import rule from '../../../server/src/core/rules/field-unknown';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (extra: string, api = 'metallb.io/v1beta2'): string =>
  [
    `apiVersion: ${api}`,
    'kind: BGPPeer',
    'metadata:',
    '  name: tor1',
    '  namespace: metallb-system',
    'spec:',
    '  myASN: 64513',
    '  peerASN: 64512',
    '  peerAddress: 192.0.2.1',
    extra,
  ].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'every field of a v1beta2 BGPPeer is known', files: '#- peers.yaml\n' + peer('  enableGracefulRestart: true\n  passwordSecret:\n    name: bgp\n    namespace: metallb-system') },
    { name: 'labels and annotations take any key', files: '#- peers.yaml\n' + peer('  bfdProfile: fast').replace('  name: tor1', '  name: tor1\n  labels:\n    any/key: x\n  annotations:\n    kubectl.kubernetes.io/last-applied-configuration: "{}"') },
    { name: 'status is not validated', files: '#- peers.yaml\n' + peer('status:\n  whatever: true') },
    {
      name: 'frr-k8s spells sourceaddress in lower case',
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
                sourceaddress: 192.0.2.10
      `,
    },
    { name: 'a field after a YAML error in the same document is not judged', files: '#- peers.yaml\n' + peer('  vrf: red\n  vrf: blue\n  enableGracefullRestart: true') },
    { name: 'a ConfigMap other than bgpextras is not read', files: '#- cm.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\nwhatever: 1\n' },
  ],
  invalid: [
    {
      name: 'a misspelt enableGracefulRestart is renamed',
      files: '#- peers.yaml\n' + peer('  enableGracefullRestart: true'),
      errors: [
        {
          messageId: 'suggest',
          data: { key: 'enableGracefullRestart', where: 'spec of BGPPeer "tor1"', suggestion: 'enableGracefulRestart' },
          file: 'peers.yaml',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 25,
          severity: 'error',
        },
      ],
      output: { 'peers.yaml': peer('  enableGracefulRestart: true') },
    },
    {
      name: 'a key that differs in case keeps its quotes when renamed',
      files: '#- peers.yaml\n' + peer('  "peeraddress": 192.0.2.2').replace('  peerAddress: 192.0.2.1\n', ''),
      errors: [{ messageId: 'suggest', data: { key: 'peeraddress', suggestion: 'peerAddress' }, file: 'peers.yaml', line: 9, column: 3, endLine: 9, endColumn: 16 }],
      output: { 'peers.yaml': peer('  "peerAddress": 192.0.2.2').replace('  peerAddress: 192.0.2.1\n', '') },
    },
    {
      name: 'no rename when the suggested key is already there',
      files: '#- peers.yaml\n' + peer('  peerAdress: 192.0.2.2'),
      errors: [{ messageId: 'suggest', data: { key: 'peerAdress', suggestion: 'peerAddress' }, file: 'peers.yaml', line: 10, column: 3, endLine: 10, endColumn: 13 }],
    },
    {
      name: 'a field of v1beta2 in a v1beta1 BGPPeer names the version that has it',
      files: '#- peers.yaml\n' + peer('  holdTime: 90s\n  keepaliveTime: 30s\n  enableGracefulRestart: true', 'metallb.io/v1beta1'),
      errors: [
        {
          messageId: 'otherVersion',
          data: { key: 'enableGracefulRestart', apiVersion: 'metallb.io/v1beta1', otherVersion: 'metallb.io/v1beta2' },
          file: 'peers.yaml',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 24,
        },
      ],
    },
    {
      name: 'an unknown field with nothing close, in metadata and at the root',
      files: '#- peers.yaml\n' + peer('').replace('  name: tor1', '  name: tor1\n  tags: [a]') + 'extra: 1\n',
      errors: [
        { messageId: 'unknown', data: { key: 'tags', where: 'metadata of BGPPeer "tor1"' }, file: 'peers.yaml', line: 5, column: 3, endLine: 5, endColumn: 7 },
        { messageId: 'unknown', data: { key: 'extra', where: 'BGPPeer "tor1"' }, file: 'peers.yaml', line: 12, column: 1, endLine: 12, endColumn: 6 },
      ],
    },
    {
      name: 'sourceAddress in an FRRConfiguration neighbor, and a key under a label selector',
      files: source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: node1
          namespace: metallb-system
        spec:
          nodeSelector:
            labelSelector:
              foo: bar
          bgp:
            routers:
            - asn: 64513
              neighbors:
              - address: 192.0.2.1
                asn: 64512
                sourceAddress: 192.0.2.10
      `,
      errors: [
        { messageId: 'unknown', data: { key: 'labelSelector', where: 'spec.nodeSelector of FRRConfiguration "node1"' }, file: 'frrk8s.yaml', line: 8, column: 5, endLine: 8, endColumn: 18 },
        {
          messageId: 'suggest',
          data: { key: 'sourceAddress', where: 'FRRConfiguration "node1" neighbor 192.0.2.1', suggestion: 'sourceaddress' },
          file: 'frrk8s.yaml',
          line: 16,
          column: 9,
          endLine: 16,
          endColumn: 22,
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
            nodeSelector:
              labelSelector:
                foo: bar
            bgp:
              routers:
              - asn: 64513
                neighbors:
                - address: 192.0.2.1
                  asn: 64512
                  sourceaddress: 192.0.2.10
        `,
      },
    },
    {
      name: 'MetalLB\'s generated FRRConfigurations (no apiVersion, no kind) are checked against the frr-k8s schema',
      files: '#- TestSession.golden.yaml\n{\n  "metadata": {"name": "metallb-node1"},\n  "spec": {"bgp": {"routers": [{"asn": 100, "neighbors": [{"asn": 200, "address": "10.2.2.254", "enableGracefulRestrt": true}]}]}}\n}\n',
      errors: [{ messageId: 'suggest', data: { suggestion: 'enableGracefulRestart' }, file: 'TestSession.golden.yaml', line: 3, column: 97, endLine: 3, endColumn: 119 }],
      output: {
        'TestSession.golden.yaml':
          '{\n  "metadata": {"name": "metallb-node1"},\n  "spec": {"bgp": {"routers": [{"asn": 100, "neighbors": [{"asn": 200, "address": "10.2.2.254", "enableGracefulRestart": true}]}]}}\n}\n',
      },
    },
  ],
});
