import rule from '../../../server/src/core/rules/graceful-restart-in-native-mode';
import { source } from '../../helpers/fixture';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (extra: string): string =>
  [
    '#- metallb.yaml',
    'apiVersion: metallb.io/v1beta2',
    'kind: BGPPeer',
    'metadata:',
    '  name: tor1',
    '  namespace: metallb-system',
    'spec:',
    '  myASN: 64513',
    '  peerASN: 64512',
    `  peerAddress: 192.0.2.1${extra}`,
  ].join('\n') + '\n';

const GR = '\n  enableGracefulRestart: true';
const NATIVE = '#- .grlint.yaml\nmetallb:\n  mode: native\n';

const values = (frr: string, frrk8s: string): string => `#- values.yaml\nspeaker:\n  frr:\n    enabled: ${frr}\nfrrk8s:\n  enabled: ${frrk8s}\n`;

ruleTester(rule, {
  valid: [
    { name: 'no mode configured and no Helm values: grlint cannot tell', files: peer(GR) },
    { name: 'frr-k8s mode from .grlint.yaml', files: '#- .grlint.yaml\nmetallb:\n  mode: frr-k8s\n' + peer(GR) },
    {
      name: 'native mode with a BGPPeer that uses no FRR-only field (GR false, keepaliveTime 0s)',
      files: NATIVE + peer('\n  enableGracefulRestart: false\n  holdTime: 90s\n  keepaliveTime: 0s'),
    },
    { name: 'Helm values that select frr-k8s mode', files: values('false', 'true') + peer(GR) },
    { name: 'Helm values that select FRR mode', files: values('true', 'false') + peer(GR) },
    {
      name: 'Helm values that set only speaker.frr.enabled do not decide the mode (chart defaults changed)',
      files: '#- values.yaml\nspeaker:\n  frr:\n    enabled: false\n' + peer(GR),
    },
    { name: '.grlint.yaml wins over Helm values', files: '#- .grlint.yaml\nmetallb:\n  mode: frr\n' + values('false', 'false') + peer(GR) },
    {
      name: 'another values file selects an FRR mode: the workspace is ambiguous',
      files: values('false', 'false') + values('false', 'true').replace('#- values.yaml', '#- values-prod.yaml') + peer(GR),
    },
    {
      name: 'a values file that disables the speaker',
      files: '#- values.yaml\nspeaker:\n  enabled: false\n  frr:\n    enabled: false\nfrrk8s:\n  enabled: false\n' + peer(GR),
    },
  ],
  invalid: [
    {
      name: 'enableGracefulRestart in native mode from .grlint.yaml',
      files: NATIVE + peer(GR),
      errors: [
        {
          messageId: 'nativeMode',
          data: { peer: 'BGPPeer "tor1"', field: 'enableGracefulRestart', source: '.grlint.yaml metallb.mode: native' },
          file: 'metallb.yaml',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 30,
          severity: 'error',
          related: [],
        },
      ],
    },
    {
      name: 'every FRR-only field is reported',
      files: NATIVE + peer(GR + '\n  bfdProfile: fast\n  keepaliveTime: 10s\n  connectTime: 5s\n  vrf: red\n  localASN: 64600'),
      errors: [
        { messageId: 'nativeMode', data: { field: 'enableGracefulRestart' }, file: 'metallb.yaml', line: 10, column: 3, endLine: 10, endColumn: 30 },
        { messageId: 'nativeMode', data: { field: 'bfdProfile' }, file: 'metallb.yaml', line: 11, column: 3, endLine: 11, endColumn: 19 },
        { messageId: 'nativeMode', data: { field: 'keepaliveTime' }, file: 'metallb.yaml', line: 12, column: 3, endLine: 12, endColumn: 21 },
        { messageId: 'nativeMode', data: { field: 'connectTime' }, file: 'metallb.yaml', line: 13, column: 3, endLine: 13, endColumn: 18 },
        { messageId: 'nativeMode', data: { field: 'vrf' }, file: 'metallb.yaml', line: 14, column: 3, endLine: 14, endColumn: 11 },
        { messageId: 'nativeMode', data: { field: 'localASN' }, file: 'metallb.yaml', line: 15, column: 3, endLine: 15, endColumn: 18 },
      ],
    },
    {
      name: 'a MetalLB Helm values file that selects native mode',
      files: values('false', 'false') + peer(GR),
      errors: [
        {
          messageId: 'nativeMode',
          data: { source: 'Helm values values.yaml' },
          file: 'metallb.yaml',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 30,
          related: ['values.yaml:3:14'],
        },
      ],
    },
    {
      name: 'an umbrella chart with MetalLB values under metallb:, YAML 1.1 booleans as Helm reads them',
      files:
        '#- values.yaml\nmetallb:\n  speaker:\n    frr:\n      enabled: no\n  frrk8s:\n    enabled: off\n' +
        source`
          #- metallb.yaml
          apiVersion: metallb.io/v1beta2
          kind: BGPPeer
          metadata:
            name: unnumbered
            namespace: metallb-system
          spec:
            myASN: 64513
            dynamicASN: external
            interface: eth1
        `,
      errors: [
        { messageId: 'nativeMode', data: { peer: 'BGPPeer "unnumbered"', field: 'dynamicASN' }, file: 'metallb.yaml', line: 8, column: 3, endLine: 8, endColumn: 23 },
        { messageId: 'nativeMode', data: { field: 'interface' }, file: 'metallb.yaml', line: 9, column: 3, endLine: 9, endColumn: 18 },
      ],
    },
  ],
});
