import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../server/src/core/rules/config-invalid';
import { source, splitFixture } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';
import { findingRange } from '../../helpers/rule-tester';

describe('GRL902 config-invalid', () => {
  const summary = (fixture: string): string[] => {
    const files = splitFixture(fixture);
    const r = lintFiles(files);
    return r.findings
      .filter((f) => f.code === rule.code)
      .map((f) => {
        const p = findingRange(f, files.get(f.loc.uri) ?? '');
        return `${f.loc.uri}:${p.line}:${p.column}-${p.endLine}:${p.endColumn} ${f.severity} ${f.message}`;
      });
  };

  it('reports an unknown rule with the nearest code, a bad severity and an unknown key on .grlint.yaml', () => {
    assert.deepEqual(
      summary(source`
        #- .grlint.yaml
        rules:
          GR1O1: off
          FRR501: fatal
        frrVersoin: 8.4.4
        #- frr.conf
        router bgp 64512
        exit
      `),
      [
        '.grlint.yaml:2:3-2:8 error unknown rule "GR1O1" (did you mean "GR101"?)',
        '.grlint.yaml:3:11-3:16 error severity of FRR501 must be one of off, info, warning, error',
        '.grlint.yaml:4:1-4:11 error unknown key "frrVersoin" (did you mean "frrVersion"?) (known: rules, frrVersion, frrVersions, metallb, topology, restartBudgetSeconds)',
      ],
    );
  });

  it('a valid configuration gives nothing', () => {
    assert.deepEqual(summary('#- .grlint.yaml\nrules:\n  GRL903: info\nfrrVersion: 8.4.4\n#- frr.conf\nrouter bgp 64512\nexit\n'), []);
  });

  it('is declared as an error rule without a fix', () => {
    assert.equal(rule.defaultSeverity, 'error');
    assert.equal(rule.fixAvailability, 'none');
    assert.ok(rule.messages['invalid']);
  });
});
