import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/core/rules/field-invalid';
import { source } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';
import { ruleTester } from '../../helpers/rule-tester';

/** A v1beta2 BGPPeer whose spec ends with `extra` (lines indented by two spaces). */
const peer = (extra: string, name = 'tor1'): string =>
  [
    'apiVersion: metallb.io/v1beta2',
    'kind: BGPPeer',
    'metadata:',
    `  name: ${name}`,
    '  namespace: metallb-system',
    'spec:',
    '  myASN: 64513',
    '  peerASN: 64512',
    '  peerAddress: 192.0.2.1',
    extra,
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n';

const neighbor = (extra: string): string => source`
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
          ${extra}
`;

ruleTester(rule, {
  valid: [
    {
      name: 'a BGPPeer with every field of the right type and in range',
      files:
        '#- peers.yaml\n' +
        peer(
          [
            '  peerPort: 16384',
            '  sourceAddress: 2001:db8::10',
            '  routerID: 10.0.0.1',
            '  dynamicASN:',
            '  holdTime: 90s',
            '  keepaliveTime: 30s',
            '  connectTime: 5s',
            '  enableGracefulRestart: true',
            '  ebgpMultiHop: yes',
            '  vrf: red',
            '  nodeSelectors:',
            '  - matchLabels:',
            '      rack: "1"',
          ].join('\n'),
        ),
    },
    { name: 'peerASN at the CRD maximum', files: '#- peers.yaml\n' + peer('').replace('peerASN: 64512', 'peerASN: 4294967295') },
    { name: 'a duration written as a number is TMR209\'s, not a type error here', files: '#- peers.yaml\n' + peer('  holdTime: 90\n  keepaliveTime: 30s') },
    { name: 'a connectTime out of the CEL range is TMR208\'s', files: '#- peers.yaml\n' + peer('  connectTime: 0s') },
    { name: 'status is ignored by the API server', files: '#- peers.yaml\n' + peer('status:\n  anything: [1, 2]') },
    { name: 'a version grlint has no schema for', files: '#- peers.yaml\n' + peer('  peerPort: "x"').replace('v1beta2', 'v1beta3') },
    {
      name: 'serviceSelectors with the default aggregation lengths',
      files: source`
        #- adv.yaml
        apiVersion: metallb.io/v1beta1
        kind: BGPAdvertisement
        metadata:
          name: adv
          namespace: metallb-system
        spec:
          aggregationLength: 32
          aggregationLengthV6: 128
          serviceSelectors:
          - matchLabels:
              app: web
      `,
    },
    {
      name: 'a wrong type after a YAML error in the same document is not judged',
      files: '#- peers.yaml\n' + peer('  vrf: red\n  vrf: blue\n  peerPort: "x"'),
    },
  ],
  invalid: [
    {
      name: 'a quoted number in an integer field',
      files: '#- peers.yaml\n' + peer('').replace('peerASN: 64512', 'peerASN: "64512"'),
      errors: [
        {
          messageId: 'type',
          data: { field: 'spec.peerASN', object: 'BGPPeer "tor1"', actual: 'the string "64512"', expected: 'an integer' },
          file: 'peers.yaml',
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 19,
          severity: 'error',
        },
      ],
    },
    {
      name: 'a port below and a port above the CRD range',
      files: '#- peers.yaml\n' + peer('  peerPort: 0') + '---\n' + peer('  peerPort: 16385', 'tor2'),
      errors: [
        { messageId: 'minimum', data: { field: 'spec.peerPort', value: '0', limit: 1 }, file: 'peers.yaml', line: 10, column: 13, endLine: 10, endColumn: 14 },
        { messageId: 'maximum', data: { field: 'spec.peerPort', object: 'BGPPeer "tor2"', value: '16385', limit: 16384 }, file: 'peers.yaml', line: 21, column: 13, endLine: 21, endColumn: 18 },
      ],
    },
    {
      name: 'a dynamicASN outside its enum (the enum is case-sensitive)',
      files: '#- peers.yaml\n' + peer('').replace('peerASN: 64512', 'dynamicASN: External'),
      errors: [{ messageId: 'enum', data: { value: 'External', allowed: '"internal" or "external"' }, file: 'peers.yaml', line: 8, column: 15, endLine: 8, endColumn: 23 }],
    },
    {
      name: 'a peer address Go does not parse (leading zero)',
      files: '#- peers.yaml\n' + peer('').replace('192.0.2.1', '192.0.2.01'),
      errors: [{ messageId: 'ip', data: { value: '192.0.2.01', controller: 'MetalLB' }, file: 'peers.yaml', line: 9, column: 16, endLine: 9, endColumn: 26 }],
    },
    {
      name: 'a duration field of a type TMR209 does not cover',
      files: '#- peers.yaml\n' + peer('  holdTime: true'),
      errors: [{ messageId: 'type', data: { actual: 'the boolean true', expected: 'a string' }, file: 'peers.yaml', line: 10, column: 13, endLine: 10, endColumn: 17 }],
    },
    {
      name: 'a password of the wrong type is reported without its value',
      files: '#- peers.yaml\n' + peer('  password: 12345'),
      errors: [{ messageId: 'type', data: { field: 'spec.password', actual: 'a number' }, file: 'peers.yaml', line: 10, column: 13, endLine: 10, endColumn: 18 }],
    },
    {
      name: 'a label value that YAML reads as a number',
      files: '#- peers.yaml\n' + peer('  nodeSelectors:\n  - matchLabels:\n      rack: 1'),
      errors: [{ messageId: 'type', data: { field: 'spec.nodeSelectors[0].matchLabels.rack', actual: 'the number 1' }, file: 'peers.yaml', line: 12, column: 13, endLine: 12, endColumn: 14 }],
    },
    {
      name: 'a neighbor port above the CRD maximum names the neighbor',
      files: '#- frrk8s.yaml\n' + neighbor('port: 20000'),
      errors: [
        {
          messageId: 'maximum',
          data: { field: 'port', object: 'FRRConfiguration "node1" neighbor 192.0.2.1', value: '20000', limit: 16384 },
          file: 'frrk8s.yaml',
          line: 13,
          column: 15,
          endLine: 13,
          endColumn: 20,
        },
      ],
    },
    {
      name: 'too many address families',
      files: '#- frrk8s.yaml\n' + neighbor('addressFamilies: [unicast, evpn, unicast]'),
      errors: [{ messageId: 'maxItems', data: { field: 'addressFamilies', count: 3, limit: 2 }, file: 'frrk8s.yaml', line: 13, column: 9, endLine: 13, endColumn: 24 }],
    },
    {
      name: 'an address family outside the enum, inside a list',
      files: '#- frrk8s.yaml\n' + neighbor('addressFamilies: [unicast, vpn]'),
      errors: [{ messageId: 'enum', data: { field: 'addressFamilies[1]', value: 'vpn' }, file: 'frrk8s.yaml', line: 13, column: 36, endLine: 13, endColumn: 39 }],
    },
    {
      name: 'a BFD profile multiplier below the minimum',
      files: source`
        #- bfd.yaml
        apiVersion: metallb.io/v1beta1
        kind: BFDProfile
        metadata:
          name: fast
          namespace: metallb-system
        spec:
          detectMultiplier: 1
      `,
      errors: [{ messageId: 'minimum', data: { field: 'spec.detectMultiplier', object: 'BFDProfile "fast"', limit: 2 }, file: 'bfd.yaml', line: 7, column: 21, endLine: 7, endColumn: 22 }],
    },
    {
      name: 'an empty values list in a legacy v1beta1 selector',
      files: source`
        #- old.yaml
        apiVersion: metallb.io/v1beta1
        kind: BGPPeer
        metadata:
          name: old
          namespace: metallb-system
        spec:
          myASN: 64513
          peerASN: 64512
          peerAddress: 192.0.2.1
          holdTime: 90s
          keepaliveTime: 30s
          nodeSelectors:
          - matchExpressions:
            - key: rack
              operator: Exists
              values: []
      `,
      errors: [{ messageId: 'minItems', data: { field: 'spec.nodeSelectors[0].matchExpressions[0].values', count: 0, limit: 1 }, file: 'old.yaml', line: 16, column: 7, endLine: 16, endColumn: 13 }],
    },
    {
      name: 'serviceSelectors with a non-default aggregationLength breaks the CRD rule; 33 is above what MetalLB accepts',
      files: source`
        #- adv.yaml
        apiVersion: metallb.io/v1beta1
        kind: BGPAdvertisement
        metadata:
          name: adv
          namespace: metallb-system
        spec:
          aggregationLength: 24
          serviceSelectors:
          - matchLabels:
              app: web
        ---
        apiVersion: metallb.io/v1beta1
        kind: BGPAdvertisement
        metadata:
          name: adv2
          namespace: metallb-system
        spec:
          aggregationLength: 33
      `,
      errors: [
        { messageId: 'cel', data: { field: 'spec', object: 'BGPAdvertisement "adv"' }, file: 'adv.yaml', line: 7, column: 22, endLine: 7, endColumn: 24 },
        { messageId: 'admissionMaximum', data: { field: 'spec.aggregationLength', value: '33', limit: 32, controller: 'MetalLB' }, file: 'adv.yaml', line: 18, column: 22, endLine: 18, endColumn: 24 },
      ],
    },
    {
      name: 'an EVPN route distinguisher longer than the CRD allows',
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
              evpn:
                l3vni:
                  vni: 100
                  advertisePrefixes: [unicast]
                  rd: "4294967295:4294967295x"
      `,
      errors: [{ messageId: 'maxLength', data: { field: 'spec.bgp.routers[0].evpn.l3vni.rd', length: 22, limit: 21 }, file: 'frrk8s.yaml', line: 14, column: 15, endLine: 14, endColumn: 39 }],
    },
    {
      name: 'a wrong type before a YAML error in the same document is still reported',
      files: '#- peers.yaml\n' + peer('  peerPort: "x"\n  vrf: red\n  vrf: blue'),
      errors: [{ messageId: 'type', file: 'peers.yaml', line: 10, column: 13, endLine: 10, endColumn: 16 }],
    },
  ],
});

it('MLB402 never shows a password value, whatever its type', () => {
  for (const v of ['12345', 'true', '[hunter2]', '{a: hunter2}']) {
    const files = new Map([['peers.yaml', peer(`  password: ${v}`)]]);
    const r = lintFiles(files, { rules: [rule] });
    assert.equal(r.findings.length, 1, v);
    assert.doesNotMatch(JSON.stringify(r.findings), /12345|hunter2/);
  }
});
