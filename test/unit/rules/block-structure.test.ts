import rule from '../../../server/src/core/rules/block-structure';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'blocks closed with their own closers, exit and end',
      files: source`
        #- frr.conf
        frr version 8.4.4
        interface eth0
         ip address 192.0.2.1/30
        exit
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
         address-family ipv4 unicast
          neighbor 192.0.2.2 activate
          neighbor 192.0.2.2 peer-group PG
         exit-address-family
        exit
        bfd
         profile fast
          detect-multiplier 3
         exit
        exit
        end
      `,
    },
    {
      name: 'a top-level command inside router bgp: FRR leaves the block and runs it (indentation is cosmetic)',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
         interface eth0
          ip address 192.0.2.1/30
        exit
      `,
    },
    {
      name: 'a router bgp command in an address family whose block ends without a closer',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
         address-family ipv4 unicast
          neighbor 192.0.2.2 timers 3 9
        exit
      `,
    },
    {
      name: 'BGP-wide graceful restart at the top level (FRR 10.2 and later, or an unknown version)',
      files: source`
        #- frr.conf
        bgp graceful-restart
        bgp graceful-restart restart-time 300
      `,
    },
    {
      name: 'frr-k8s raw config without router bgp runs inside the router bgp that frr-k8s renders',
      files: source`
        #- frr-k8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: tune
          namespace: frr-k8s-system
        spec:
          raw:
            rawConfig: |
              neighbor 192.0.2.1 bfd check-control-plane-failure
              exit
              router bgp 64513
                bgp graceful-restart stalepath-time 600
      `,
    },
  ],
  invalid: [
    {
      name: 'a closer with no open block and an address family outside router bgp',
      files: source`
        #- frr.conf
        router bgp 64512
         address-family ipv4 unicast
         exit-address-family
         exit-address-family
        exit
        address-family ipv6 unicast
      `,
      errors: [
        { messageId: 'strayCloser', data: { word: 'exit-address-family' }, file: 'frr.conf', line: 4, column: 2, endLine: 4, endColumn: 21 },
        { messageId: 'misplacedAddressFamily', data: { command: 'address-family ipv6 unicast' }, file: 'frr.conf', line: 6, column: 1, endLine: 6, endColumn: 28 },
      ],
    },
    {
      name: 'router bgp and interface commands at the top level, a neighbor command in a bfd profile',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
        exit
        neighbor 192.0.2.2 graceful-restart
        timers bgp 3 9
        ip address 192.0.2.1/30
        bfd
         profile fast
          neighbor 192.0.2.2 bfd
         exit
        exit
      `,
      errors: [
        { messageId: 'misplaced', data: { command: 'neighbor 192.0.2.2 graceful-restart', where: 'at the top level', expected: 'in a router bgp block' }, file: 'frr.conf', line: 4, column: 1, endLine: 4, endColumn: 36 },
        { messageId: 'misplaced', data: { command: 'timers bgp 3 9', expected: 'in a router bgp block' }, file: 'frr.conf', line: 5, column: 1, endLine: 5, endColumn: 15 },
        { messageId: 'misplaced', data: { command: 'ip address 192.0.2.1/30', expected: 'in an interface block' }, file: 'frr.conf', line: 6, column: 1, endLine: 6, endColumn: 24 },
        { messageId: 'misplaced', data: { command: 'neighbor 192.0.2.2 bfd', where: 'in a bfd profile block' }, file: 'frr.conf', line: 9, column: 3, endLine: 9, endColumn: 25 },
      ],
    },
    {
      name: 'a router bgp command in an address family leaves it, so its exit-address-family closes nothing',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
         address-family ipv4 unicast
          neighbor 192.0.2.2 activate
          neighbor 192.0.2.2 graceful-restart-helper
         exit-address-family
        exit
      `,
      errors: [{ messageId: 'strayCloser', data: { word: 'exit-address-family' }, file: 'frr.conf', line: 6, column: 2, endLine: 6, endColumn: 21 }],
    },
    {
      name: 'after such a line, "exit" leaves router bgp and the router\'s next command is at the top level',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
         address-family ipv4 unicast
          neighbor 192.0.2.2 timers 3 9
         exit
         bgp router-id 192.0.2.1
        exit
      `,
      errors: [
        {
          messageId: 'misplaced',
          data: { command: 'bgp router-id 192.0.2.1', where: 'at the top level', expected: 'in a router bgp block' },
          file: 'frr.conf',
          line: 6,
          column: 2,
          endLine: 6,
          endColumn: 25,
        },
      ],
    },
    {
      name: 'lines after a top-level exit are not read',
      files: source`
        #- frr.conf
        router bgp 64512
        exit
        exit
        router bgp 64513
        exit
      `,
      errors: [{ messageId: 'afterExit', data: { command: 'router bgp 64513', line: 3 }, file: 'frr.conf', line: 4, column: 1, endLine: 4, endColumn: 17, related: ['frr.conf:3:1'] }],
    },
      {
      name: 'a byte order mark, which FRR reads as part of the first command',
      files: '#- frr.conf\n\uFEFFrouter bgp 64512\n neighbor 192.0.2.1 remote-as 64513\nexit\n',
      errors: [{ messageId: 'byteOrderMark', file: 'frr.conf', line: 1, column: 1, endLine: 1, endColumn: 2 }],
    },
    {
      name: 'a lone carriage return that joins two commands',
      files: '#- frr.conf\nrouter bgp 64512\n neighbor 192.0.2.1 remote-as 64513\r neighbor 192.0.2.1 timers 3 9\nexit\n',
      errors: [{ messageId: 'loneCarriageReturn', file: 'frr.conf', line: 2, column: 36, endLine: 3, endColumn: 1 }],
    },
  ],
});
