import rule from '../../../server/src/core/rules/control-plane-check-both-sides';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const r1 = (cpf: boolean): string =>
  ['#- r1/frr.conf', 'router bgp 64512', ' bgp router-id 192.0.2.1', ' neighbor 192.0.2.2 remote-as 64513', ' neighbor 192.0.2.2 bfd', ...(cpf ? [' neighbor 192.0.2.2 bfd check-control-plane-failure'] : []), 'exit', ''].join('\n');
const r2 = (cpf: boolean): string =>
  ['#- r2/frr.conf', 'router bgp 64513', ' bgp router-id 192.0.2.2', ' neighbor 192.0.2.1 remote-as 64512', ' neighbor 192.0.2.1 bfd', ...(cpf ? [' neighbor 192.0.2.1 bfd check-control-plane-failure'] : []), 'exit', ''].join('\n');

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
    bfdProfile: fast
  ---
  apiVersion: metallb.io/v1beta1
  kind: BFDProfile
  metadata:
    name: fast
    namespace: metallb-system
`;

ruleTester(rule, {
  valid: [
    { name: 'only one router sets it', files: r1(true) + r2(false) },
    {
      name: 'the catalog §4 reference with BFD: the router sets it, MetalLB never renders it',
      files: PEER + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         neighbor 192.0.2.10 remote-as 64513
         neighbor 192.0.2.10 bfd
         neighbor 192.0.2.10 bfd check-control-plane-failure
        exit
      `,
    },
    {
      name: 'both set it but the routers do not pair (r2 expects another AS)',
      files: r1(true) + r2(true).replace('remote-as 64512', 'remote-as 64999'),
    },
  ],
  invalid: [
    {
      name: 'two FRR routers both set check-control-plane-failure',
      files: r1(true) + r2(true),
      errors: [
        {
          messageId: 'both',
          data: { end: 'neighbor 192.0.2.2', other: 'neighbor 192.0.2.1' },
          file: 'r1/frr.conf',
          line: 5,
          column: 2,
          endLine: 5,
          endColumn: 52,
          related: ['r2/frr.conf:5:2'],
        },
      ],
    },
    {
      name: 'an FRRConfiguration rawConfig sets it for the router, which sets it too',
      files:
        source`
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
                      bfdProfile: fast
              bfdProfiles:
                - name: fast
            raw:
              rawConfig: |
                router bgp 64513
                 neighbor 192.0.2.1 bfd check-control-plane-failure
                exit
        ` +
        source`
          #- frr.conf
          router bgp 64512
           bgp router-id 192.0.2.1
           neighbor 192.0.2.10 remote-as 64513
           neighbor 192.0.2.10 bfd
           neighbor 192.0.2.10 bfd check-control-plane-failure
          exit
        `,
      errors: [{ messageId: 'both', file: 'frrk8s.yaml', line: 19, column: 8, endLine: 19, endColumn: 58, related: ['frr.conf:5:2'] }],
    },
  ],
});
