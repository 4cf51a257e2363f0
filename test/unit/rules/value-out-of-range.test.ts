import rule from '../../../server/src/core/rules/value-out-of-range';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'every range boundary that FRR 8.4.4 accepts',
      files: source`
        #- frr.conf
        frr version 8.4.4
        router bgp 64512
         bgp graceful-restart restart-time 0
         bgp graceful-restart restart-time 4095
         bgp graceful-restart stalepath-time 1
         bgp graceful-restart stalepath-time 4095
         bgp graceful-restart select-defer-time 0
         bgp graceful-restart select-defer-time 3600
         bgp graceful-restart rib-stale-time 1
         bgp graceful-restart rib-stale-time 3600
         bgp long-lived-graceful-restart stale-time 1
         timers bgp 0 0
         timers bgp 65535 65535
         neighbor 192.0.2.2 remote-as 4294967295
         neighbor 192.0.2.2 timers 0 65535
         neighbor 192.0.2.2 timers connect 1
         neighbor 192.0.2.2 timers connect 65535
        exit
        interface eth0
         ip address 192.0.2.1/32
         ipv6 address 2001:db8::1/128
        exit
      `,
    },
    {
      name: 'an LLGR stale-time above 16777215 on FRR 8.4 (8.2-8.4 accept up to 4294967295)',
      files: source`
        #- frr.conf
        frr version 8.4.4
        router bgp 64512
         bgp long-lived-graceful-restart stale-time 16777216
        exit
      `,
    },
    {
      name: 'restart-time 0 when the FRR version is unknown (the newest range applies)',
      files: source`
        #- frr.conf
        router bgp 64512
         bgp graceful-restart restart-time 0
        exit
      `,
    },
    {
      name: 'a too-large value in a line that is not a modelled command',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 advertisement-interval 99999999
        exit
      `,
    },
    {
      name: 'values MetalLB renders from a BGPPeer are not frr.conf text (its CRD rules judge them)',
      files: source`
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
          holdTime: 100000s
          connectTime: 100000s
      `,
    },
  ],
  invalid: [
    {
      name: 'restart-time above 4095, for the file\'s FRR version',
      files: source`
        #- frr.conf
        frr version 8.4.4
        router bgp 64512
         bgp graceful-restart restart-time 4096
        exit
      `,
      errors: [
        {
          messageId: 'outOfRangeForVersion',
          data: { what: 'bgp graceful-restart restart-time', value: '4096', min: 0, max: 4095, version: '8.4.4' },
          file: 'frr.conf',
          line: 3,
          column: 36,
          endLine: 3,
          endColumn: 40,
        },
      ],
    },
    {
      name: 'stalepath-time 0 and timers connect 0 with the newest ranges when the version is unknown',
      files: source`
        #- frr.conf
        router bgp 64512
         bgp graceful-restart stalepath-time 0
         neighbor 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 timers connect 0
        exit
      `,
      errors: [
        { messageId: 'outOfRange', data: { what: 'bgp graceful-restart stalepath-time', value: '0', min: 1, max: 4095 }, file: 'frr.conf', line: 2, column: 38, endLine: 2, endColumn: 39 },
        { messageId: 'outOfRange', data: { what: 'neighbor timers connect', value: '0', min: 1, max: 65535 }, file: 'frr.conf', line: 4, column: 36, endLine: 4, endColumn: 37 },
      ],
    },
    {
      name: 'an LLGR stale-time above 16777215 on FRR 8.5 and later',
      files: source`
        #- frr.conf
        frr version 10.4.3
        router bgp 64512
         bgp long-lived-graceful-restart stale-time 16777216
        exit
      `,
      errors: [
        {
          messageId: 'outOfRangeForVersion',
          data: { what: 'bgp long-lived-graceful-restart stale-time', value: '16777216', min: 1, max: 16777215, version: '10.4.3' },
          file: 'frr.conf',
          line: 3,
          column: 45,
          endLine: 3,
          endColumn: 53,
        },
      ],
    },
    {
      name: 'timers, AS numbers and prefix lengths',
      files: source`
        #- frr.conf
        router bgp 0
        exit
        router bgp 64512
         timers bgp 3 65536
        exit
        interface eth0
         ip address 192.0.2.1/33
         ip address 192.0.2.300/24
        exit
      `,
      errors: [
        { messageId: 'outOfRange', data: { what: 'router bgp AS number', value: '0' }, file: 'frr.conf', line: 1, column: 12, endLine: 1, endColumn: 13 },
        { messageId: 'outOfRange', data: { what: 'timers bgp hold', value: '65536' }, file: 'frr.conf', line: 4, column: 15, endLine: 4, endColumn: 20 },
        { messageId: 'outOfRange', data: { what: 'ip address prefix', value: '192.0.2.1/33', min: 0, max: 32 }, file: 'frr.conf', line: 7, column: 13, endLine: 7, endColumn: 25 },
        { messageId: 'invalid', data: { what: 'ip address prefix', value: '192.0.2.300/24', expected: 'an IPv4 prefix (A.B.C.D/M)' }, file: 'frr.conf', line: 8, column: 13, endLine: 8, endColumn: 27 },
      ],
    },
    {
      name: 'a value in frr-k8s raw config is reported inside the YAML block scalar',
      files: source`
        #- frr-k8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: gr-tuning
          namespace: frr-k8s-system
        spec:
          raw:
            rawConfig: |
              router bgp 64513
                bgp graceful-restart restart-time 5000
      `,
      errors: [
        { messageId: 'outOfRange', data: { value: '5000', min: 0, max: 4095 }, file: 'frr-k8s.yaml', line: 10, column: 43, endLine: 10, endColumn: 47 },
      ],
    },
  ],
});
