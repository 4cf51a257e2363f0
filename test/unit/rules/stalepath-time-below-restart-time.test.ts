import rule from '../../../server/src/core/rules/stalepath-time-below-restart-time';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { source, splitFixture } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';
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

const router = (lines: string): string => `#- frr.conf\nrouter bgp 64512\n bgp router-id 192.0.2.1\n${lines}neighbor 192.0.2.10 remote-as 64513\nexit\n`.replace(/\nneighbor/, '\n neighbor');

/** r1 restarts with GR and restart-time 600; r2 helps. */
const R1 = source`
  #- r1.conf
  router bgp 65001
   bgp router-id 10.0.0.1
   bgp graceful-restart
   bgp graceful-restart preserve-fw-state
   bgp graceful-restart restart-time 600
   neighbor 10.0.0.2 remote-as 65002
  exit
`;

ruleTester(rule, {
  valid: [
    {
      name: 'the reference configuration: default stalepath-time 360 covers the default restart-time 120',
      files: PEER + router(''),
    },
    {
      name: 'a stalepath-time equal to the restart-time',
      files: PEER + router(' bgp graceful-restart stalepath-time 120\n'),
    },
    {
      name: 'a short stalepath-time is harmless when the peer does not restart with GR',
      files: PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false') + router(' bgp graceful-restart stalepath-time 60\n'),
    },
    {
      name: 'a helper that disables GR keeps nothing at all (GR101 reports that)',
      files: PEER + router(' bgp graceful-restart-disable\n bgp graceful-restart stalepath-time 60\n'),
    },
  ],
  invalid: [
    {
      name: 'a router stalepath-time below the default restart-time of a BGPPeer',
      files: PEER + router(' bgp graceful-restart stalepath-time 60\n'),
      errors: [
        {
          messageId: 'belowRestart',
          data: { helper: 'neighbor 192.0.2.10', stalepath: 60, restart: 120, restarting: 'BGPPeer "tor1"' },
          file: 'frr.conf',
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 40,
          severity: 'warning',
          related: ['metallb.yaml:10:26'],
        },
      ],
      output: {
        'frr.conf': source`
          router bgp 64512
           bgp router-id 192.0.2.1
           bgp graceful-restart stalepath-time 120
           neighbor 192.0.2.10 remote-as 64513
          exit
        `,
      },
    },
    {
      name: 'the default stalepath-time 360 of an FRR helper is below a restart-time of 600',
      files:
        R1 +
        source`
          #- r2.conf
          router bgp 65002
           bgp router-id 10.0.0.2
           neighbor 10.0.0.1 remote-as 65001
          exit
        `,
      errors: [
        {
          messageId: 'belowRestart',
          data: { helper: 'neighbor 10.0.0.1', stalepath: 360, restart: 600 },
          file: 'r2.conf',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 19,
          related: ['r1.conf:5:2'],
        },
      ],
      output: {
        'r2.conf': source`
          router bgp 65002
           bgp router-id 10.0.0.2
           bgp graceful-restart stalepath-time 600
           neighbor 10.0.0.1 remote-as 65001
          exit
        `,
      },
    },
    {
      name: 'a BGPPeer helping a router with a long restart-time: the stalepath-time goes into its bgpextras router block',
      files:
        PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false') +
        router(' bgp graceful-restart\n bgp graceful-restart preserve-fw-state\n bgp graceful-restart restart-time 900\n') +
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
               bgp graceful-restart select-defer-time 60
              exit
        `,
      errors: [
        {
          messageId: 'belowRestart',
          data: { helper: 'BGPPeer "tor1"', stalepath: 360, restart: 900 },
          file: 'metallb.yaml',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          related: ['frr.conf:5:2'],
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
               bgp graceful-restart select-defer-time 60
               bgp graceful-restart stalepath-time 900
              exit
        `,
      },
    },
    {
      name: 'a BGPPeer without raw/extras text: the finding has no fix',
      files:
        PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false') +
        router(' bgp graceful-restart\n bgp graceful-restart preserve-fw-state\n bgp graceful-restart restart-time 900\n'),
      errors: [{ messageId: 'belowRestart', file: 'metallb.yaml', line: 4, column: 9, endLine: 4, endColumn: 13 }],
    },
  ],
});

it('GR104 offers no fix for a cluster-side helper without editable raw/extras text', () => {
  const files = splitFixture(
    PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false') +
      router(' bgp graceful-restart\n bgp graceful-restart preserve-fw-state\n bgp graceful-restart restart-time 900\n'),
  );
  const found = lintFiles(files, { rules: [rule] }).findings;
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.fixes, []);
});
