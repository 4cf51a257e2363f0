import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/core/rules/frrk8s-merge-conflict';
import { source } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';
import { ruleTester } from '../../helpers/rule-tester';

/** An FRRConfiguration with one router (asn 64513) and one neighbor 192.0.2.1 (asn 64512) plus `fields`. */
const config = (name: string, fields: string, opts: { selector?: string; router?: string; ns?: string } = {}): string =>
  [
    'apiVersion: frrk8s.metallb.io/v1beta1',
    'kind: FRRConfiguration',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${opts.ns ?? 'metallb-system'}`,
    'spec:',
    ...(opts.selector ? ['  nodeSelector:', '    matchLabels:', `      ${opts.selector}`] : []),
    '  bgp:',
    '    routers:',
    '    - asn: 64513',
    ...(opts.router ? [`      ${opts.router}`] : []),
    '      neighbors:',
    '      - address: 192.0.2.1',
    '        asn: 64512',
    ...fields.split('\n').filter((l) => l !== '').map((l) => `        ${l}`),
  ].join('\n') + '\n';

const two = (a: string, b: string): string => '#- frrk8s.yaml\n' + a + '---\n' + b;

const NODES = source`
  #- nodes.yaml
  apiVersion: v1
  kind: Node
  metadata:
    name: node-a
    labels:
      rack: "1"
  ---
  apiVersion: v1
  kind: Node
  metadata:
    name: node-b
    labels:
      rack: "2"
`;

ruleTester(rule, {
  valid: [
    { name: 'the same neighbor with the same settings in two configurations', files: two(config('a', 'holdTime: 90s\nkeepaliveTime: 30s\nport: 179'), config('b', 'holdTime: 90s\nkeepaliveTime: 30s\nport: 179')) },
    { name: 'unset compares as the default (hold 180, keepalive 60, connect 60, port 179)', files: two(config('a', 'holdTime: 180s\nkeepaliveTime: 1m\nconnectTime: 60s\nport: 179'), config('b', '')) },
    { name: 'durations compare by their whole seconds', files: two(config('a', 'holdTime: 1m30s\nkeepaliveTime: 30s'), config('b', 'holdTime: 90s\nkeepaliveTime: 30500ms')) },
    { name: 'one BFD profile set and the other empty: frr-k8s takes the set one', files: two(config('a', 'bfdProfile: fast'), config('b', '')) },
    { name: 'different settings on configurations for different racks', files: two(config('a', 'port: 180', { selector: 'rack: "1"' }), config('b', '', { selector: 'rack: "2"' })) },
    { name: 'Node objects show that the configurations share no node', files: NODES + two(config('a', 'port: 180', { selector: 'rack: "1"' }), config('b', '', { selector: 'zone: east' })) },
    { name: 'the same address in different VRFs is a different neighbor', files: two(config('a', 'port: 180', { router: 'vrf: red' }), config('b', '')) },
    { name: 'half-specified timers are TMR205\'s and not compared', files: two(config('a', 'holdTime: 90s'), config('b', '')) },
    { name: 'two secret references compare equal at admission (the webhook resets them)', files: two(config('a', 'passwordSecret:\n  name: s1'), config('b', 'passwordSecret:\n  name: s2')) },
    { name: 'the same password on both', files: two(config('a', 'password: hunter2'), config('b', 'password: hunter2')) },
    { name: 'a configuration in another namespace is not read by frr-k8s (MLB412)', files: two(config('a', 'port: 180'), config('b', '', { ns: 'other' })) },
    { name: 'a different enableGracefulRestart is MLB409\'s', files: two(config('a', 'enableGracefulRestart: true'), config('b', '')) },
  ],
  invalid: [
    {
      name: 'a hold time against the default',
      files: two(config('a', 'holdTime: 90s\nkeepaliveTime: 30s'), config('b', '')),
      errors: [
        {
          messageId: 'field',
          data: { neighbor: 'FRRConfiguration "b" neighbor 192.0.2.1', field: 'holdTime', value: '180s (the default)', other: 'FRRConfiguration "a"', otherValue: '90s', nodes: 'overlapping nodes' },
          file: 'frrk8s.yaml',
          line: 26,
          column: 18,
          endLine: 26,
          endColumn: 27,
          severity: 'error',
          related: ['frrk8s.yaml:13:19'],
        },
        { messageId: 'field', data: { field: 'keepaliveTime', value: '60s (the default)', otherValue: '30s' }, file: 'frrk8s.yaml', line: 26, column: 18, endLine: 26, endColumn: 27, related: ['frrk8s.yaml:14:24'] },
      ],
    },
    {
      name: 'asn, port, source address, BFD profiles, multihop, dual stack, connect time and local ASN',
      files: two(
        config('a', 'port: 180\nsourceaddress: 10.0.0.1\nbfdProfile: fast\nebgpMultiHop: true\ndualStackAddressFamily: true\nconnectTime: 10s\nlocalASN: 65000'),
        config('b', 'port: 181\nsourceaddress: 10.0.0.2\nbfdProfile: slow\nebgpMultiHop: false\nconnectTime: 20s\nlocalASN: 65001').replace('asn: 64512', 'dynamicASN: external'),
      ),
      errors: [
        { messageId: 'field', data: { field: 'dualStackAddressFamily', value: 'false (the default)', otherValue: 'true' }, file: 'frrk8s.yaml', line: 31, column: 18, endLine: 31, endColumn: 27, related: ['frrk8s.yaml:17:33'] },
        { messageId: 'field', data: { field: 'asn', value: 'external', otherValue: '64512' }, file: 'frrk8s.yaml', line: 32, column: 21, endLine: 32, endColumn: 29, related: ['frrk8s.yaml:12:14'] },
        { messageId: 'field', data: { field: 'port', value: '181', otherValue: '180' }, file: 'frrk8s.yaml', line: 33, column: 15, endLine: 33, endColumn: 18 },
        { messageId: 'field', data: { field: 'sourceaddress', value: '"10.0.0.2"', otherValue: '"10.0.0.1"' }, file: 'frrk8s.yaml', line: 34, column: 24, endLine: 34, endColumn: 32 },
        { messageId: 'field', data: { field: 'bfdProfile', value: '"slow"', otherValue: '"fast"' }, file: 'frrk8s.yaml', line: 35, column: 21, endLine: 35, endColumn: 25 },
        { messageId: 'field', data: { field: 'ebgpMultiHop', value: 'false', otherValue: 'true' }, file: 'frrk8s.yaml', line: 36, column: 23, endLine: 36, endColumn: 28 },
        { messageId: 'field', data: { field: 'connectTime', value: '20s', otherValue: '10s' }, file: 'frrk8s.yaml', line: 37, column: 22, endLine: 37, endColumn: 25 },
        { messageId: 'field', data: { field: 'localASN', value: '65001', otherValue: '65000' }, file: 'frrk8s.yaml', line: 38, column: 19, endLine: 38, endColumn: 24, related: ['frrk8s.yaml:19:19'] },
      ],
    },
    {
      name: 'a plain password against a secret reference: the webhook compares them with the secret reset',
      files: two(config('a', 'password: hunter2'), config('b', 'passwordSecret:\n  name: s1')),
      errors: [{ messageId: 'password', data: { neighbor: 'FRRConfiguration "b" neighbor 192.0.2.1', other: 'FRRConfiguration "a"' }, file: 'frrk8s.yaml', line: 25, column: 18, endLine: 25, endColumn: 27, related: ['frrk8s.yaml:13:9'] }],
    },
    {
      name: 'Node objects show a shared node, which the message names',
      files: NODES + two(config('a', 'port: 180', { selector: 'rack: "1"' }), config('b', '')),
      errors: [{ messageId: 'field', data: { field: 'port', nodes: 'node "node-a"' }, file: 'frrk8s.yaml', line: 28, column: 18, endLine: 28, endColumn: 27 }],
    },
    {
      name: 'two entries of one configuration for the same neighbor',
      files: '#- frrk8s.yaml\n' + config('a', 'port: 180\n').replace('        port: 180\n', '        port: 180\n      - address: 192.0.2.1\n        asn: 64512\n'),
      errors: [{ messageId: 'field', data: { neighbor: 'FRRConfiguration "a" neighbor 192.0.2.1', other: 'another entry of the same FRRConfiguration', nodes: 'its nodes' }, file: 'frrk8s.yaml', line: 14, column: 18, endLine: 14, endColumn: 27 }],
    },
    {
      name: 'two configurations with different ASNs and router IDs for the default VRF',
      files: two(config('a', '', { router: 'id: 10.0.0.1' }), config('b', '', { router: 'id: 10.0.0.2' }).replace('asn: 64513', 'asn: 64514')),
      errors: [
        { messageId: 'routerAsn', data: { object: 'FRRConfiguration "b"', vrf: 'the default VRF', value: 64514, otherValue: 64513 }, file: 'frrk8s.yaml', line: 23, column: 12, endLine: 23, endColumn: 17, related: ['frrk8s.yaml:9:12'] },
        { messageId: 'routerId', data: { value: '10.0.0.2', otherValue: '10.0.0.1' }, file: 'frrk8s.yaml', line: 24, column: 11, endLine: 24, endColumn: 19, related: ['frrk8s.yaml:10:11'] },
      ],
    },
  ],
});

it('MLB408 never shows a password', () => {
  const files = new Map([['frrk8s.yaml', config('a', 'password: hunter2') + '---\n' + config('b', 'password: swordfish')]]);
  const r = lintFiles(files, { rules: [rule] });
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0]!.messageId, 'password');
  assert.doesNotMatch(JSON.stringify(r.findings), /hunter2|swordfish/);
});
