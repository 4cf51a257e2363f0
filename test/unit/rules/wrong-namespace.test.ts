import rule from '../../../server/src/core/rules/wrong-namespace';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (ns: string | undefined): string =>
  ['apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'metadata:', '  name: tor1', ...(ns ? [`  namespace: ${ns}`] : []), 'spec:', '  myASN: 64513', '  peerASN: 64512', '  peerAddress: 192.0.2.1'].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'the default namespace metallb-system', files: '#- peers.yaml\n' + peer('metallb-system') },
    { name: 'no namespace: the object goes where it is applied', files: '#- peers.yaml\n' + peer(undefined) },
    { name: 'the namespace configured in .grlint.yaml', files: '#- peers.yaml\n' + peer('frr-k8s-system') + '#- .grlint.yaml\nmetallb:\n  namespace: frr-k8s-system\n' },
    { name: 'Nodes are cluster-scoped, other ConfigMaps are not MetalLB\'s', files: '#- other.yaml\napiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  namespace: default\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\n  namespace: default\n' },
    { name: 'MetalLB\'s generated FRRConfigurations carry their test namespace', files: '#- TestSession.golden.yaml\n{"metadata": {"name": "metallb-node1", "namespace": "testnamespace"}, "spec": {"bgp": {"routers": [{"asn": 100}]}}}\n' },
  ],
  invalid: [
    {
      name: 'a BGPPeer in default',
      files: '#- peers.yaml\n' + peer('default'),
      errors: [{ messageId: 'namespace', data: { object: 'BGPPeer "tor1"', namespace: 'default', expected: 'metallb-system', controller: 'MetalLB' }, file: 'peers.yaml', line: 5, column: 14, endLine: 5, endColumn: 21, severity: 'warning' }],
    },
    {
      name: 'an FRRConfiguration and the bgpextras ConfigMap outside the configured namespace',
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
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: bgpextras
          namespace: metallb-system
        data:
          extras: |
            router bgp 64513
        #- .grlint.yaml
        metallb:
          namespace: frr-k8s-system
      `,
      errors: [
        { messageId: 'namespace', data: { object: 'FRRConfiguration "node1"', controller: 'frr-k8s', expected: 'frr-k8s-system' }, file: 'frrk8s.yaml', line: 5, column: 14, endLine: 5, endColumn: 28 },
        { messageId: 'namespace', data: { object: 'ConfigMap "bgpextras"', controller: 'MetalLB' }, file: 'frrk8s.yaml', line: 15, column: 14, endLine: 15, endColumn: 28 },
      ],
    },
  ],
});
