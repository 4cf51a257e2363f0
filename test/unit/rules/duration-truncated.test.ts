import rule from '../../../server/src/core/rules/duration-truncated';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (spec: string): string => source`
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
${spec}
`;

const fixed = (spec: string): string => source`
  apiVersion: metallb.io/v1beta2
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
    { name: 'whole seconds', files: peer('    holdTime: 90s\n    keepaliveTime: 30s') },
    { name: 'a whole number of seconds written with a fraction of a minute', files: peer('    holdTime: 1.5m') },
    { name: 'whole seconds written in milliseconds', files: peer('    holdTime: 90000ms') },
    { name: 'a fractional connectTime is TMR208 (the CRD rejects it)', files: peer('    connectTime: 1.5s') },
    { name: 'a value that is not a duration is TMR209', files: peer('    holdTime: 1.5') },
    { name: 'frr.conf timers are always whole seconds', files: '#- frr.conf\nrouter bgp 64512\n neighbor 192.0.2.10 remote-as 64513\n neighbor 192.0.2.10 timers 3 9\nexit\n' },
  ],
  invalid: [
    {
      name: 'a holdTime of 500ms becomes timers 0 0 (an error)',
      files: peer('    holdTime: 500ms'),
      errors: [
        {
          messageId: 'holdZero',
          data: { object: 'BGPPeer "tor1"', field: 'holdTime', value: '500ms', seconds: 0, controller: 'MetalLB' },
          severity: 'error',
          file: 'metallb.yaml',
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 18,
        },
      ],
      unsafe: true,
      output: { 'metallb.yaml': fixed('    holdTime: 3s') },
    },
    {
      name: 'a holdTime of 90.5s is truncated to 90 (a warning), rounded up by the safe fix',
      files: peer('    holdTime: "90.5s"'),
      errors: [
        {
          messageId: 'truncated',
          data: { field: 'holdTime', value: '90.5s', seconds: 90 },
          severity: 'warning',
          file: 'metallb.yaml',
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 20,
        },
      ],
      output: { 'metallb.yaml': fixed('    holdTime: "91s"') },
    },
    {
      name: 'a keepaliveTime of 2.5s in an FRRConfiguration',
      files: source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: node1
          namespace: metallb-system
        spec:
          bgp:
            routers:
              - asn: 64513
                neighbors:
                  - address: 192.0.2.1
                    asn: 64512
                    holdTime: 9s
                    keepaliveTime: 2.5s
      `,
      errors: [
        {
          messageId: 'truncated',
          data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1', field: 'keepaliveTime', seconds: 2, controller: 'frr-k8s' },
          severity: 'warning',
          file: 'frrk8s.yaml',
          line: 14,
          column: 28,
          endLine: 14,
          endColumn: 32,
        },
      ],
      output: {
        'frrk8s.yaml': source`
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: node1
            namespace: metallb-system
          spec:
            bgp:
              routers:
                - asn: 64513
                  neighbors:
                    - address: 192.0.2.1
                      asn: 64512
                      holdTime: 9s
                      keepaliveTime: 3s
        `,
      },
    },
    {
      name: 'no fix when rounding the keepalive up would put it above the hold time',
      files: peer('    holdTime: 3.9s\n    keepaliveTime: 3.5s'),
      errors: [
        { messageId: 'truncated', data: { field: 'holdTime', seconds: 3 }, file: 'metallb.yaml', line: 10, column: 13, endLine: 10, endColumn: 17 },
        { messageId: 'truncated', data: { field: 'keepaliveTime', seconds: 3 }, file: 'metallb.yaml', line: 11, column: 18, endLine: 11, endColumn: 22 },
      ],
      output: { 'metallb.yaml': fixed('    holdTime: 4s\n    keepaliveTime: 3.5s') },
    },
  ],
});
