import rule from '../../../server/src/core/rules/command-too-new';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const GR_LINES = `
router bgp 64512
 bgp graceful-restart notification
 bgp graceful-restart select-defer-time 60
 bgp graceful-restart restart-time 0
 bgp long-lived-graceful-restart stale-time 30
 neighbor 192.0.2.2 remote-as 64513
 neighbor 192.0.2.2 graceful-restart
 neighbor 192.0.2.2 bfd check-control-plane-failure
exit
`;

ruleTester(rule, {
  valid: [
    {
      name: 'the same commands on FRR 8.3, which has all of them',
      files: `#- frr.conf\nfrr version 8.3${GR_LINES}`,
    },
    {
      name: 'an unknown FRR version: the rule stays silent',
      files: `#- frr.conf${GR_LINES}`,
    },
    {
      name: 'a version string FRR accepts but that is no version',
      files: `#- frr.conf\nfrr version not-a-version${GR_LINES}`,
    },
    {
      name: 'BGP-wide graceful restart on FRR 10.2',
      files: source`
        #- frr.conf
        frr version 10.2.1
        bgp graceful-restart
        bgp graceful-restart restart-time 300
      `,
    },
    {
      name: 'graceful restart in router bgp on FRR 8.4.4 (only the top-level form is new)',
      files: source`
        #- frr.conf
        frr version 8.4.4
        router bgp 64512
         bgp graceful-restart
        exit
      `,
    },
    {
      name: 'bfd log-session-changes on FRR 10.4',
      files: source`
        #- frr.conf
        frr version 10.4.0
        bfd
         profile P
          log-session-changes
         exit
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'commands and values that FRR 7.3 does not have',
      files: `#- frr.conf\nfrr version 7.3${GR_LINES}`,
      errors: [
        { messageId: 'tooNew', data: { command: 'bgp graceful-restart notification', since: '8.3', version: '7.3' }, file: 'frr.conf', line: 3, column: 2, endLine: 3, endColumn: 35 },
        { messageId: 'tooNew', data: { command: 'bgp graceful-restart select-defer-time 60', since: '7.4' }, file: 'frr.conf', line: 4, column: 2, endLine: 4, endColumn: 43 },
        { messageId: 'valueTooNew', data: { what: 'bgp graceful-restart restart-time', value: '0', since: '8.2', version: '7.3' }, file: 'frr.conf', line: 5, column: 36, endLine: 5, endColumn: 37 },
        { messageId: 'tooNew', data: { command: 'bgp long-lived-graceful-restart stale-time 30', since: '8.2' }, file: 'frr.conf', line: 6, column: 2, endLine: 6, endColumn: 47 },
        { messageId: 'tooNew', data: { command: 'neighbor 192.0.2.2 graceful-restart', since: '7.4' }, file: 'frr.conf', line: 8, column: 2, endLine: 8, endColumn: 37 },
      ],
    },
    {
      name: 'check-control-plane-failure before FRR 7.2, with the version from .grlint.yaml',
      files: source`
        #- .grlint.yaml
        frrVersion: 7.1
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 bfd check-control-plane-failure
        exit
      `,
      errors: [
        { messageId: 'tooNew', data: { command: 'neighbor 192.0.2.2 bfd check-control-plane-failure', since: '7.2', version: '7.1' }, file: 'frr.conf', line: 3, column: 2, endLine: 3, endColumn: 52 },
      ],
    },
    {
      name: 'BGP-wide graceful restart at the top level before FRR 10.2',
      files: source`
        #- frr.conf
        frr version 8.4.4
        bgp graceful-restart
      `,
      errors: [{ messageId: 'tooNewTopLevel', data: { command: 'bgp graceful-restart', since: '10.2', version: '8.4.4' }, file: 'frr.conf', line: 2, column: 1, endLine: 2, endColumn: 21 }],
    },
    {
      name: 'a keyword newer than its command is reported on the keyword',
      files: source`
        #- frr.conf
        frr version 10.1
        router bgp 64512
         neighbor 192.0.2.2 remote-as auto
        exit
      `,
      errors: [{ messageId: 'tooNew', data: { command: 'neighbor 192.0.2.2 remote-as auto', since: '10.2', version: '10.1' }, file: 'frr.conf', line: 3, column: 31, endLine: 3, endColumn: 35 }],
    },
    {
      name: 'address-family unreachability on FRR 10.7 (only FRR master has it) and link-state on 10.6',
      files: source`
        #- frr.conf
        frr version 10.7.0
        router bgp 64512
         address-family ipv4 unreachability
         exit-address-family
        exit
        #- r2/frr.conf
        frr version 10.6.1
        router bgp 64512
         address-family link-state
         exit-address-family
        exit
      `,
      errors: [
        { messageId: 'tooNew', data: { command: 'address-family ipv4 unreachability', since: '10.8', version: '10.7.0' }, file: 'frr.conf', line: 3, column: 22, endLine: 3, endColumn: 36 },
        { messageId: 'tooNew', data: { command: 'address-family link-state', since: '10.7', version: '10.6.1' }, file: 'r2/frr.conf', line: 3, column: 2, endLine: 3, endColumn: 27 },
      ],
    },
    {
      name: 'bfd log-session-changes before FRR 10.4 (vtysh -C of 8.4.4 rejects it in a peer and in a profile)',
      files: source`
        #- frr.conf
        frr version 8.4.4
        bfd
         peer 192.0.2.2
          no log-session-changes
         exit
         profile P
          log-session-changes
         exit
        exit
      `,
      errors: [
        { messageId: 'tooNew', data: { command: 'no log-session-changes', since: '10.4', version: '8.4.4' }, file: 'frr.conf', line: 4, column: 3, endLine: 4, endColumn: 25 },
        { messageId: 'tooNew', data: { command: 'log-session-changes', since: '10.4', version: '8.4.4' }, file: 'frr.conf', line: 7, column: 3, endLine: 7, endColumn: 22 },
      ],
    },
  ],
});
