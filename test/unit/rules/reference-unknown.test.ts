import rule from '../../../server/src/core/rules/reference-unknown';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const PEER = source`
  apiVersion: metallb.io/v1beta2
  kind: BGPPeer
  metadata:
    name: tor1
    namespace: metallb-system
  spec:
    myASN: 64513
    peerASN: 64512
    peerAddress: 192.0.2.1
`;
const POOL = source`
  apiVersion: metallb.io/v1beta1
  kind: IPAddressPool
  metadata:
    name: public
    namespace: metallb-system
  spec:
    addresses: [198.51.100.0/24]
`;
const COMMUNITY = source`
  apiVersion: metallb.io/v1beta1
  kind: Community
  metadata:
    name: communities
    namespace: metallb-system
  spec:
    communities:
    - name: no-export
      value: 65535:65281
`;
const adv = (spec: string): string =>
  ['apiVersion: metallb.io/v1beta1', 'kind: BGPAdvertisement', 'metadata:', '  name: adv', '  namespace: metallb-system', 'spec:', spec].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    {
      name: 'every name is defined',
      files: '#- metallb.yaml\n' + PEER + '---\n' + POOL + '---\n' + COMMUNITY + '---\n' + adv('  peers: [tor1]\n  ipAddressPools: [public]\n  communities: [no-export, "65000:100", "large:1:2:3"]'),
    },
    { name: 'no BGPPeer, IPAddressPool or Community in the workspace: the references may live elsewhere', files: '#- adv.yaml\n' + adv('  peers: [tor9]\n  ipAddressPools: [other]\n  communities: [blackhole]') },
    { name: 'a community value, not an alias', files: '#- metallb.yaml\n' + COMMUNITY + '---\n' + adv('  communities: ["65000:100"]') },
    { name: 'a YAML error anywhere may hide a definition', files: '#- metallb.yaml\n' + PEER + '---\n' + adv('  peers: [tor2]') + '#- broken.yaml\nkind: [\n' },
    { name: 'a peer without namespace may be applied to MetalLB\'s', files: '#- metallb.yaml\n' + PEER.replace('  namespace: metallb-system\n', '') + '---\n' + adv('  peers: [tor1]') },
  ],
  invalid: [
    {
      name: 'a misspelt peer and pool, and an undefined community alias',
      files: '#- metallb.yaml\n' + PEER + '---\n' + POOL + '---\n' + COMMUNITY + '---\n' + adv('  peers: [tor1, tor-1]\n  ipAddressPools:\n  - pubilc\n  communities: [no-exprot]'),
      errors: [
        { messageId: 'peer', data: { object: 'BGPAdvertisement "adv"', name: 'tor-1' }, file: 'metallb.yaml', line: 35, column: 17, endLine: 35, endColumn: 22, severity: 'error' },
        { messageId: 'pool', data: { name: 'pubilc' }, file: 'metallb.yaml', line: 37, column: 5, endLine: 37, endColumn: 11 },
        { messageId: 'community', data: { name: 'no-exprot' }, file: 'metallb.yaml', line: 38, column: 17, endLine: 38, endColumn: 26 },
      ],
    },
    {
      name: 'a peer defined only in another namespace',
      files: '#- metallb.yaml\n' + PEER.replace('namespace: metallb-system', 'namespace: other') + '---\n' + PEER.replace('tor1', 'tor2') + '---\n' + adv('  peers: [tor1]'),
      errors: [{ messageId: 'peer', data: { name: 'tor1' }, file: 'metallb.yaml', line: 27, column: 11, endLine: 27, endColumn: 15 }],
    },
  ],
});
