import rule from '../../../server/src/core/rules/bfd-profile-undefined';
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
    bfdProfile: fast
`;

const PROFILE = (name: string): string => source`
  #- bfd.yaml
  apiVersion: metallb.io/v1beta1
  kind: BFDProfile
  metadata:
    name: ${name}
    namespace: metallb-system
  spec:
    receiveInterval: 300
`;

const config = (name: string, profiles: string, neighborProfile: string): string => source`
  apiVersion: frrk8s.metallb.io/v1beta1
  kind: FRRConfiguration
  metadata:
    name: ${name}
    namespace: metallb-system
  spec:
    bgp:
      routers:
        - asn: 64513
          neighbors:
            - address: 192.0.2.1
              asn: 64512
              bfdProfile: ${neighborProfile}
      bfdProfiles:
        - name: ${profiles}
`;

ruleTester(rule, {
  valid: [
    { name: 'the BFDProfile is defined in another file of the workspace', files: PEER + PROFILE('fast') },
    { name: 'an FRRConfiguration neighbor uses a profile of its own FRRConfiguration', files: '#- frrk8s.yaml\n' + config('node1', 'fast', 'fast') },
    {
      name: 'a frr.conf neighbor uses a profile of the same file',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.10 remote-as 64513
         neighbor 192.0.2.10 bfd profile fast
        exit
        bfd
         profile fast
          receive-interval 300
         exit
        exit
      `,
    },
    {
      name: 'a split configuration: bgpd.conf names a profile that the bfdd.conf next to it defines',
      files: source`
        #- r1/bgpd.conf
        router bgp 64512
         neighbor 192.0.2.10 remote-as 64513
         neighbor 192.0.2.10 bfd profile fast
        exit
        #- r1/bfdd.conf
        bfd
         profile fast
          receive-interval 300
         exit
        exit
      `,
    },
    {
      name: 'an FRRConfiguration rawConfig names a profile that spec.bgp.bfdProfiles defines',
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
            bfdProfiles:
              - name: fast
          raw:
            rawConfig: |
              router bgp 64513
               neighbor 192.0.2.1 remote-as 64512
               neighbor 192.0.2.1 bfd profile fast
              exit
      `,
    },
    {
      name: 'another YAML file does not parse (an unclosed quote hides its object): the profile may be in it',
      files: PEER + '#- broken.yaml\napiVersion: metallb.io/v1beta1\nkind: "BFDProfile\nmetadata:\n  name: fast\n',
    },
    { name: 'no bfdProfile at all', files: PEER.replace('  bfdProfile: fast\n', '') },
  ],
  invalid: [
    {
      name: 'a BGPPeer names a BFDProfile that the workspace does not define',
      files: PEER + PROFILE('fats'),
      errors: [
        {
          messageId: 'bgppeer',
          data: { object: 'BGPPeer "tor1"', profile: 'fast' },
          severity: 'error',
          file: 'metallb.yaml',
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 19,
        },
      ],
    },
    {
      name: 'an FRRConfiguration neighbor names a profile that only another FRRConfiguration defines',
      files: '#- a.yaml\n' + config('node1', 'slow', 'fast') + '#- b.yaml\n' + config('node2', 'fast', 'fast'),
      errors: [
        {
          messageId: 'frrk8s',
          data: { object: 'FRRConfiguration "node1" neighbor 192.0.2.1', profile: 'fast' },
          severity: 'error',
          file: 'a.yaml',
          line: 13,
          column: 25,
          endLine: 13,
          endColumn: 29,
        },
      ],
    },
    {
      name: 'a frr.conf neighbor names a profile that the file does not define (a warning)',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.10 remote-as 64513
         neighbor 192.0.2.10 bfd profile fast
        exit
        bfd
         profile slow
         exit
        exit
      `,
      errors: [
        {
          messageId: 'frr',
          data: { command: 'neighbor 192.0.2.10 bfd profile fast', profile: 'fast' },
          severity: 'warning',
          file: 'frr.conf',
          line: 3,
          column: 34,
          endLine: 3,
          endColumn: 38,
        },
      ],
    },
  ],
});
