import rule from '../../../server/src/core/rules/duration-invalid';
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

ruleTester(rule, {
  valid: [
    { name: 'Go durations with units', files: peer('    holdTime: 1m30s\n    keepaliveTime: 30s\n    connectTime: "10s"') },
    { name: 'a bare "0" is a Go duration', files: peer('    holdTime: "0"') },
    { name: 'fractions and microseconds are Go durations', files: peer('    holdTime: 1.5h\n    keepaliveTime: 3000\u00b5s') },
    { name: 'a null value means unset', files: peer('    holdTime:') },
    {
      name: 'a "90" in an unrelated field is not a duration field',
      files: peer('    peerPort: 179\n    routerID: "90"'),
    },
  ],
  invalid: [
    {
      name: 'a quoted number without a unit',
      files: peer('    holdTime: "90"'),
      errors: [
        {
          messageId: 'invalid',
          data: { object: 'BGPPeer "tor1"', field: 'holdTime', value: '90', error: 'time: missing unit in duration "90"' },
          file: 'metallb.yaml',
          line: 10,
          column: 13,
          endLine: 10,
          endColumn: 17,
        },
      ],
    },
    {
      name: 'a YAML number is not a duration string',
      files: peer('    keepaliveTime: 30'),
      errors: [
        {
          messageId: 'invalid',
          data: { field: 'keepaliveTime', value: '30', error: 'time: missing unit in duration "30"' },
          file: 'metallb.yaml',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 20,
        },
      ],
    },
    {
      name: 'a space inside and an unknown unit',
      files: peer('    holdTime: 1 m\n    connectTime: 5x'),
      errors: [
        { messageId: 'invalid', data: { field: 'holdTime', value: '1 m', error: 'time: unknown unit " m" in duration "1 m"' }, file: 'metallb.yaml', line: 10, column: 13, endLine: 10, endColumn: 16 },
        { messageId: 'invalid', data: { field: 'connectTime', value: '5x', error: 'time: unknown unit "x" in duration "5x"' }, file: 'metallb.yaml', line: 11, column: 16, endLine: 11, endColumn: 18 },
      ],
    },
    {
      name: 'an FRRConfiguration neighbor holdTime in days',
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
                    holdTime: 1d
                    keepaliveTime: 30s
      `,
      errors: [
        {
          messageId: 'invalid',
          data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1', field: 'holdTime', value: '1d' },
          file: 'frrk8s.yaml',
          line: 12,
          column: 23,
          endLine: 12,
          endColumn: 25,
        },
      ],
    },
  ],
});
