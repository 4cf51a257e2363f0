import rule from '../../../server/src/core/rules/restarting-frr-sends-cease';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const PEER = source`
  #- metallb.yaml
  apiVersion: metallb.io/v1beta2
  kind: BGPPeer
  metadata:
    name: tor1
    namespace: metallb-system
  spec:
    myASN: 64513
    peerASN: 64512
    peerAddress: 192.0.2.1
    enableGracefulRestart: true
`;

const ROUTER = '#- frr.conf\nrouter bgp 64512\n bgp router-id 192.0.2.1\n neighbor 192.0.2.10 remote-as 64513\nexit\n';

const r1 = (version: string | undefined, mode = ' bgp graceful-restart\n'): string =>
  `#- r1.conf\n${version ? `frr version ${version}\n` : ''}router bgp 65001\n bgp router-id 10.0.0.1\n${mode} bgp graceful-restart preserve-fw-state\n neighbor 10.0.0.2 remote-as 65002\nexit\n`;
const R2 = '#- r2.conf\nrouter bgp 65002\n bgp router-id 10.0.0.2\n neighbor 10.0.0.1 remote-as 65001\nexit\n';

ruleTester(rule, {
  valid: [
    {
      name: 'the reference configuration (version unknown)',
      files: PEER + ROUTER,
    },
    {
      name: 'an unknown FRR version: the rule is version-gated',
      files: r1(undefined) + R2,
    },
    {
      name: 'FRR 8.4.2 no longer sends the Cease',
      files: r1('8.4.2') + R2,
    },
    {
      name: 'FRR 8.4.4, the lab version',
      files: r1('8.4.4') + R2,
    },
    {
      name: 'an old FRR that only helps',
      files: r1('8.1', '') + R2,
    },
  ],
  invalid: [
    {
      name: 'an FRR 8.4.1 router in restart mode',
      files: r1('8.4.1') + R2,
      errors: [
        {
          messageId: 'cease',
          data: { restarting: 'neighbor 10.0.0.2', version: '8.4.1', fixed: '8.4.2', helper: 'neighbor 10.0.0.1' },
          file: 'r1.conf',
          line: 1,
          column: 13,
          endLine: 1,
          endColumn: 18,
          severity: 'warning',
          related: ['r1.conf:4:2', 'r2.conf:3:11'],
        },
      ],
    },
    {
      name: 'a BGPPeer whose speaker version .grlint.yaml gives as 7.5: reported on enableGracefulRestart',
      files: '#- .grlint.yaml\nfrrVersions:\n  - files: "*.yaml"\n    version: "7.5"\n' + PEER + ROUTER,
      errors: [
        {
          messageId: 'cease',
          data: { restarting: 'BGPPeer "tor1"', version: '7.5', helper: 'neighbor 192.0.2.10' },
          file: 'metallb.yaml',
          line: 10,
          column: 26,
          endLine: 10,
          endColumn: 30,
          related: ['frr.conf:3:11'],
        },
      ],
    },
    {
      name: 'an unpaired neighbor in restart mode on FRR 8.2',
      files: source`
        #- r1.conf
        frr version 8.2
        router bgp 65001
         neighbor 10.0.0.9 remote-as 65009
         neighbor 10.0.0.9 graceful-restart
        exit
      `,
      errors: [{ messageId: 'ceaseUnpaired', data: { version: '8.2' }, file: 'r1.conf', line: 1, column: 13, endLine: 1, endColumn: 16, related: ['r1.conf:4:2'] }],
    },
  ],
});
