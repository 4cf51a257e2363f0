/**
 * The FRR rules over the MetalLB and frr-k8s golden outputs, read in place from ../shared/corpus: every
 * `*.golden` that is frr.conf text (MetalLB FRR mode, frr-k8s), and the FRRConfiguration JSON goldens of
 * MetalLB's frr-k8s mode (their raw config is embedded frr.conf). No FRR-family finding is allowed except on
 * a line that `vtysh -C` of FRR 8.4.4 rejects (table below; checked against vtysh when it is installed).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../../../server/src/core/lint';
import { parseFile } from '../../../server/src/core/project';
import { FRR_RULES } from '../../../server/src/core/rules/family-frr';
import { findingRange } from '../../helpers/rule-tester';

const CORPUS = resolve(__dirname, '../../../../shared/corpus');
const FRR_CONF_DIRS = ['metallb/internal/bgp/frr/testdata', 'frr-k8s/internal/frr/testdata'];
const JSON_DIRS = ['metallb/internal/bgp/frrk8s/testdata'];

/**
 * Lines of the frr.conf goldens that vtysh -C of FRR 8.4.4 (Debian 12) rejects, measured with
 * `vtysh -C -f FILE` on 2026-11-26. Neither is a command grlint models, so no FRR rule reports them.
 */
const VTYSH_REJECTS: Readonly<Record<string, readonly number[]>> = {
  'metallb/internal/bgp/frr/testdata/TestDockerTestfails.golden': [18], // "wrong line", a deliberately broken test input
  'metallb/internal/bgp/frr/testdata/TestSingleAdvertisementInvalid.golden': [4], // "hostname" without a name
  'frr-k8s/internal/frr/testdata/TestDockerTestfails.golden': [18],
};

function goldens(dirs: readonly string[]): string[] {
  return dirs.flatMap((d) =>
    readdirSync(join(CORPUS, d))
      .filter((n) => n.endsWith('.golden'))
      .sort()
      .map((n) => `${d}/${n}`),
  );
}

function frrFindings(rel: string, languageId: 'frr' | 'yaml'): string[] {
  const text = readFileSync(join(CORPUS, rel), 'utf8');
  const r = lint([parseFile({ uri: rel, text, languageId })], { rules: FRR_RULES });
  assert.deepEqual(r.internalErrors, []);
  return r.findings.map((f) => `${f.code} ${findingRange(f, text).line}: ${f.message}`);
}

describe('FRR rules on the MetalLB and frr-k8s golden outputs', () => {
  const confs = goldens(FRR_CONF_DIRS);
  const jsons = goldens(JSON_DIRS);

  it('finds the golden files', () => {
    assert.ok(confs.length >= 80, `${confs.length} frr.conf goldens`);
    assert.ok(jsons.length >= 30, `${jsons.length} FRRConfiguration goldens`);
  });

  it('reports nothing on a frr.conf golden except on lines vtysh rejects', () => {
    const unexpected: string[] = [];
    for (const rel of confs) {
      for (const f of frrFindings(rel, 'frr')) {
        const line = Number(/^\S+ (\d+):/.exec(f)![1]);
        if (!(VTYSH_REJECTS[rel] ?? []).includes(line)) unexpected.push(`${rel}: ${f}`);
      }
    }
    assert.deepEqual(unexpected, []);
  });

  it('reports nothing on the raw config of the FRRConfiguration goldens', () => {
    const unexpected = jsons.flatMap((rel) => frrFindings(rel, 'yaml').map((f) => `${rel}: ${f}`));
    assert.deepEqual(unexpected, []);
  });
});

const vtysh = spawnSync('vtysh', ['--help'], { encoding: 'utf8' });
const noVtysh = vtysh.error !== undefined ? 'vtysh is not installed (apt-get install -y frr): the table is not re-measured' : false;

describe('the table of vtysh rejections is current', { skip: noVtysh }, () => {
  it('vtysh -C rejects exactly the listed lines of every frr.conf golden', () => {
    const measured: Record<string, number[]> = {};
    for (const rel of goldens(FRR_CONF_DIRS)) {
      const r = spawnSync('vtysh', ['-C', '-f', join(CORPUS, rel)], { encoding: 'utf8' });
      const lines = [...`${r.stdout}\n${r.stderr}`.matchAll(/^line (\d+): %/gm)].map((m) => Number(m[1]));
      if (lines.length > 0) measured[relative(CORPUS, join(CORPUS, rel))] = [...new Set(lines)].sort((a, b) => a - b);
    }
    assert.deepEqual(measured, VTYSH_REJECTS);
  });
});
