import rule from '../../../server/src/core/rules/end-unpaired';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const ON = source`
  #- .grlint.yaml
  rules:
    GRL903: info
`;

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

ruleTester(rule, {
  valid: [
    {
      name: 'off by default: an end without its other side gives nothing',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.10 remote-as 64513
        exit
      `,
    },
    {
      name: 'both ends of a session are in the workspace',
      files: ON + PEER + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         neighbor 192.0.2.10 remote-as 64513
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'a router neighbor and a BGPPeer whose other sides are missing',
      files: ON + PEER.replace('peerASN: 64512', 'peerASN: 64999') + source`
        #- frr.conf
        router bgp 64512
         bgp router-id 192.0.2.1
         neighbor 192.0.2.10 remote-as 64513
        exit
      `,
      errors: [
        { messageId: 'unpaired', data: { end: 'neighbor 192.0.2.10' }, file: 'frr.conf', line: 3, column: 11, endLine: 3, endColumn: 21, severity: 'info' },
        { messageId: 'unpaired', data: { end: 'BGPPeer "tor1"' }, file: 'metallb.yaml', line: 4, column: 9, endLine: 4, endColumn: 13, severity: 'info' },
      ],
    },
  ],
});
