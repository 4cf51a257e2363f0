import rule from '../../../server/src/core/rules/command-unknown';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'abbreviations FRR accepts (vtysh -C of FRR 8.4.4)',
      files: source`
        #- frr.conf
        frr version 8.4.4
        router bgp 64512
         nei 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 timer 3 9
         neighbor 192.0.2.2 timers conn 10
         neighbor 192.0.2.2 graceful-restart-h
         bgp graceful-restart restart 60
         bgp graceful-restart stale 360
         bgp graceful-restart-d
        exit
      `,
    },
    {
      name: 'real FRR commands that grlint does not model, even when they look like modelled ones',
      files: source`
        #- frr.conf
        router bgp 64512
         bgp log-neighbor-changes
         bgp graceful-shutdown
         bgp bestpath as-path multipath-relax
         no bgp ebgp-requires-policy
         neighbor 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 ebgp-multihop 2
         neighbor 192.0.2.2 description graceful-restrat timerz
         neighbor 192.0.2.2 timers delayopen 30
         neighbor 192.0.2.2 bfd multihop
         neighbor 192.0.2.2 capability extended-nexthop
         address-family ipv4 unicast
          neighbor 192.0.2.2 activate
          neighbor 192.0.2.2 soft-reconfiguration inbound
          redistribute connected
         exit-address-family
        exit
        route-map RM permit 10
         set local-preference 200
        exit
        ip prefix-list PL seq 5 permit 192.0.2.0/24
      `,
    },
    {
      name: 'a "no" form may leave out its value',
      files: source`
        #- frr.conf
        router bgp 64512
         no bgp graceful-restart restart-time
         no neighbor 192.0.2.2 timers
         no neighbor 192.0.2.2 bfd profile
        exit
      `,
    },
    {
      name: 'a word that is no keyword of its block but not close to a modelled command',
      files: source`
        #- frr.conf
        router bgp 64512
         frobnicate the router
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'a misspelled graceful-restart keyword, replaced with the nearest spelling',
      files: source`
        #- frr.conf
        router bgp 64512
         bgp graceful-restart restart-tme 60
        exit
      `,
      errors: [
        {
          messageId: 'unknownKeyword',
          data: { word: 'restart-tme', before: 'bgp graceful-restart', suggestion: 'restart-time' },
          file: 'frr.conf',
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 34,
        },
      ],
      output: {
        'frr.conf': source`
          router bgp 64512
           bgp graceful-restart restart-time 60
          exit
        `,
      },
    },
    {
      name: 'misspelled neighbor keywords and a misspelled command',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbour 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 graceful-restart-helpr
         neighbor 192.0.2.2 bfd chek-control-plane-failure
        exit
      `,
      errors: [
        { messageId: 'unknownCommand', data: { word: 'neighbour', suggestion: 'neighbor' }, file: 'frr.conf', line: 2, column: 2, endLine: 2, endColumn: 11 },
        { messageId: 'unknownKeyword', data: { word: 'graceful-restart-helpr', suggestion: 'graceful-restart-helper' }, file: 'frr.conf', line: 3, column: 21, endLine: 3, endColumn: 43 },
        { messageId: 'unknownKeyword', data: { word: 'chek-control-plane-failure', suggestion: 'check-control-plane-failure' }, file: 'frr.conf', line: 4, column: 25, endLine: 4, endColumn: 51 },
      ],
      output: {
        'frr.conf': source`
          router bgp 64512
           neighbor 192.0.2.2 remote-as 64513
           neighbor 192.0.2.2 graceful-restart-helper
           neighbor 192.0.2.2 bfd check-control-plane-failure
          exit
        `,
      },
    },
    {
      name: 'an ambiguous abbreviation, an incomplete command and an extra word',
      files: source`
        #- frr.conf
        router bgp 64512
         bgp gr
         bgp graceful-restart restart-time
         bgp graceful-restart stalepath-time 360 360
        exit
      `,
      errors: [
        { messageId: 'ambiguous', data: { word: 'gr', candidates: '"graceful-restart", "graceful-restart-disable"' }, file: 'frr.conf', line: 2, column: 6, endLine: 2, endColumn: 8 },
        { messageId: 'incomplete', data: { command: 'bgp graceful-restart restart-time', expected: '(0-4095)' }, file: 'frr.conf', line: 3, column: 2, endLine: 3, endColumn: 35 },
        { messageId: 'extra', data: { word: '360', command: 'bgp graceful-restart stalepath-time 360' }, file: 'frr.conf', line: 4, column: 42, endLine: 4, endColumn: 45 },
      ],
    },
    {
      name: 'a password with a space: the extra word is part of the secret and never shown',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 password open sesame
        exit
      `,
      errors: [{ messageId: 'extra', data: { word: '********', command: 'neighbor 192.0.2.2 password ********' }, file: 'frr.conf', line: 3, column: 35, endLine: 3, endColumn: 41 }],
    },
    {
      name: 'a subnet mask where FRR takes only a prefix',
      files: source`
        #- frr.conf
        interface eth0
         ip address 192.0.2.1 255.255.255.0
        exit
      `,
      errors: [{ messageId: 'unexpected', data: { word: '255.255.255.0', before: 'ip address 192.0.2.1', expected: '"peer"' }, file: 'frr.conf', line: 2, column: 23, endLine: 2, endColumn: 36 }],
    },
    {
      name: 'a typo in MetalLB bgpextras is fixed inside the YAML',
      files: source`
        #- extras.yaml
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: bgpextras
          namespace: metallb-system
        data:
          extras: |
            router bgp 64513
              bgp graceful-restart stalepath-tme 600
      `,
      errors: [{ messageId: 'unknownKeyword', data: { suggestion: 'stalepath-time' }, file: 'extras.yaml', line: 9, column: 28, endLine: 9, endColumn: 41 }],
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
                bgp graceful-restart stalepath-time 600
        `,
      },
    },
  ],
});
