import rule from '../../../server/src/core/rules/helper-disables-graceful-restart';
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

ruleTester(rule, {
  valid: [
    {
      name: 'a router that leaves GR at its defaults helps a restarting BGPPeer',
      files: PEER + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         neighbor 192.0.2.10 remote-as 64513
        exit
      `,
    },
    {
      name: 'a disabled helper is fine when the peer does not restart with GR',
      files: PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false') + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         bgp graceful-restart-disable
         neighbor 192.0.2.10 remote-as 64513
        exit
      `,
    },
    {
      name: 'a neighbor graceful-restart-helper overrides a global disable',
      files: PEER + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         bgp graceful-restart-disable
         neighbor 192.0.2.10 remote-as 64513
         neighbor 192.0.2.10 graceful-restart-helper
        exit
      `,
    },
    {
      name: 'a disable that was negated again does not count',
      files: PEER + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         neighbor 192.0.2.10 remote-as 64513
         neighbor 192.0.2.10 graceful-restart-disable
         no neighbor 192.0.2.10 graceful-restart-disable
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'a per-neighbor disable on the router',
      files: PEER + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         neighbor 192.0.2.10 remote-as 64513
         neighbor 192.0.2.10 graceful-restart-disable
        exit
      `,
      errors: [
        {
          messageId: 'disabled',
          data: { helper: 'neighbor 192.0.2.10 on frr.conf', restarting: 'BGPPeer "tor1"' },
          file: 'frr.conf',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 46,
          related: ['metallb.yaml:10:26'],
        },
      ],
      unsafe: true,
      output: {
        'frr.conf': source`
          router bgp 64512
           bgp router-id 192.0.2.1
           neighbor 192.0.2.10 remote-as 64513
          exit
        `,
      },
    },
    {
      name: 'a global disable gets a graceful-restart-helper line for the neighbor',
      files: PEER + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         bgp graceful-restart-disable
         neighbor 192.0.2.10 remote-as 64513
        exit
      `,
      errors: [{ messageId: 'disabled', file: 'frr.conf', line: 3, column: 2, endLine: 3, endColumn: 30 }],
      unsafe: true,
      output: {
        'frr.conf': source`
          router bgp 64512
           bgp router-id 192.0.2.1
           bgp graceful-restart-disable
           neighbor 192.0.2.10 remote-as 64513
           neighbor 192.0.2.10 graceful-restart-helper
          exit
        `,
      },
    },
    {
      name: 'a disable on the peer-group of the neighbor',
      files: PEER + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         neighbor NODES peer-group
         neighbor NODES remote-as 64513
         neighbor NODES graceful-restart-disable
         neighbor 192.0.2.10 peer-group NODES
        exit
      `,
      errors: [{ messageId: 'disabled', file: 'frr.conf', line: 5, column: 2, endLine: 5, endColumn: 41 }],
    },
  ],
});
