import rule from '../../../server/src/core/rules/field-required';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (spec: string, api = 'metallb.io/v1beta2'): string =>
  [`apiVersion: ${api}`, 'kind: BGPPeer', 'metadata:', '  name: tor1', '  namespace: metallb-system', 'spec:', spec].join('\n') + '\n';

const config = (routers: string): string =>
  source`
    apiVersion: frrk8s.metallb.io/v1beta1
    kind: FRRConfiguration
    metadata:
      name: node1
      namespace: metallb-system
    spec:
      bgp:
  ` + routers;

ruleTester(rule, {
  valid: [
    { name: 'myASN, peerASN and peerAddress', files: '#- peers.yaml\n' + peer('  myASN: 64513\n  peerASN: 64512\n  peerAddress: 192.0.2.1') },
    { name: 'dynamicASN instead of peerASN, interface instead of peerAddress', files: '#- peers.yaml\n' + peer('  myASN: 64513\n  peerASN:\n  dynamicASN: external\n  interface: eth0') },
    {
      name: 'a v1beta1 BGPPeer with its three required fields',
      files: '#- peers.yaml\n' + peer('  myASN: 64513\n  peerASN: 64512\n  peerAddress: 192.0.2.1\n  holdTime: 90s\n  keepaliveTime: 30s', 'metallb.io/v1beta1'),
    },
    {
      name: 'an FRRConfiguration neighbor on an interface with dynamicASN',
      files: '#- frrk8s.yaml\n' + config('    routers:\n    - asn: 64513\n      neighbors:\n      - interface: eth0\n        dynamicASN: internal\n'),
    },
    {
      name: 'a generated FRRConfiguration without apiVersion and kind: those are not required fields',
      files: '#- TestSession.golden.yaml\n{"metadata": {"name": "metallb-node1", "namespace": "metallb-system"}, "spec": {"bgp": {"routers": [{"asn": 100, "neighbors": [{"asn": 200, "address": "10.2.2.254"}]}]}, "raw": {}}, "status": {}}\n',
    },
    {
      name: 'a document with a YAML error is not judged for what it lacks',
      files: '#- peers.yaml\n' + peer('  peerAddress: "192.0.2.1\n  peerASN: 64512'),
    },
    {
      name: 'an IPAddressPool with its addresses',
      files: '#- pool.yaml\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: pool\nspec:\n  addresses: [192.0.2.128/25]\n',
    },
  ],
  invalid: [
    {
      name: 'a BGPPeer without myASN',
      files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  peerAddress: 192.0.2.1'),
      errors: [{ messageId: 'missing', data: { field: 'spec.myASN', object: 'BGPPeer "tor1"' }, file: 'peers.yaml', line: 6, column: 1, endLine: 6, endColumn: 5, severity: 'error' }],
    },
    {
      name: 'myASN 0 is MetalLB\'s "missing local ASN"',
      files: '#- peers.yaml\n' + peer('  myASN: 0\n  peerASN: 64512\n  peerAddress: 192.0.2.1'),
      errors: [{ messageId: 'zero', data: { field: 'spec.myASN', value: '0', controller: 'MetalLB' }, file: 'peers.yaml', line: 7, column: 10, endLine: 7, endColumn: 11 }],
    },
    {
      name: 'neither peerASN nor dynamicASN, and an empty peerAddress without interface',
      files: '#- peers.yaml\n' + peer('  myASN: 64513\n  peerAddress: ""'),
      errors: [
        { messageId: 'none', data: { first: 'spec.peerASN', second: 'spec.dynamicASN', object: 'BGPPeer "tor1"' }, file: 'peers.yaml', line: 6, column: 1, endLine: 6, endColumn: 5 },
        { messageId: 'none', data: { first: 'spec.peerAddress', second: 'spec.interface' }, file: 'peers.yaml', line: 6, column: 1, endLine: 6, endColumn: 5 },
      ],
    },
    {
      name: 'a v1beta1 BGPPeer without peerAddress and with peerASN 0',
      files: '#- peers.yaml\n' + peer('  myASN: 64513\n  peerASN: 0\n  holdTime: 90s\n  keepaliveTime: 30s', 'metallb.io/v1beta1'),
      errors: [
        { messageId: 'missing', data: { field: 'spec.peerAddress' }, file: 'peers.yaml', line: 6, column: 1, endLine: 6, endColumn: 5 },
        { messageId: 'zero', data: { field: 'spec.peerASN', value: '0' }, file: 'peers.yaml', line: 8, column: 12, endLine: 8, endColumn: 13 },
      ],
    },
    {
      name: 'a router without asn, and a neighbor with neither asn nor dynamicASN',
      files: '#- frrk8s.yaml\n' + config('    routers:\n    - id: 10.0.0.1\n      neighbors:\n      - address: 192.0.2.1\n        port: 179\n'),
      errors: [
        { messageId: 'missing', data: { field: 'spec.bgp.routers[0].asn', object: 'FRRConfiguration "node1"' }, file: 'frrk8s.yaml', line: 9, column: 7, endLine: 9, endColumn: 9 },
        {
          messageId: 'none',
          data: { first: 'asn', second: 'dynamicASN', object: 'FRRConfiguration "node1" neighbor 192.0.2.1', controller: 'frr-k8s' },
          file: 'frrk8s.yaml',
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 27,
        },
      ],
    },
    {
      name: 'a neighbor with neither address nor interface, and a BFD profile without a name',
      files: '#- frrk8s.yaml\n' + config('    bfdProfiles:\n    - receiveInterval: 300\n    routers:\n    - asn: 64513\n      neighbors:\n      - asn: 64512\n'),
      errors: [
        { messageId: 'missing', data: { field: 'spec.bgp.bfdProfiles[0].name' }, file: 'frrk8s.yaml', line: 9, column: 7, endLine: 9, endColumn: 22 },
        {
          messageId: 'none',
          data: { first: 'spec.bgp.routers[0].neighbors[0].address', second: 'spec.bgp.routers[0].neighbors[0].interface', object: 'FRRConfiguration "node1"' },
          file: 'frrk8s.yaml',
          line: 13,
          column: 9,
          endLine: 13,
          endColumn: 12,
        },
      ],
    },
    {
      name: 'a generated FRRConfiguration is still checked for what frr-k8s requires',
      files: '#- TestSession.golden.yaml\n{"metadata": {"name": "metallb-node1"}, "spec": {"bgp": {"routers": [{"asn": 100, "neighbors": [{"address": "10.2.2.254"}]}]}}}\n',
      errors: [{ messageId: 'none', data: { first: 'asn', second: 'dynamicASN' }, file: 'TestSession.golden.yaml', line: 1, column: 109, endLine: 1, endColumn: 121 }],
    },
    {
      name: 'a BGPPeer without spec: MetalLB reads myASN 0',
      files: '#- peers.yaml\napiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: tor1\n',
      errors: [{ messageId: 'missing', data: { field: 'spec.myASN' }, file: 'peers.yaml', line: 4, column: 9, endLine: 4, endColumn: 13 }],
    },
    {
      name: 'an IPAddressPool without spec',
      files: '#- pool.yaml\napiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata:\n  name: pool\n',
      errors: [{ messageId: 'missing', data: { field: 'spec', object: 'IPAddressPool "pool"' }, file: 'pool.yaml', line: 4, column: 9, endLine: 4, endColumn: 13 }],
    },
  ],
});
