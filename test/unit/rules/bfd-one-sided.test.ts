import rule from '../../../server/src/core/rules/bfd-one-sided';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (bfd: boolean): string => source`
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
${bfd ? '    bfdProfile: fast' : '    ebgpMultiHop: false'}
  ---
  apiVersion: metallb.io/v1beta1
  kind: BFDProfile
  metadata:
    name: fast
    namespace: metallb-system
`;

const router = (body: readonly string[], asn = 64512): string =>
  ['#- frr.conf', `router bgp ${asn}`, ' bgp router-id 192.0.2.1', ' neighbor 192.0.2.10 remote-as 64513', ...body, 'exit', ''].join('\n');

ruleTester(rule, {
  valid: [
    { name: 'both ends configure BFD', files: peer(true) + router([' neighbor 192.0.2.10 bfd', ' neighbor 192.0.2.10 bfd check-control-plane-failure']) },
    { name: 'neither end configures BFD', files: peer(false) + router([]) },
    { name: 'a BFD profile defined on the router but not used by the neighbor', files: peer(false) + router([]) + 'bfd\n profile fast\n exit\nexit\n' },
    { name: 'BFD on one side of ends that do not pair', files: peer(true) + router([], 64999) },
  ],
  invalid: [
    {
      name: 'the BGPPeer sets bfdProfile, the router has no BFD for it',
      files: peer(true) + router([]),
      errors: [
        {
          messageId: 'oneSided',
          data: { end: 'BGPPeer "tor1"', other: 'neighbor 192.0.2.10' },
          file: 'metallb.yaml',
          line: 11,
          column: 15,
          endLine: 11,
          endColumn: 19,
          related: ['frr.conf:3:11'],
        },
      ],
    },
    {
      name: 'the router runs BFD from a peer-group, the BGPPeer has no bfdProfile',
      files:
        peer(false) +
        source`
          #- frr.conf
          router bgp 64512
           bgp router-id 192.0.2.1
           neighbor NODES peer-group
           neighbor NODES remote-as 64513
           neighbor NODES bfd profile fast
           neighbor 192.0.2.10 peer-group NODES
          exit
        `,
      errors: [{ messageId: 'oneSided', data: { end: 'neighbor 192.0.2.10', other: 'BGPPeer "tor1"' }, file: 'frr.conf', line: 5, column: 2, endLine: 5, endColumn: 33, related: ['metallb.yaml:4:9'] }],
    },
    {
      name: 'the router turned BFD off again for the neighbor that the BGPPeer expects it on',
      files: peer(true) + router([' neighbor 192.0.2.10 bfd', ' no neighbor 192.0.2.10 bfd']),
      errors: [{ messageId: 'oneSided', file: 'metallb.yaml', line: 11, column: 15, endLine: 11, endColumn: 19, related: ['frr.conf:5:2'] }],
    },
  ],
});
