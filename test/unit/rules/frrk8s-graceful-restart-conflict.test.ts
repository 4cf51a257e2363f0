import rule from '../../../server/src/core/rules/frrk8s-graceful-restart-conflict';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

/** An FRRConfiguration with one router (asn 64513) and one neighbor 192.0.2.1 (asn 64512) plus `fields`. */
const config = (name: string, fields: string, opts: { selector?: string; vrf?: string; ns?: string } = {}): string =>
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
    ...(opts.vrf ? [`      vrf: ${opts.vrf}`] : []),
    '      neighbors:',
    '      - address: 192.0.2.1',
    '        asn: 64512',
    ...fields.split('\n').filter((l) => l !== '').map((l) => `        ${l}`),
  ].join('\n') + '\n';

const two = (a: string, b: string): string => '#- frrk8s.yaml\n' + a + '---\n' + b;
const GR = 'enableGracefulRestart: true';

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
    { name: 'both configurations enable GR for the neighbor', files: two(config('a', GR), config('b', GR)) },
    { name: 'false and unset are the same', files: two(config('a', 'enableGracefulRestart: false'), config('b', '')) },
    { name: 'configurations for different racks', files: two(config('a', GR, { selector: 'rack: "1"' }), config('b', '', { selector: 'rack: "2"' })) },
    { name: 'Node objects show no shared node', files: NODES + two(config('a', GR, { selector: 'rack: "1"' }), config('b', '', { selector: 'zone: east' })) },
    { name: 'the same address in another VRF is another neighbor', files: two(config('a', GR, { vrf: 'red' }), config('b', '')) },
    { name: 'a configuration frr-k8s does not read (another namespace)', files: two(config('a', GR), config('b', '', { ns: 'other' })) },
    { name: 'a configuration whose YAML has errors is left alone', files: two(config('a', GR), config('b', 'port: 179\nport: 180')) },
  ],
  invalid: [
    {
      name: 'one configuration enables GR and one leaves it unset: reported on the one without',
      files: two(config('a', GR), config('b', '')),
      errors: [
        {
          messageId: 'conflict',
          data: { neighbor: 'FRRConfiguration "b" neighbor 192.0.2.1', value: 'unset (false)', other: 'FRRConfiguration "a"', otherValue: 'true', nodes: 'overlapping nodes' },
          file: 'frrk8s.yaml',
          line: 25,
          column: 18,
          endLine: 25,
          endColumn: 27,
          severity: 'error',
          related: ['frrk8s.yaml:13:32'],
        },
      ],
    },
    {
      name: 'the first configuration disables GR explicitly and the second enables it',
      files: NODES + two(config('a', 'enableGracefulRestart: false', { selector: 'rack: "1"' }), config('b', GR)),
      errors: [
        {
          messageId: 'conflict',
          data: { neighbor: 'FRRConfiguration "a" neighbor 192.0.2.1', value: 'false', other: 'FRRConfiguration "b"', otherValue: 'true', nodes: 'node "node-a"' },
          file: 'frrk8s.yaml',
          line: 16,
          column: 32,
          endLine: 16,
          endColumn: 37,
          related: ['frrk8s.yaml:30:32'],
        },
      ],
    },
    {
      name: 'two entries of one configuration: frr-k8s keeps the earlier one',
      files: '#- frrk8s.yaml\n' + config('a', GR).replace(`        ${GR}\n`, `        ${GR}\n      - address: 192.0.2.1\n        asn: 64512\n        enableGracefulRestart: false\n`),
      errors: [
        {
          messageId: 'ignored',
          data: { neighbor: 'FRRConfiguration "a" neighbor 192.0.2.1', value: 'false', object: 'FRRConfiguration "a"', otherValue: 'true', winner: 'on' },
          file: 'frrk8s.yaml',
          line: 16,
          column: 32,
          endLine: 16,
          endColumn: 37,
          related: ['frrk8s.yaml:13:32'],
        },
      ],
    },
    {
      name: 'an unnumbered neighbor (interface) in two configurations',
      files: two(config('a', GR).replace('- address: 192.0.2.1', '- interface: eth0'), config('b', '').replace('- address: 192.0.2.1', '- interface: eth0')),
      errors: [{ messageId: 'conflict', data: { neighbor: 'FRRConfiguration "b" neighbor eth0' }, file: 'frrk8s.yaml', line: 25, column: 20, endLine: 25, endColumn: 24 }],
    },
  ],
});
