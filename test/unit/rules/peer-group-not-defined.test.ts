import rule from '../../../server/src/core/rules/peer-group-not-defined';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    {
      name: 'members, interface neighbors and listen ranges of a peer-group defined before them',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor NODES peer-group
         neighbor NODES remote-as external
         neighbor 192.0.2.3 peer-group NODES
         neighbor eth0 interface peer-group NODES
         neighbor eth1 interface v6only peer-group NODES
         bgp listen range 192.0.2.128/25 peer-group NODES
        exit
      `,
    },
    {
      name: 'a peer-group defined in an earlier block of the same instance',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor NODES peer-group
        exit
        router bgp 64512
         neighbor 192.0.2.3 peer-group NODES
        exit
      `,
    },
    {
      name: 'a "no" membership line is not judged',
      files: source`
        #- frr.conf
        router bgp 64512
         no neighbor 192.0.2.3 peer-group NOPE
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'a member joins a peer-group defined only after it',
      files: source`
        #- frr.conf
        router bgp 64512
         neighbor 192.0.2.3 peer-group NODES
         neighbor NODES peer-group
         neighbor NODES remote-as external
        exit
      `,
      errors: [
        {
          messageId: 'undefined',
          data: { group: 'NODES', instance: '64512' },
          file: 'frr.conf',
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 37,
          related: ['frr.conf:3:2'],
        },
      ],
    },
    {
      name: 'a listen range and an interface neighbor name a peer-group that does not exist',
      files: source`
        #- frr.conf
        router bgp 64512 vrf red
         bgp listen range 192.0.2.128/25 peer-group NOPE
         neighbor eth0 interface peer-group NOPE
        exit
      `,
      errors: [
        { messageId: 'undefined', data: { group: 'NOPE', instance: '64512 vrf red' }, file: 'frr.conf', line: 2, column: 45, endLine: 2, endColumn: 49 },
        { messageId: 'undefined', data: { group: 'NOPE', instance: '64512 vrf red' }, file: 'frr.conf', line: 3, column: 37, endLine: 3, endColumn: 41 },
      ],
    },
  ],
});
