import rule from '../../../server/src/core/rules/graceful-restart-toggled';
import { ruleTester } from '../../helpers/rule-tester';

const peer = (gr: string, namespace = 'metallb-system', name = 'tor1'): string =>
  [
    'apiVersion: metallb.io/v1beta2',
    'kind: BGPPeer',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    '  myASN: 64513',
    '  peerASN: 64512',
    `  peerAddress: 192.0.2.1${gr}`,
  ].join('\n') + '\n';

const GR_TRUE = '\n  enableGracefulRestart: true';
const GR_FALSE = '\n  enableGracefulRestart: false';

const frrk8s = (gr: string): string =>
  [
    'apiVersion: frrk8s.metallb.io/v1beta1',
    'kind: FRRConfiguration',
    'metadata:',
    '  name: tor',
    '  namespace: metallb-system',
    'spec:',
    '  bgp:',
    '    routers:',
    '    - asn: 64513',
    '      neighbors:',
    '      - address: 192.0.2.1',
    `        asn: 64512${gr}`,
  ].join('\n') + '\n';

const base = (text: string, uri = 'metallb.yaml'): ReadonlyMap<string, string> => new Map([[uri, text]]);

ruleTester(rule, {
  valid: [
    { name: 'outside a git work tree there is no base revision', files: '#- metallb.yaml\n' + peer(GR_TRUE) },
    { name: 'unchanged since the base revision', files: '#- metallb.yaml\n' + peer(GR_TRUE), baseTexts: base(peer(GR_TRUE)) },
    {
      name: 'an explicit false where the base left the field out: the value is the same',
      files: '#- metallb.yaml\n' + peer(GR_FALSE),
      baseTexts: base(peer('')),
    },
    { name: 'a new object is not a change', files: '#- metallb.yaml\n' + peer(GR_TRUE, 'metallb-system', 'tor2'), baseTexts: base(peer('')) },
    { name: 'the same name in another namespace is another object', files: '#- metallb.yaml\n' + peer(GR_TRUE, 'other'), baseTexts: base(peer('')) },
    { name: 'a new file has no base text', files: '#- new.yaml\n' + peer(GR_TRUE), baseTexts: base(peer('')) },
    {
      name: 'a base value of the wrong type is not compared',
      files: '#- metallb.yaml\n' + peer(GR_TRUE),
      baseTexts: base(peer('\n  enableGracefulRestart: "false"')),
    },
  ],
  invalid: [
    {
      name: 'a BGPPeer that turns GR off',
      files: '#- metallb.yaml\n' + peer(GR_FALSE),
      baseTexts: base(peer(GR_TRUE)),
      errors: [
        {
          messageId: 'bgpPeer',
          data: { object: 'BGPPeer "tor1"', before: 'true', after: 'false' },
          file: 'metallb.yaml',
          line: 10,
          column: 26,
          endLine: 10,
          endColumn: 31,
          severity: 'error',
          related: [],
        },
      ],
    },
    {
      name: 'a BGPPeer that adds GR',
      files: '#- metallb.yaml\n' + peer(GR_TRUE),
      baseTexts: base(peer('')),
      errors: [{ messageId: 'bgpPeer', data: { before: 'false', after: 'true' }, file: 'metallb.yaml', line: 10, column: 26, endLine: 10, endColumn: 30, severity: 'error' }],
    },
    {
      name: 'a BGPPeer whose GR field was deleted: reported on its name',
      files: '#- metallb.yaml\n' + peer(''),
      baseTexts: base(peer(GR_TRUE)),
      errors: [{ messageId: 'bgpPeer', data: { before: 'true', after: 'false' }, file: 'metallb.yaml', line: 4, column: 9, endLine: 4, endColumn: 13 }],
    },
    {
      name: 'an FRRConfiguration neighbor that turns GR on is a warning',
      files: '#- frrk8s.yaml\n' + frrk8s('\n        enableGracefulRestart: true'),
      baseTexts: base(frrk8s(''), 'frrk8s.yaml'),
      errors: [
        {
          messageId: 'frrConfiguration',
          data: { object: 'FRRConfiguration "tor"', neighbor: '192.0.2.1', before: 'false', after: 'true' },
          file: 'frrk8s.yaml',
          line: 13,
          column: 32,
          endLine: 13,
          endColumn: 36,
          severity: 'warning',
        },
      ],
    },
  ],
});
