import rule from '../../../server/src/core/rules/restart-time-zero';
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

const r1 = (lines: string, head = ''): string =>
  `#- r1.conf\n${head}router bgp 65001\n bgp router-id 10.0.0.1\n bgp graceful-restart\n bgp graceful-restart preserve-fw-state\n${lines} neighbor 10.0.0.2 remote-as 65002\nexit\n`;
const R2 = '#- r2.conf\nrouter bgp 65002\n bgp router-id 10.0.0.2\n neighbor 10.0.0.1 remote-as 65001\nexit\n';

ruleTester(rule, {
  valid: [
    {
      name: 'the reference configuration',
      files: PEER + ROUTER,
    },
    {
      name: 'restart-time 0 together with LLGR that the helper grants too, as the FRR documentation suggests',
      files: r1(' bgp graceful-restart restart-time 0\n bgp long-lived-graceful-restart stale-time 300\n') + R2.replace(' bgp router-id 10.0.0.2\n', ' bgp router-id 10.0.0.2\n bgp long-lived-graceful-restart stale-time 300\n'),
    },
    {
      name: 'restart-time 0 with LLGR on an unpaired end: whether the helper grants LLGR is unknown',
      files: '#- r1.conf\nrouter bgp 65001\n bgp graceful-restart restart-time 0\n bgp long-lived-graceful-restart stale-time 300\n neighbor 10.0.0.9 remote-as 65009\n neighbor 10.0.0.9 graceful-restart\nexit\n',
    },
    {
      name: 'restart-time 0 on a router that only helps',
      files: r1(' bgp graceful-restart restart-time 0\n').replace(' bgp graceful-restart\n', '') + R2,
    },
    {
      name: 'FRR before 8.2 rejects restart-time 0, so the line has no effect (FRR501)',
      files: r1(' bgp graceful-restart restart-time 0\n', 'frr version 8.1\n') + R2,
    },
    {
      name: 'a later restart-time line overrides the 0',
      files: r1(' bgp graceful-restart restart-time 0\n bgp graceful-restart restart-time 120\n') + R2,
    },
  ],
  invalid: [
    {
      name: 'an FRR router in restart mode with restart-time 0',
      files: r1(' bgp graceful-restart restart-time 0\n') + R2,
      errors: [
        {
          messageId: 'zero',
          data: { restarting: 'neighbor 10.0.0.2', helper: 'neighbor 10.0.0.1' },
          file: 'r1.conf',
          line: 5,
          column: 2,
          endLine: 5,
          endColumn: 37,
          severity: 'warning',
          related: ['r1.conf:3:2', 'r2.conf:3:11'],
        },
      ],
      output: { 'r1.conf': r1('').replace('#- r1.conf\n', '') },
    },
    {
      name: 'restart-time 0 in bgpextras for a BGPPeer with GR',
      files:
        PEER +
        ROUTER +
        source`
          #- extras.yaml
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: bgpextras
            namespace: metallb-system
          data:
            extras: |
              router bgp 64513
               bgp graceful-restart restart-time 0
              exit
        `,
      errors: [
        {
          messageId: 'zero',
          data: { restarting: 'BGPPeer "tor1"', helper: 'neighbor 192.0.2.10' },
          file: 'extras.yaml',
          line: 9,
          column: 6,
          endLine: 9,
          endColumn: 41,
          related: ['metallb.yaml:10:26', 'frr.conf:3:11'],
        },
      ],
      output: {
        'extras.yaml': source`
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: bgpextras
            namespace: metallb-system
          data:
            extras: |
              router bgp 64513
              exit
        `,
      },
    },
    {
      name: 'restart-time 0 with LLGR that the helper does not grant (measured on FRR 8.4.4: lost at once)',
      files: r1(' bgp graceful-restart restart-time 0\n bgp long-lived-graceful-restart stale-time 300\n') + R2,
      errors: [
        {
          messageId: 'zeroHelperNoLlgr',
          data: { restarting: 'neighbor 10.0.0.2', helper: 'neighbor 10.0.0.1' },
          file: 'r1.conf',
          line: 5,
          column: 2,
          endLine: 5,
          endColumn: 37,
          related: ['r1.conf:3:2', 'r2.conf:3:11'],
        },
      ],
    },
    {
      name: 'an unpaired neighbor in restart mode',
      files: source`
        #- r1.conf
        router bgp 65001
         bgp graceful-restart restart-time 0
         neighbor 10.0.0.9 remote-as 65009
         neighbor 10.0.0.9 graceful-restart
        exit
      `,
      errors: [{ messageId: 'zeroUnpaired', data: { restarting: 'neighbor 10.0.0.9' }, file: 'r1.conf', line: 2, column: 2, endLine: 2, endColumn: 37, related: ['r1.conf:4:2'] }],
      output: { 'r1.conf': 'router bgp 65001\n neighbor 10.0.0.9 remote-as 65009\n neighbor 10.0.0.9 graceful-restart\nexit\n' },
    },
  ],
});
