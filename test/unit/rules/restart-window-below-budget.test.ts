import assert from 'node:assert/strict';
import { it } from 'node:test';
import rule from '../../../server/src/core/rules/restart-window-below-budget';
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

const router = (lines: string): string =>
  `#- frr.conf\nrouter bgp 64512\n bgp router-id 192.0.2.1\n${lines} neighbor 192.0.2.10 remote-as 64513\nexit\n`;

const extras = (lines: string): string => `#- extras.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: bgpextras
  namespace: metallb-system
data:
  extras: |
    router bgp 64513
${lines}    exit
`;

const r1 = (lines: string): string =>
  `#- r1.conf\nrouter bgp 65001\n bgp router-id 10.0.0.1\n bgp graceful-restart\n bgp graceful-restart preserve-fw-state\n${lines} neighbor 10.0.0.2 remote-as 65002\nexit\n`;
const R2 = '#- r2.conf\nrouter bgp 65002\n bgp router-id 10.0.0.2\n neighbor 10.0.0.1 remote-as 65001\nexit\n';

/** r2 with its own LLGR stale-time: a helper grants LLGR only when it configures one (lab §3.3). */
const R2_LLGR = (llst: number): string =>
  `#- r2.conf\nrouter bgp 65002\n bgp long-lived-graceful-restart stale-time ${llst}\n bgp router-id 10.0.0.2\n neighbor 10.0.0.1 remote-as 65001\nexit\n`;

ruleTester(rule, {
  valid: [
    {
      name: 'the reference configuration: 120 s kept against the default budget of 90 s',
      files: PEER + router(''),
    },
    {
      name: 'a window exactly as long as the budget',
      files: PEER + router(' bgp graceful-restart stalepath-time 90\n'),
    },
    {
      name: 'routes lost for another reason are not a short window (other rules report the reason)',
      files: PEER + router(' bgp graceful-restart-disable\n'),
    },
    {
      name: 'restart-time 0 with LLGR on A only: the helper grants no LLGR, so the routes are lost at once (GR107), not kept briefly',
      files: r1(' bgp graceful-restart restart-time 0\n bgp long-lived-graceful-restart stale-time 30\n') + R2,
    },
    {
      name: 'a smaller budget from .grlint.yaml',
      files: '#- .grlint.yaml\nrestartBudgetSeconds: 60\n' + r1(' bgp graceful-restart restart-time 60\n') + R2,
    },
  ],
  invalid: [
    {
      name: 'a restart-time of 60 s in bgpextras is raised to the budget',
      files: PEER + router('') + extras('     bgp graceful-restart restart-time 60\n'),
      errors: [
        {
          messageId: 'belowBudget',
          data: { helper: 'neighbor 192.0.2.10', restarting: 'BGPPeer "tor1"', seconds: 60, budget: 90 },
          file: 'extras.yaml',
          line: 9,
          column: 6,
          endLine: 9,
          endColumn: 42,
          severity: 'warning',
          related: ['frr.conf:3:11'],
        },
      ],
      unsafe: true,
      output: {
        'extras.yaml': extras('     bgp graceful-restart restart-time 90\n').replace('#- extras.yaml\n', ''),
      },
    },
    {
      name: 'a larger budget than the default restart-time: the line is added to the bgpextras router block',
      files: '#- .grlint.yaml\nrestartBudgetSeconds: 180\n' + PEER + router('') + extras(''),
      errors: [
        {
          messageId: 'belowBudget',
          data: { seconds: 120, budget: 180 },
          file: 'metallb.yaml',
          line: 10,
          column: 26,
          endLine: 10,
          endColumn: 30,
        },
      ],
      unsafe: true,
      output: {
        'extras.yaml': extras('     bgp graceful-restart restart-time 180\n').replace('#- extras.yaml\n', ''),
      },
    },
    {
      name: 'the option under rules.GR105.options',
      files: '#- .grlint.yaml\nrules:\n  GR105:\n    options:\n      restartBudgetSeconds: 150\n' + r1('') + R2,
      errors: [{ messageId: 'belowBudget', data: { seconds: 120, budget: 150 }, file: 'r1.conf', line: 3, column: 2, endLine: 3, endColumn: 22 }],
      unsafe: true,
      output: {
        'r1.conf': r1(' bgp graceful-restart restart-time 150\n').replace('#- r1.conf\n', ''),
      },
    },
    {
      name: "the helper's stalepath-time bounds the window: reported there, without a restart-time fix",
      files: PEER + router(' bgp graceful-restart stalepath-time 60\n'),
      errors: [
        {
          messageId: 'belowBudget',
          data: { seconds: 60 },
          file: 'frr.conf',
          line: 3,
          column: 2,
          endLine: 3,
          endColumn: 40,
          related: ['metallb.yaml:10:26'],
        },
      ],
    },
    {
      name: 'LLGR only (restart-time 0): reported on the LLGR stale-time that bounds the period',
      files: r1(' bgp graceful-restart restart-time 0\n bgp long-lived-graceful-restart stale-time 30\n') + R2_LLGR(60),
      errors: [{ messageId: 'belowBudget', data: { seconds: 30 }, file: 'r1.conf', line: 6, column: 2, endLine: 6, endColumn: 47, related: ['r2.conf:2:2'] }],
    },
    {
      name: "LLGR only: the helper's own smaller LLGR stale-time bounds the period (measured on FRR 8.4.4)",
      files: r1(' bgp graceful-restart restart-time 0\n bgp long-lived-graceful-restart stale-time 300\n') + R2_LLGR(20),
      errors: [{ messageId: 'belowBudget', data: { seconds: 20 }, file: 'r2.conf', line: 2, column: 2, endLine: 2, endColumn: 47, related: ['r1.conf:6:2'] }],
    },
    {
      name: 'restart-time plus an LLGR period both ends grant',
      files: r1(' bgp graceful-restart restart-time 30\n bgp long-lived-graceful-restart stale-time 20\n') + R2_LLGR(40),
      errors: [{ messageId: 'belowBudget', data: { seconds: 50 }, file: 'r1.conf', line: 5, column: 2, endLine: 5, endColumn: 38 }],
    },
  ],
});

it('GR105 offers no restart-time fix when the stalepath-time or LLGR bounds the window', () => {
  for (const text of [
    PEER + router(' bgp graceful-restart stalepath-time 60\n') + extras(''),
    r1(' bgp graceful-restart restart-time 0\n bgp long-lived-graceful-restart stale-time 30\n') + R2_LLGR(60),
  ]) {
    const found = lintFiles(splitFixture(text), { rules: [rule] }).findings;
    assert.equal(found.length, 1);
    assert.deepEqual(found[0]!.fixes, []);
  }
});

it('GR105 offers no fix for a BGPPeer without raw/extras text', () => {
  const found = lintFiles(splitFixture('#- .grlint.yaml\nrestartBudgetSeconds: 180\n' + PEER + router('')), { rules: [rule] }).findings;
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.fixes, []);
});
