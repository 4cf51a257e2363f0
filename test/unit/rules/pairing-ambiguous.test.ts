import rule from '../../../server/src/core/rules/pairing-ambiguous';
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
`;

// Two routers with the same AS that state none of their own addresses: either could be the BGPPeer's peer.
const ROUTERS = source`
  #- tor1/frr.conf
  router bgp 64512
   neighbor 192.0.2.10 remote-as 64513
  exit
  #- tor2/frr.conf
  router bgp 64512
   neighbor 192.0.2.10 remote-as 64513
  exit
`;

ruleTester(rule, {
  valid: [
    {
      name: 'a topology hint tells grlint which router has the peer address',
      files: PEER + ROUTERS + source`
        #- .grlint.yaml
        topology:
          routers:
          - files: tor1/frr.conf
            addresses: [192.0.2.1]
      `,
    },
    {
      name: 'one router states the address as its router-id',
      files: PEER + ROUTERS.replace('router bgp 64512\n neighbor', 'router bgp 64512\n bgp router-id 192.0.2.1\n neighbor'),
    },
  ],
  invalid: [
    {
      name: 'two routers with the same AS and no stated addresses',
      files: PEER + ROUTERS,
      errors: [
        {
          messageId: 'ambiguous',
          data: { end: 'BGPPeer "tor1"', count: 2, candidates: 'neighbor 192.0.2.10 in tor1/frr.conf, neighbor 192.0.2.10 in tor2/frr.conf' },
          file: 'metallb.yaml',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 13,
          severity: 'info',
          related: ['tor1/frr.conf:2:11', 'tor2/frr.conf:2:11'],
        },
      ],
    },
  ],
});
