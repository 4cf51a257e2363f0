import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import helperDisablesGracefulRestart from '../../../server/src/core/rules/helper-disables-graceful-restart';
import rule from '../../../server/src/core/rules/suppression-unused';
import valueOutOfRange from '../../../server/src/core/rules/value-out-of-range';
import { source, splitFixture } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';
import { ruleTester } from '../../helpers/rule-tester';

// With only GRL901 running, nothing is suppressed: every directive is unused.
ruleTester(rule, {
  valid: [
    {
      name: 'a file without directives',
      files: source`
        #- frr.conf
        ! grlint: no directive here, disable-next-line is just words
        router bgp 64512
        exit
      `,
    },
  ],
  invalid: [
    {
      name: 'a lone next-line directive in frr.conf is removed with its line',
      files: source`
        #- frr.conf
        router bgp 64512
         ! grlint-disable-next-line GR101
         neighbor 192.0.2.10 remote-as 64513
        exit
      `,
      errors: [{ messageId: 'unused', data: { code: 'GR101' }, file: 'frr.conf', line: 2, column: 29, endLine: 2, endColumn: 34 }],
      output: {
        'frr.conf': source`
          router bgp 64512
           neighbor 192.0.2.10 remote-as 64513
          exit
        `,
      },
    },
    {
      name: 'a YAML end-of-line directive and a directive that lists two codes have no fix',
      files: source`
        #- metallb.yaml
        apiVersion: metallb.io/v1beta2
        kind: BGPPeer
        metadata:
          name: tor1 # grlint-disable-line MLB412
          namespace: metallb-system
        spec:
          # grlint-disable-next-line GR101,GR102
          myASN: 64513
      `,
      errors: [
        { messageId: 'unused', data: { code: 'MLB412' }, file: 'metallb.yaml', line: 4, column: 36, endLine: 4, endColumn: 42 },
        { messageId: 'unused', data: { code: 'GR101' }, file: 'metallb.yaml', line: 7, column: 30, endLine: 7, endColumn: 35 },
        { messageId: 'unused', data: { code: 'GR102' }, file: 'metallb.yaml', line: 7, column: 36, endLine: 7, endColumn: 41 },
      ],
    },
  ],
});

describe('GRL901 with the suppressed rules running', () => {
  const files = splitFixture(source`
    #- frr.conf
    frr version 8.4.4
    router bgp 64512
     bgp router-id 192.0.2.1
     ! grlint-disable-next-line GR101
     neighbor 192.0.2.10 remote-as 64513
     ! grlint-disable-next-line GR101
     neighbor 192.0.2.10 graceful-restart-disable
     ! grlint-disable-next-line FRR501,GR101
     bgp graceful-restart restart-time 9999
    exit
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
  `);
  const r = lintFiles(files, { rules: [helperDisablesGracefulRestart, valueOutOfRange, rule] });

  it('a directive that suppressed a finding is used; one that did not is reported', () => {
    assert.deepEqual(r.internalErrors, []);
    assert.deepEqual(
      r.findings.map((f) => `${f.code} ${f.loc.uri}:${f.loc.range.start} ${f.message}`),
      [
        `GRL901 frr.conf:${files.get('frr.conf')!.indexOf('GR101')} the grlint-disable comment for GR101 suppresses no finding`,
        `GRL901 frr.conf:${files.get('frr.conf')!.indexOf('GR101', files.get('frr.conf')!.indexOf('FRR501'))} the grlint-disable comment for GR101 suppresses no finding`,
      ],
    );
  });

  it('the unused code of a two-code directive gets no fix (removing the line would drop the used one)', () => {
    const last = r.findings[1]!;
    assert.deepEqual(last.fixes, []);
    const first = r.findings[0]!;
    assert.equal(first.fixes.length, 1);
    assert.equal(first.fixes[0]!.applicability, 'safe');
    assert.equal(first.fixes[0]!.title, 'Remove the unused grlint-disable-next-line GR101');
  });

  it('turned off in .grlint.yaml, it reports nothing', () => {
    const off = new Map(files);
    off.set('.grlint.yaml', 'rules:\n  GRL901: off\n');
    const r2 = lintFiles(off, { rules: [helperDisablesGracefulRestart, valueOutOfRange, rule] });
    assert.deepEqual(r2.findings.filter((f) => f.code === 'GRL901'), []);
  });
});
