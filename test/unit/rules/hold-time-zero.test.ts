import rule from '../../../server/src/core/rules/hold-time-zero';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const router = (body: string): string => source`
  #- frr.conf
  router bgp 64512
   neighbor 192.0.2.10 remote-as 64513
${body}
  exit
`;

const peer = (spec: string, version = 'v1beta2'): string => source`
  #- metallb.yaml
  apiVersion: metallb.io/${version}
  kind: BGPPeer
  metadata:
    name: tor1
    namespace: metallb-system
  spec:
    myASN: 64513
    peerASN: 64512
    peerAddress: 192.0.2.1
${spec}
`;

ruleTester(rule, {
  valid: [
    { name: 'a hold time of 9 s', files: router('   neighbor 192.0.2.10 timers 3 9') },
    { name: 'a keepalive of 0 with a non-zero hold time (FRR uses hold / 3)', files: router('   neighbor 192.0.2.10 timers 0 9') },
    { name: 'no timers at all: FRR defaults to 180 s', files: router('') },
    { name: 'a v1beta2 BGPPeer without timers renders none (FRR default)', files: peer('    enableGracefulRestart: true') },
    { name: 'holdTime 500ms truncates to 0, which TMR204 reports as an error', files: peer('    holdTime: 500ms') },
    { name: 'a v1beta1 BGPPeer with holdTime', files: peer('    holdTime: 90s', 'v1beta1') },
    { name: 'a v1beta1 BGPPeer with only a keepaliveTime is rejected instead (TMR202)', files: peer('    keepaliveTime: 30s', 'v1beta1') },
    {
      name: 'an FRRConfiguration neighbor with only keepaliveTime 0s is rejected by frr-k8s (TMR205)',
      files: source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: node1
        spec:
          bgp:
            routers:
              - asn: 64513
                neighbors:
                  - address: 192.0.2.1
                    asn: 64512
                    keepaliveTime: 0s
      `,
    },
  ],
  invalid: [
    {
      name: 'neighbor timers 0 0 (MetalLB TestSingleSessionWithZeroTimers golden)',
      files: router('   neighbor 192.0.2.10 timers 0 0'),
      errors: [{ messageId: 'frr', data: { command: 'neighbor 192.0.2.10 timers 0 0' }, file: 'frr.conf', line: 3, column: 31, endLine: 3, endColumn: 32 }],
    },
    {
      name: 'timers bgp with hold 0',
      files: router('   timers bgp 60 0'),
      errors: [{ messageId: 'frr', data: { command: 'timers bgp 60 0' }, file: 'frr.conf', line: 3, column: 16, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'a BGPPeer holdTime of 0s',
      files: peer('    holdTime: 0s\n    keepaliveTime: 0s'),
      errors: [{ messageId: 'field', data: { object: 'BGPPeer "tor1"', value: '0s' }, file: 'metallb.yaml', line: 10, column: 13, endLine: 10, endColumn: 15 }],
    },
    {
      name: 'a v1beta1 BGPPeer without timers converts to holdTime 0s; reported on its name',
      files: peer('    ebgpMultiHop: false', 'v1beta1'),
      errors: [{ messageId: 'v1beta1', data: { object: 'BGPPeer "tor1"' }, file: 'metallb.yaml', line: 4, column: 9, endLine: 4, endColumn: 13 }],
    },
    {
      name: 'a v1beta2 BGPPeer with only keepaliveTime 0s: MetalLB derives hold time 0',
      files: peer('    keepaliveTime: 0s'),
      errors: [{ messageId: 'derived', data: { value: '0s' }, file: 'metallb.yaml', line: 10, column: 18, endLine: 10, endColumn: 20 }],
    },
    {
      name: 'timers 0 0 in a bgpextras ConfigMap',
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
             neighbor 192.0.2.1 timers 0 0
            exit
      `,
      errors: [{ messageId: 'frr', file: 'extras.yaml', line: 9, column: 34, endLine: 9, endColumn: 35 }],
    },
  ],
});
