import rule from '../../../server/src/core/rules/bfd-tears-down-graceful-restart';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (gr = true): string => source`
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
    enableGracefulRestart: ${gr}
    bfdProfile: fast
  ---
  apiVersion: metallb.io/v1beta1
  kind: BFDProfile
  metadata:
    name: fast
    namespace: metallb-system
`;

/** A router file: optional lines before `router bgp`, then the neighbor of the BGPPeer and `body` lines. */
const router = (body: readonly string[], head: readonly string[] = []): string =>
  ['#- frr.conf', ...head, 'router bgp 64512', ' bgp router-id 192.0.2.1', ' neighbor 192.0.2.10 remote-as 64513', ...body, 'exit', ''].join('\n');

ruleTester(rule, {
  valid: [
    {
      name: 'the catalog §4 reference with BFD: the router has check-control-plane-failure',
      files: peer() + router([' neighbor 192.0.2.10 bfd', ' neighbor 192.0.2.10 bfd check-control-plane-failure']),
    },
    {
      name: 'check-control-plane-failure on the peer-group of the neighbor',
      files:
        peer() +
        source`
          #- frr.conf
          router bgp 64512
           bgp router-id 192.0.2.1
           neighbor NODES peer-group
           neighbor NODES remote-as 64513
           neighbor NODES bfd
           neighbor NODES bfd check-control-plane-failure
           neighbor 192.0.2.10 peer-group NODES
          exit
        `,
    },
    { name: 'BFD on both ends but no end restarts with graceful restart', files: peer(false) + router([' neighbor 192.0.2.10 bfd']) },
    { name: 'BFD on the BGPPeer only: BFD never runs (BFD304)', files: peer() + router([]) },
    {
      name: 'a helper that disables graceful restart loses the routes anyway (GR101), not because of BFD',
      files: peer() + router([' neighbor 192.0.2.10 bfd', ' neighbor 192.0.2.10 graceful-restart-disable']),
    },
    {
      name: 'an unpaired router (other ASN) is not judged',
      files: peer() + source`
        #- frr.conf
        router bgp 64999
         bgp router-id 192.0.2.1
         neighbor 192.0.2.10 remote-as 64513
         neighbor 192.0.2.10 bfd
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'the router runs BFD without check-control-plane-failure for a restarting BGPPeer',
      files: peer() + router([' neighbor 192.0.2.10 bfd profile fast', ' neighbor 192.0.2.10 update-source 192.0.2.1']),
      errors: [
        {
          messageId: 'tearsDown',
          data: { helper: 'neighbor 192.0.2.10', restarting: 'BGPPeer "tor1"' },
          file: 'frr.conf',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 38,
          related: ['metallb.yaml:10:26'],
        },
      ],
      output: {
        'frr.conf': source`
          router bgp 64512
           bgp router-id 192.0.2.1
           neighbor 192.0.2.10 remote-as 64513
           neighbor 192.0.2.10 bfd profile fast
           neighbor 192.0.2.10 update-source 192.0.2.1
           neighbor 192.0.2.10 bfd check-control-plane-failure
          exit
        `,
      },
    },
    {
      name: 'BFD from the peer-group: reported there, fixed for the neighbor, outside the address family',
      files:
        peer() +
        source`
          #- frr.conf
          router bgp 64512
            bgp router-id 192.0.2.1
            neighbor NODES peer-group
            neighbor NODES remote-as 64513
            neighbor NODES bfd
            neighbor 192.0.2.10 peer-group NODES
            address-family ipv4 unicast
              neighbor 192.0.2.10 activate
            exit-address-family
          exit
        `,
      errors: [{ messageId: 'tearsDown', file: 'frr.conf', line: 5, column: 3, endLine: 5, endColumn: 21 }],
      output: {
        'frr.conf': source`
          router bgp 64512
            bgp router-id 192.0.2.1
            neighbor NODES peer-group
            neighbor NODES remote-as 64513
            neighbor NODES bfd
            neighbor 192.0.2.10 peer-group NODES
            neighbor 192.0.2.10 bfd check-control-plane-failure
            address-family ipv4 unicast
              neighbor 192.0.2.10 activate
            exit-address-family
          exit
        `,
      },
    },
    {
      name: 'a dynamic neighbor (listen range) can only get it on its peer-group',
      files:
        peer() +
        source`
          #- frr.conf
          router bgp 64512
           bgp router-id 192.0.2.1
           neighbor NODES peer-group
           neighbor NODES remote-as 64513
           neighbor NODES bfd
           bgp listen range 192.0.2.0/24 peer-group NODES
          exit
        `,
      errors: [{ messageId: 'tearsDown', data: { helper: 'bgp listen range 192.0.2.0/24 (peer-group NODES)' }, file: 'frr.conf', line: 5, column: 2, endLine: 5, endColumn: 20 }],
      output: {
        'frr.conf': source`
          router bgp 64512
           bgp router-id 192.0.2.1
           neighbor NODES peer-group
           neighbor NODES remote-as 64513
           neighbor NODES bfd
           neighbor NODES bfd check-control-plane-failure
           bgp listen range 192.0.2.0/24 peer-group NODES
          exit
        `,
      },
    },
    {
      name: 'both ends restart and run BFD: the router as helper (fixable) and the BGPPeer as helper (not fixable)',
      files:
        peer() +
        router([' bgp graceful-restart', ' bgp graceful-restart preserve-fw-state', ' neighbor 192.0.2.10 bfd'], ['frr version 10.4.3']),
      errors: [
        { messageId: 'tearsDown', data: { helper: 'neighbor 192.0.2.10', restarting: 'BGPPeer "tor1"' }, file: 'frr.conf', line: 7, column: 2, endLine: 7, endColumn: 25 },
        {
          messageId: 'tearsDown',
          data: { helper: 'BGPPeer "tor1"', restarting: 'neighbor 192.0.2.10' },
          file: 'metallb.yaml',
          line: 11,
          column: 15,
          endLine: 11,
          endColumn: 19,
          related: ['frr.conf:5:2'],
        },
      ],
    },
    {
      name: 'two FRR routers: only the helper of the restarting one is reported',
      files: source`
        #- r1/frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         bgp graceful-restart
         bgp graceful-restart preserve-fw-state
         neighbor 192.0.2.2 remote-as 64513
         neighbor 192.0.2.2 bfd
        exit
        #- r2/frr.conf
        router bgp 64513
         bgp router-id 192.0.2.2
         neighbor 192.0.2.1 remote-as 64512
         neighbor 192.0.2.1 bfd
        exit
      `,
      errors: [
        {
          messageId: 'tearsDown',
          data: { helper: 'neighbor 192.0.2.1', restarting: 'neighbor 192.0.2.2' },
          file: 'r2/frr.conf',
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 24,
          related: ['r1/frr.conf:3:2'],
        },
      ],
      output: {
        'r2/frr.conf': source`
          router bgp 64513
           bgp router-id 192.0.2.2
           neighbor 192.0.2.1 remote-as 64512
           neighbor 192.0.2.1 bfd
           neighbor 192.0.2.1 bfd check-control-plane-failure
          exit
        `,
      },
    },
    {
      name: 'no fix on FRR 7.1, which has no check-control-plane-failure',
      files: peer() + router([' neighbor 192.0.2.10 bfd'], ['frr version 7.1']),
      errors: [{ messageId: 'tearsDown', file: 'frr.conf', line: 5, column: 2, endLine: 5, endColumn: 25 }],
    },
  ],
});
