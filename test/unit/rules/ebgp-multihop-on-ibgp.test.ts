import rule from '../../../server/src/core/rules/ebgp-multihop-on-ibgp';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (spec: string, api = 'metallb.io/v1beta2'): string =>
  [`apiVersion: ${api}`, 'kind: BGPPeer', 'metadata:', '  name: tor1', '  namespace: metallb-system', 'spec:', '  myASN: 64512', '  peerAddress: 192.0.2.1', spec].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'ebgpMultiHop on an eBGP peer', files: '#- peers.yaml\n' + peer('  peerASN: 64513\n  ebgpMultiHop: true') },
    { name: 'an iBGP peer without ebgpMultiHop', files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  ebgpMultiHop: false') },
    { name: 'dynamicASN internal: MetalLB compares only peerASN, which is 0', files: '#- peers.yaml\n' + peer('  dynamicASN: internal\n  ebgpMultiHop: true') },
    { name: 'peerASN written as a string is not compared', files: '#- peers.yaml\n' + peer('  peerASN: "64512"\n  ebgpMultiHop: true') },
  ],
  invalid: [
    {
      name: 'ebgpMultiHop with peerASN equal to myASN',
      files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  ebgpMultiHop: true'),
      errors: [
        { messageId: 'ibgp', data: { object: 'BGPPeer "tor1"', asn: 64512 }, file: 'peers.yaml', line: 10, column: 17, endLine: 10, endColumn: 21, severity: 'error', related: ['peers.yaml:9:12'] },
      ],
    },
    {
      name: 'the same in a v1beta1 BGPPeer (MetalLB converts it and runs the same check)',
      files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  ebgpMultiHop: yes\n  holdTime: 90s\n  keepaliveTime: 30s', 'metallb.io/v1beta1'),
      errors: [{ messageId: 'ibgp', file: 'peers.yaml', line: 10, column: 17, endLine: 10, endColumn: 20 }],
    },
  ],
});
