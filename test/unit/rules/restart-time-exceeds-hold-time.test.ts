import rule from '../../../server/src/core/rules/restart-time-exceeds-hold-time';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (extra: string): string =>
  `#- metallb.yaml
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
${extra}`;

const router = (lines: string): string =>
  `#- frr.conf\nrouter bgp 64512\n bgp router-id 192.0.2.1\n${lines} neighbor 192.0.2.10 remote-as 64513\nexit\n`;

const r1 = (lines: string): string =>
  `#- r1.conf\nrouter bgp 65001\n bgp router-id 10.0.0.1\n bgp graceful-restart\n bgp graceful-restart preserve-fw-state\n${lines} neighbor 10.0.0.2 remote-as 65002\nexit\n`;
const r2 = (lines: string): string => `#- r2.conf\nrouter bgp 65002\n bgp router-id 10.0.0.2\n${lines} neighbor 10.0.0.1 remote-as 65001\nexit\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'the reference configuration: restart-time 120 within the default hold time 180',
      files: peer('') + router(''),
    },
    {
      name: 'a restart-time equal to the hold time',
      files: r1(' bgp graceful-restart restart-time 90\n') + r2(' timers bgp 30 90\n'),
    },
    {
      name: 'without the N bit a hold-timer expiry flushes at once, so the restart-time does not matter',
      files: r1(' no bgp graceful-restart notification\n') + r2(' timers bgp 3 9\n'),
    },
    {
      name: 'FRR older than 8.3 on the helper has no N bit',
      files: r1('') + r2(' timers bgp 3 9\n').replace('#- r2.conf\n', '#- r2.conf\nfrr version 8.2.2\n'),
    },
    {
      name: 'a hold time of 0 disables dead-peer detection (TMR206)',
      files: r1('') + r2(' timers bgp 0 0\n'),
    },
    {
      name: 'neither end restarts with GR: the restart-time is irrelevant',
      files: r1('').replace(' bgp graceful-restart\n', '') + r2(' timers bgp 3 9\n'),
    },
    {
      name: 'BFD without check-control-plane-failure tears the session down first (BFD301)',
      files: r1(' neighbor 10.0.0.2 bfd\n') + r2(' timers bgp 3 9\n neighbor 10.0.0.1 bfd\n'),
    },
  ],
  invalid: [
    {
      name: 'a BGPPeer with holdTime 30s and the default restart-time 120',
      files: peer('  holdTime: 30s\n') + router(''),
      errors: [
        {
          messageId: 'exceedsHold',
          data: { restarting: 'BGPPeer "tor1"', restart: 120, hold: 30, helper: 'neighbor 192.0.2.10', total: 150 },
          file: 'metallb.yaml',
          line: 10,
          column: 26,
          endLine: 10,
          endColumn: 30,
          severity: 'info',
          related: ['metallb.yaml:11:13', 'frr.conf:3:11'],
        },
      ],
    },
    {
      name: 'a router with timers bgp 3 9 helping an FRR peer with restart-time 120',
      files: r1('') + r2(' timers bgp 3 9\n'),
      errors: [
        {
          messageId: 'exceedsHold',
          data: { restarting: 'neighbor 10.0.0.2', restart: 120, hold: 9, helper: 'neighbor 10.0.0.1', total: 129 },
          file: 'r1.conf',
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 22,
          related: ['r2.conf:3:2'],
        },
      ],
    },
    {
      name: 'an explicit restart-time line and a helper stalepath-time that bounds the total',
      files: source`
        #- r1.conf
        router bgp 65001
         bgp router-id 10.0.0.1
         bgp graceful-restart
         bgp graceful-restart preserve-fw-state
         bgp graceful-restart restart-time 600
         neighbor 10.0.0.2 remote-as 65002
         neighbor 10.0.0.2 timers 10 30
        exit
      ` + r2(' bgp graceful-restart stalepath-time 300\n'),
      errors: [
        {
          messageId: 'exceedsHold',
          data: { restart: 600, hold: 30, total: 330 },
          file: 'r1.conf',
          line: 5,
          column: 2,
          endLine: 5,
          endColumn: 39,
          related: ['r1.conf:7:2', 'r2.conf:4:11'],
        },
      ],
    },
    {
      name: 'BFD with check-control-plane-failure on the helper ignores BFD Down, so the hold timer decides',
      files: r1(' neighbor 10.0.0.2 bfd\n') + r2(' timers bgp 3 9\n neighbor 10.0.0.1 bfd\n neighbor 10.0.0.1 bfd check-control-plane-failure\n'),
      errors: [{ messageId: 'exceedsHold', data: { hold: 9, total: 129 }, file: 'r1.conf', line: 3, column: 2, endLine: 3, endColumn: 22 }],
    },
  ],
});
