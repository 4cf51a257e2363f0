import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/core/rules/fields-mutually-exclusive';
import { source } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (spec: string): string =>
  ['apiVersion: metallb.io/v1beta2', 'kind: BGPPeer', 'metadata:', '  name: tor1', '  namespace: metallb-system', 'spec:', '  myASN: 64513', spec].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'peerASN and peerAddress only', files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  peerAddress: 192.0.2.1') },
    {
      name: 'zero values do not count as set (peerASN 0, empty interface, empty password, a secret reference without a name)',
      files: '#- peers.yaml\n' + peer('  peerASN: 0\n  dynamicASN: external\n  peerAddress: 192.0.2.1\n  interface: ""\n  password: ""\n  passwordSecret: {}'),
    },
    { name: 'a password of the wrong type leaves the pair unjudged', files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  peerAddress: 192.0.2.1\n  password: 1234\n  passwordSecret:\n    name: bgp') },
    { name: 'a second field after a YAML error (a duplicate key) is not judged', files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  peerAddress: 192.0.2.1\n  peerASN: 64512\n  interface: eth0') },
  ],
  invalid: [
    {
      name: 'peerASN with dynamicASN',
      files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  dynamicASN: external\n  peerAddress: 192.0.2.1'),
      errors: [
        {
          messageId: 'both',
          data: { object: 'BGPPeer "tor1"', first: 'spec.peerASN', second: 'spec.dynamicASN', controller: 'MetalLB' },
          file: 'peers.yaml',
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 13,
          severity: 'error',
          related: ['peers.yaml:8:3'],
        },
      ],
    },
    {
      name: 'interface written before peerAddress: the later key is reported',
      files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  interface: eth0\n  peerAddress: 192.0.2.1'),
      errors: [{ messageId: 'both', data: { first: 'spec.interface', second: 'spec.peerAddress' }, file: 'peers.yaml', line: 10, column: 3, endLine: 10, endColumn: 14, related: ['peers.yaml:9:3'] }],
    },
    {
      name: 'password with passwordSecret',
      files: '#- peers.yaml\n' + peer('  peerASN: 64512\n  peerAddress: 192.0.2.1\n  password: hunter2\n  passwordSecret:\n    name: bgp'),
      errors: [{ messageId: 'both', data: { first: 'spec.password', second: 'spec.passwordSecret' }, file: 'peers.yaml', line: 11, column: 3, endLine: 11, endColumn: 17 }],
    },
    {
      name: 'an FRRConfiguration neighbor with address and interface',
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
                interface: eth0
                asn: 64512
      `,
      errors: [
        {
          messageId: 'both',
          data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1', first: 'address', second: 'interface', controller: 'frr-k8s' },
          file: 'frrk8s.yaml',
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 18,
          related: ['frrk8s.yaml:11:9'],
        },
      ],
    },
  ],
});

it('MLB405 does not show the password', () => {
  const r = lintFiles(new Map([['peers.yaml', peer('  peerASN: 64512\n  peerAddress: 192.0.2.1\n  password: hunter2\n  passwordSecret:\n    name: bgp')]]), { rules: [rule] });
  assert.equal(r.findings.length, 1);
  assert.doesNotMatch(JSON.stringify(r.findings), /hunter2/);
});
