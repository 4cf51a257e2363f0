import rule from '../../../server/src/core/rules/bgppeer-v1beta1-deprecated';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (api: string, extra = ''): string =>
  [`apiVersion: ${api}`, 'kind: BGPPeer', 'metadata:', '  name: tor1', '  namespace: metallb-system', 'spec:', '  myASN: 64513', '  peerASN: 64512', '  peerAddress: 192.0.2.1', ...(extra ? [extra] : [])].join('\n') + '\n';

const V1 = 'metallb.io/v1beta1';
const V2 = 'metallb.io/v1beta2';

ruleTester(rule, {
  valid: [
    { name: 'a v1beta2 BGPPeer without timers', files: '#- peers.yaml\n' + peer(V2) },
    { name: 'v1beta1 of the other MetalLB kinds is their current version', files: '#- bfd.yaml\napiVersion: metallb.io/v1beta1\nkind: BFDProfile\nmetadata:\n  name: fast\nspec:\n  detectMultiplier: 3\n' },
  ],
  invalid: [
    {
      name: 'a v1beta1 BGPPeer without timers: converted with FRR\'s default timers written out (unsafe)',
      files: '#- peers.yaml\n' + peer(V1),
      errors: [
        { messageId: 'zeroTimers', data: { object: 'BGPPeer "tor1"', fields: 'holdTime and keepaliveTime' }, file: 'peers.yaml', line: 1, column: 13, endLine: 1, endColumn: 31, severity: 'warning' },
      ],
      unsafe: true,
      output: { 'peers.yaml': peer(V2, '  holdTime: 180s\n  keepaliveTime: 60s') },
    },
    {
      name: 'only holdTime: the keepalive MetalLB v1beta2 derives (hold / 3) is written',
      files: '#- peers.yaml\n' + peer(V1, '  holdTime: 1m30s'),
      errors: [{ messageId: 'zeroTimers', data: { fields: 'keepaliveTime' }, file: 'peers.yaml', line: 1, column: 13, endLine: 1, endColumn: 31 }],
      unsafe: true,
      output: { 'peers.yaml': peer(V2, '  holdTime: 1m30s\n  keepaliveTime: 30s') },
    },
    {
      name: 'only keepaliveTime: hold = 3 x keepalive is written, quoted like the value before it',
      files: '#- peers.yaml\n' + peer(V1, '  keepaliveTime: "20s"'),
      errors: [{ messageId: 'zeroTimers', data: { fields: 'holdTime' }, file: 'peers.yaml', line: 1, column: 13, endLine: 1, endColumn: 31 }],
      unsafe: true,
      output: { 'peers.yaml': peer(V2, '  keepaliveTime: "20s"\n  holdTime: "60s"') },
    },
    {
      name: 'both timers set: the conversion only changes the apiVersion, which is safe',
      files: '#- peers.yaml\n' + peer('"metallb.io/v1beta1"', '  holdTime: 90s\n  keepaliveTime: 30s'),
      errors: [{ messageId: 'deprecated', data: { object: 'BGPPeer "tor1"' }, file: 'peers.yaml', line: 1, column: 13, endLine: 1, endColumn: 33 }],
      output: { 'peers.yaml': peer('"metallb.io/v1beta2"', '  holdTime: 90s\n  keepaliveTime: 30s') },
    },
    {
      name: 'a v1beta2-only field makes the conversion unsafe: it starts to take effect',
      files: '#- peers.yaml\n' + peer(V1, '  holdTime: 90s\n  keepaliveTime: 30s\n  enableGracefulRestart: true'),
      errors: [{ messageId: 'deprecated', file: 'peers.yaml', line: 1, column: 13, endLine: 1, endColumn: 31 }],
      unsafe: true,
      output: { 'peers.yaml': peer(V2, '  holdTime: 90s\n  keepaliveTime: 30s\n  enableGracefulRestart: true') },
    },
    {
      name: 'a flow-style spec gets the timers in flow style',
      files: '#- peers.yaml\napiVersion: metallb.io/v1beta1\nkind: BGPPeer\nmetadata: {name: tor1}\nspec: {myASN: 64513, peerASN: 64512, peerAddress: 192.0.2.1}\n',
      errors: [{ messageId: 'zeroTimers', file: 'peers.yaml', line: 1, column: 13, endLine: 1, endColumn: 31 }],
      unsafe: true,
      output: { 'peers.yaml': 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata: {name: tor1}\nspec: {myASN: 64513, peerASN: 64512, peerAddress: 192.0.2.1, holdTime: 180s, keepaliveTime: 60s}\n' },
    },
    {
      name: 'no fix when a timer is not a duration',
      files: '#- peers.yaml\n' + peer(V1, '  holdTime: 90'),
      errors: [{ messageId: 'zeroTimers', data: { fields: 'keepaliveTime' }, file: 'peers.yaml', line: 1, column: 13, endLine: 1, endColumn: 31 }],
    },
  ],
});
