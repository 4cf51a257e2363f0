import rule from '../../../server/src/core/rules/timers-half-specified';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const config = (fields: string): string => source`
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
${fields}
`;

const fixed = (fields: string): string => source`
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
${fields}
`;

ruleTester(rule, {
  valid: [
    { name: 'both timers', files: config('              holdTime: 90s\n              keepaliveTime: 30s') },
    { name: 'neither timer', files: config('              port: 179') },
    {
      name: 'a MetalLB BGPPeer may set only holdTime: MetalLB derives the keepalive',
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
          holdTime: 90s
      `,
    },
    { name: 'both present, one of them not a duration string (TMR209)', files: config('              holdTime: 90\n              keepaliveTime: 30s') },
  ],
  invalid: [
    {
      name: 'only holdTime: the fix adds keepaliveTime = holdTime / 3 below it',
      files: config('              holdTime: 90s # tuned for the ToR\n              port: 179'),
      errors: [
        {
          messageId: 'half',
          data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1', present: 'holdTime', missing: 'keepaliveTime' },
          file: 'frrk8s.yaml',
          line: 13,
          column: 23,
          endLine: 13,
          endColumn: 26,
        },
      ],
      output: { 'frrk8s.yaml': fixed('              holdTime: 90s # tuned for the ToR\n              keepaliveTime: 30s\n              port: 179') },
    },
    {
      name: 'only keepaliveTime, quoted: the fix adds holdTime = 3 x keepaliveTime, quoted alike',
      files: config("              keepaliveTime: '10s'"),
      errors: [{ messageId: 'half', data: { present: 'keepaliveTime', missing: 'holdTime' }, file: 'frrk8s.yaml', line: 13, column: 28, endLine: 13, endColumn: 33 }],
      output: { 'frrk8s.yaml': fixed("              keepaliveTime: '10s'\n              holdTime: '30s'") },
    },
    {
      name: 'holdTime as the first key of the list item',
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
                  - holdTime: 9s
                    address: 192.0.2.1
                    asn: 64512
      `,
      errors: [{ messageId: 'half', file: 'frrk8s.yaml', line: 11, column: 23, endLine: 11, endColumn: 25 }],
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
                    - holdTime: 9s
                      keepaliveTime: 3s
                      address: 192.0.2.1
                      asn: 64512
        `,
      },
    },
    {
      name: 'a JSON FRRConfiguration (as MetalLB writes them) gets a JSON entry',
      files: source`
        #- frrk8s.json
        {
            "apiVersion": "frrk8s.metallb.io/v1beta1",
            "kind": "FRRConfiguration",
            "metadata": {"name": "node1", "namespace": "metallb-system"},
            "spec": {
                "bgp": {
                    "routers": [
                        {
                            "asn": 64513,
                            "neighbors": [
                                {
                                    "asn": 64512,
                                    "address": "192.0.2.1",
                                    "holdTime": "9s"
                                }
                            ]
                        }
                    ]
                }
            }
        }
      `,
      errors: [{ messageId: 'half', file: 'frrk8s.json', line: 14, column: 41, endLine: 14, endColumn: 45 }],
      output: {
        'frrk8s.json': source`
          {
              "apiVersion": "frrk8s.metallb.io/v1beta1",
              "kind": "FRRConfiguration",
              "metadata": {"name": "node1", "namespace": "metallb-system"},
              "spec": {
                  "bgp": {
                      "routers": [
                          {
                              "asn": 64513,
                              "neighbors": [
                                  {
                                      "asn": 64512,
                                      "address": "192.0.2.1",
                                      "holdTime": "9s",
                                      "keepaliveTime": "3s"
                                  }
                              ]
                          }
                      ]
                  }
              }
          }
        `,
      },
    },
    {
      name: 'only keepaliveTime 0s: reported without a fix (a hold time of 0 would disable keepalives)',
      files: config('              keepaliveTime: 0s'),
      errors: [{ messageId: 'half', file: 'frrk8s.yaml', line: 13, column: 28, endLine: 13, endColumn: 30 }],
    },
  ],
});
