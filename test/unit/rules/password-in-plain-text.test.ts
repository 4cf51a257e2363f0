import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/core/rules/password-in-plain-text';
import { source } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (spec: string, api = 'metallb.io/v1beta2'): string =>
  [`apiVersion: ${api}`, 'kind: BGPPeer', 'metadata:', '  name: tor1', '  namespace: metallb-system', 'spec:', '  myASN: 64513', '  peerASN: 64512', '  peerAddress: 192.0.2.1', spec].join('\n') + '\n';

ruleTester(rule, {
  valid: [
    { name: 'a password in a Secret', files: '#- peers.yaml\n' + peer('  passwordSecret:\n    name: bgp-auth') },
    { name: 'an empty password is no password for MetalLB', files: '#- peers.yaml\n' + peer('  password: ""') },
    {
      name: 'MetalLB\'s generated FRRConfiguration copies the BGPPeer\'s password (not written by the user)',
      files: '#- TestSession.golden.yaml\n{"metadata": {"name": "metallb-node1"}, "spec": {"bgp": {"routers": [{"asn": 100, "neighbors": [{"asn": 200, "address": "10.2.2.254", "password": "password"}]}]}}}\n',
    },
  ],
  invalid: [
    {
      name: 'a BGPPeer with a plain password, reported on the key',
      files: '#- peers.yaml\n' + peer('  password: hunter2'),
      errors: [{ messageId: 'plain', data: { object: 'BGPPeer "tor1"' }, file: 'peers.yaml', line: 10, column: 3, endLine: 10, endColumn: 11, severity: 'warning' }],
    },
    {
      name: 'a v1beta1 BGPPeer too',
      files: '#- peers.yaml\n' + peer('  password: hunter2\n  holdTime: 90s\n  keepaliveTime: 30s', 'metallb.io/v1beta1'),
      errors: [{ messageId: 'plain', file: 'peers.yaml', line: 10, column: 3, endLine: 10, endColumn: 11 }],
    },
    {
      name: 'an FRRConfiguration neighbor with a plain password',
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
                "password": 'hunter2'
      `,
      errors: [{ messageId: 'plain', data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1' }, file: 'frrk8s.yaml', line: 13, column: 9, endLine: 13, endColumn: 19 }],
    },
  ],
});

it('MLB411 output never holds the password', () => {
  const r = lintFiles(new Map([['peers.yaml', peer('  password: hunter2')]]), { rules: [rule] });
  assert.equal(r.findings.length, 1);
  assert.doesNotMatch(JSON.stringify(r.findings), /hunter2/);
});
