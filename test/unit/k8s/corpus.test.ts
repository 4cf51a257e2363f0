import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { decodeEmbedded } from '../../../server/src/core/k8s/embedded';
import { parseK8sYaml } from '../../../server/src/core/k8s/parse';
import { CORPUS, eachRange, k8sCorpusFiles } from './corpus';

const FILES = k8sCorpusFiles();

function rel(p: string): string {
  return relative(CORPUS, p);
}

describe('parseK8sYaml over the real-world corpus', () => {
  it('finds the corpus', () => {
    assert.ok(FILES.length > 150, `${FILES.length} files under ${CORPUS}`);
  });

  it('parses every .yaml and .golden file without throwing, with every range inside the file', () => {
    for (const f of FILES) {
      const text = readFileSync(f, 'utf8');
      const r = parseK8sYaml(text);
      eachRange(r, (x) => assert.ok(0 <= x.start && x.start <= x.end && x.end <= text.length, `${rel(f)}: range ${x.start}-${x.end}`));
    }
  });

  it('reads the sample CRs and converted goldens without errors or wrong types', () => {
    const samples = FILES.filter((f) => /configsamples|config\/samples|configmaptocrs\/.*\.golden$/.test(f));
    assert.ok(samples.length > 30);
    for (const f of samples) {
      const r = parseK8sYaml(readFileSync(f, 'utf8'));
      assert.deepEqual(r.errors, [], rel(f));
      assert.equal(r.isK8s, true, rel(f));
      assert.ok(r.objects.length > 0, `${rel(f)} has objects`);
      for (const o of r.objects) assert.deepEqual(o.invalid, [], `${rel(f)} ${o.kind} ${o.name?.value}`);
    }
  });

  it('reads every JSON golden of MetalLB\'s frr-k8s mode as one FRRConfiguration', () => {
    const goldens = FILES.filter((f) => f.includes('internal/bgp/frrk8s/testdata/'));
    assert.ok(goldens.length > 30);
    for (const f of goldens) {
      const r = parseK8sYaml(readFileSync(f, 'utf8'));
      assert.deepEqual(r.errors, [], rel(f));
      assert.deepEqual(r.objects.map((o) => [o.kind, o.inferred]), [['FRRConfiguration', true]], rel(f));
      const c = r.objects[0];
      assert.ok(c?.kind === 'FRRConfiguration');
      assert.deepEqual(c.invalid, [], rel(f));
    }
  });

  it('finds the graceful-restart neighbor of TestSingleEBGPSessionGracefullRestart.golden', () => {
    const f = FILES.find((x) => x.endsWith('frrk8s/testdata/TestSingleEBGPSessionGracefullRestart.golden'));
    assert.ok(f);
    const text = readFileSync(f, 'utf8');
    const c = parseK8sYaml(text).objects[0];
    assert.ok(c?.kind === 'FRRConfiguration');
    const n = c.spec.bgp?.value.routers?.value[0]?.neighbors?.value[0];
    assert.equal(n?.enableGracefulRestart?.value, true);
    assert.equal(text.slice(n.enableGracefulRestart.range.start, n.enableGracefulRestart.range.end), 'true');
  });

  it('sees no Kubernetes object in the frr.conf goldens and the CRDs', () => {
    const frrConfs = FILES.filter((f) => /internal\/(bgp\/)?frr\/testdata\//.test(f));
    assert.ok(frrConfs.length > 60);
    for (const f of frrConfs) {
      const r = parseK8sYaml(readFileSync(f, 'utf8'));
      assert.equal(r.isK8s, false, rel(f));
      assert.deepEqual(r.objects, [], rel(f));
    }
    for (const f of FILES.filter((x) => x.includes('crd/bases/'))) {
      const r = parseK8sYaml(readFileSync(f, 'utf8'));
      assert.equal(r.isK8s, true, rel(f));
      assert.deepEqual(r.objects, [], rel(f));
      assert.deepEqual(r.errors, [], rel(f));
    }
  });

  it('decodes every embedded rawConfig exactly', () => {
    let count = 0;
    for (const f of FILES) {
      const text = readFileSync(f, 'utf8');
      for (const o of parseK8sYaml(text).objects) {
        const tv = o.kind === 'FRRConfiguration' ? o.spec.raw?.value.rawConfig : o.kind === 'ConfigMap' ? o.extras : undefined;
        if (!tv) continue;
        const e = decodeEmbedded(text, tv.node);
        assert.ok(e?.exact, rel(f));
        assert.equal(e.text, tv.value);
        count++;
      }
    }
    assert.ok(count >= 2, `${count} embedded texts`);
  });
});
