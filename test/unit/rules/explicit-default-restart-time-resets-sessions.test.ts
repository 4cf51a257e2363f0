import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/core/rules/explicit-default-restart-time-resets-sessions';
import { source, splitFixture } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';
import { ruleTester } from '../../helpers/rule-tester';

const conf = (version: string | undefined, lines: string): string =>
  `#- frr.conf\n${version ? `frr version ${version}\n` : ''}router bgp 65001\n bgp graceful-restart\n${lines} neighbor 10.0.0.2 remote-as 65002\nexit\n`;

const RAW = source`
  #- frrk8s.yaml
  apiVersion: frrk8s.metallb.io/v1beta1
  kind: FRRConfiguration
  metadata:
    name: tor
    namespace: metallb-system
  spec:
    raw:
      rawConfig: |
        router bgp 64513
         bgp graceful-restart restart-time 120
        exit
`;

ruleTester(rule, {
  valid: [
    {
      name: 'an unknown FRR version: the rule is version-gated',
      files: conf(undefined, ' bgp graceful-restart restart-time 120\n'),
    },
    {
      name: 'FRR 10.4.3 does not reset sessions when the restart-time is re-applied',
      files: conf('10.4.3', ' bgp graceful-restart restart-time 120\n'),
    },
    {
      name: 'FRR 10.7 has the fix',
      files: conf('10.7.0', ' bgp graceful-restart restart-time 120\n'),
    },
    {
      name: 'a non-default restart-time on FRR 10.5 is shown by show running-config, so reloads leave it alone',
      files: conf('10.5.3', ' bgp graceful-restart restart-time 90\n'),
    },
    {
      name: 'the default left implicit on FRR 10.6',
      files: conf('10.6.1', ''),
    },
  ],
  invalid: [
    {
      name: 'an explicit restart-time 120 on FRR 10.5.3',
      files: conf('10.5.3', ' bgp graceful-restart restart-time 120\n'),
      errors: [
        {
          messageId: 'explicitDefault',
          data: { line: 'bgp graceful-restart restart-time 120', version: '10.5.3' },
          file: 'frr.conf',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 39,
          severity: 'warning',
          related: ['frr.conf:1:13'],
        },
      ],
      output: { 'frr.conf': conf('10.5.3', '').replace('#- frr.conf\n', '') },
    },
    {
      name: 'in frr-k8s rawConfig, with the version from .grlint.yaml',
      files: '#- .grlint.yaml\nfrrVersion: 10.6.1\n' + RAW,
      errors: [{ messageId: 'explicitDefault', data: { version: '10.6.1' }, file: 'frrk8s.yaml', line: 10, column: 8, endLine: 10, endColumn: 45, related: [] }],
      output: {
        'frrk8s.yaml': source`
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: tor
            namespace: metallb-system
          spec:
            raw:
              rawConfig: |
                router bgp 64513
                exit
        `,
      },
    },
    {
      name: 'a BGP-wide (top-level) restart-time 120',
      files: '#- frr.conf\nfrr version 10.5.0\nbgp graceful-restart restart-time 120\n',
      errors: [{ messageId: 'explicitDefault', file: 'frr.conf', line: 2, column: 1, endLine: 2, endColumn: 38 }],
      output: { 'frr.conf': 'frr version 10.5.0\n' },
    },
    {
      name: 'a restart-time 120 after another restart-time line is reported without a fix',
      files: conf('10.5.3', ' bgp graceful-restart restart-time 60\n bgp graceful-restart restart-time 120\n'),
      errors: [{ messageId: 'explicitDefault', file: 'frr.conf', line: 5, column: 2, endLine: 5, endColumn: 39 }],
    },
  ],
});

it('GR109 offers no fix when deleting the line would let another restart-time take effect', () => {
  for (const text of [
    conf('10.5.3', ' bgp graceful-restart restart-time 60\n bgp graceful-restart restart-time 120\n'),
    '#- frr.conf\nfrr version 10.5.3\nbgp graceful-restart restart-time 300\nrouter bgp 65001\n bgp graceful-restart restart-time 120\nexit\n',
  ]) {
    const found = lintFiles(splitFixture(text), { rules: [rule] }).findings;
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]!.fixes, []);
  }
});
