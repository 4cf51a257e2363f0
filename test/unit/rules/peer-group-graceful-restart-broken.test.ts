import rule from '../../../server/src/core/rules/peer-group-graceful-restart-broken';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const conf = (version: string | undefined): string =>
  `#- frr.conf\n${version ? `frr version ${version}\n` : ''}router bgp 65001\n neighbor NODES peer-group\n neighbor NODES remote-as 65002\n neighbor NODES graceful-restart\n neighbor 10.0.0.2 peer-group NODES\nexit\n`;

ruleTester(rule, {
  valid: [
    { name: 'an unknown FRR version: the rule is version-gated', files: conf(undefined) },
    { name: 'FRR 10.2.1 has the fix', files: conf('10.2.1') },
    { name: 'FRR 7.4 copies the peer-group flags to its members', files: conf('7.4') },
    { name: 'FRR 10.3', files: conf('10.3') },
    {
      name: 'a per-neighbor GR mode on FRR 10.2.0 is fine',
      files: source`
        #- frr.conf
        frr version 10.2.0
        router bgp 65001
         neighbor NODES peer-group
         neighbor NODES remote-as 65002
         neighbor 10.0.0.2 peer-group NODES
         neighbor 10.0.0.2 graceful-restart
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'a peer-group GR mode on FRR 10.2.0',
      files: conf('10.2.0'),
      errors: [
        {
          messageId: 'refused',
          data: { line: 'neighbor NODES graceful-restart', group: 'NODES', version: '10.2.0' },
          file: 'frr.conf',
          line: 5,
          column: 2,
          endLine: 5,
          endColumn: 33,
          severity: 'warning',
          related: ['frr.conf:1:13'],
        },
      ],
    },
    {
      name: 'FRR 8.4.4 accepts the line but the members keep their inherited mode (measured in the lab)',
      files: conf('8.4.4'),
      errors: [{ messageId: 'ignored', data: { group: 'NODES', version: '8.4.4' }, file: 'frr.conf', line: 5, column: 2, endLine: 5, endColumn: 33, related: ['frr.conf:1:13'] }],
    },
    {
      name: 'FRR 10.1 does not apply it either',
      files: conf('10.1.2'),
      errors: [{ messageId: 'ignored', data: { version: '10.1.2' }, file: 'frr.conf', line: 5, column: 2, endLine: 5, endColumn: 33 }],
    },
    {
      name: 'FRR writes 10.2.0 as "10.2"',
      files: conf('10.2'),
      errors: [{ messageId: 'refused', data: { version: '10.2' }, file: 'frr.conf', line: 5, column: 2, endLine: 5, endColumn: 33 }],
    },
    {
      name: 'in frr-k8s rawConfig, with the version from .grlint.yaml',
      files: source`
        #- .grlint.yaml
        frrVersion: 10.2.0
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
               neighbor TORS peer-group
               neighbor TORS graceful-restart-disable
              exit
      `,
      errors: [{ messageId: 'refused', data: { group: 'TORS' }, file: 'frrk8s.yaml', line: 11, column: 8, endLine: 11, endColumn: 46, related: [] }],
    },
  ],
});
