import rule from '../../../server/src/core/rules/notification-disabled';
import { source } from '../../helpers/fixture';
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

const ROUTER = '#- frr.conf\nrouter bgp 64512\n bgp router-id 192.0.2.1\n neighbor 192.0.2.10 remote-as 64513\nexit\n';

const r1 = (lines: string, head = '', mode = ' bgp graceful-restart\n'): string =>
  `#- r1.conf\n${head}router bgp 65001\n bgp router-id 10.0.0.1\n${mode} bgp graceful-restart preserve-fw-state\n${lines} neighbor 10.0.0.2 remote-as 65002\nexit\n`;
const R2 = '#- r2.conf\nrouter bgp 65002\n bgp router-id 10.0.0.2\n neighbor 10.0.0.1 remote-as 65001\nexit\n';

ruleTester(rule, {
  valid: [
    { name: 'the reference configuration keeps the N bit (default on)', files: PEER + ROUTER },
    { name: 'the notification written out explicitly', files: r1(' bgp graceful-restart notification\n') + R2 },
    { name: 'a helper-only router may turn the N bit off', files: r1(' no bgp graceful-restart notification\n', '', '') + R2 },
    { name: 'FRR 8.2 has no N bit and rejects the command (FRR506)', files: r1(' no bgp graceful-restart notification\n', 'frr version 8.2.2\n') + R2 },
    {
      name: 'turned on again by a later line',
      files: r1(' no bgp graceful-restart notification\n bgp graceful-restart notification\n') + R2,
    },
  ],
  invalid: [
    {
      name: 'an FRR router in restart mode without the N bit',
      files: r1(' no bgp graceful-restart notification\n') + R2,
      errors: [
        {
          messageId: 'noNotification',
          data: { restarting: 'neighbor 10.0.0.2', helper: 'neighbor 10.0.0.1' },
          file: 'r1.conf',
          line: 5,
          column: 2,
          endLine: 5,
          endColumn: 38,
          severity: 'info',
          related: ['r1.conf:3:2', 'r2.conf:3:11'],
        },
      ],
    },
    {
      name: 'frr-k8s rawConfig turns off the N bit of a neighbor with GR',
      files:
        source`
          #- frrk8s.yaml
          apiVersion: frrk8s.metallb.io/v1beta1
          kind: FRRConfiguration
          metadata:
            name: tor
            namespace: metallb-system
          spec:
            bgp:
              routers:
              - asn: 64513
                neighbors:
                - address: 192.0.2.1
                  asn: 64512
                  enableGracefulRestart: true
            raw:
              rawConfig: |
                router bgp 64513
                 no bgp graceful-restart notification
                exit
        ` + ROUTER,
      errors: [
        {
          messageId: 'noNotification',
          data: { restarting: 'FRRConfiguration "tor" neighbor 192.0.2.1', helper: 'neighbor 192.0.2.10' },
          file: 'frrk8s.yaml',
          line: 17,
          column: 8,
          endLine: 17,
          endColumn: 44,
          related: ['frrk8s.yaml:13:32', 'frr.conf:3:11'],
        },
      ],
    },
    {
      name: 'two restarting neighbors of one router share one finding',
      files: source`
        #- r1.conf
        router bgp 65001
         no bgp graceful-restart notification
         neighbor 10.0.0.8 remote-as 65008
         neighbor 10.0.0.8 graceful-restart
         neighbor 10.0.0.9 remote-as 65009
         neighbor 10.0.0.9 graceful-restart
        exit
      `,
      errors: [{ messageId: 'noNotificationUnpaired', data: { restarting: 'neighbor 10.0.0.8 and neighbor 10.0.0.9' }, file: 'r1.conf', line: 2, column: 2, endLine: 2, endColumn: 38 }],
    },
  ],
});
