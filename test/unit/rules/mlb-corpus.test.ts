/**
 * The MLB rules over the real MetalLB and frr-k8s corpus (../shared/corpus): sample CRs, the CRs
 * MetalLB's converter writes from legacy ConfigMaps, and the FRRConfigurations MetalLB generates for
 * frr-k8s (JSON goldens without apiVersion and kind). Each file is linted on its own, as the example
 * it is. Every finding below is justified; anything else is noise and fails the test.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseK8sYaml } from '../../../server/src/core/k8s/parse';
import { MLB_RULES } from '../../../server/src/core/rules/family-mlb';
import { LineIndex } from '../../../server/src/core/text/line-index';
import { lintFiles } from '../../helpers/lint-files';
import { CORPUS, corpusFiles } from '../k8s/corpus';

/** `path:line:column CODE message` for every MLB finding of one corpus file linted alone. */
function lintOne(path: string, config?: string): string[] {
  const text = readFileSync(path, 'utf8');
  // `.golden` files are YAML or JSON; name them so that the project reads them as YAML.
  const uri = relative(CORPUS, path) + (path.endsWith('.golden') ? '.yaml' : '');
  const files = new Map([[uri, text]]);
  if (config) files.set('.grlint.yaml', config);
  const r = lintFiles(files, { rules: MLB_RULES });
  assert.deepEqual(r.internalErrors, []);
  const idx = new LineIndex(text);
  return r.findings.map((f) => {
    const p = idx.positionAt(f.loc.range.start);
    return `${relative(CORPUS, path)}:${p.line + 1}:${p.character + 1} ${f.code} ${f.message}`;
  });
}

function lintDir(dir: string, config?: string): string[] {
  return corpusFiles(join(CORPUS, dir)).flatMap((p) => lintOne(p, config));
}

describe('MLB rules on the corpus', () => {
  it('MetalLB sample CRs are clean', () => {
    assert.deepEqual(lintDir('metallb/configsamples'), []);
  });

  it('the FRRConfigurations MetalLB generates for frr-k8s are clean (38 JSON goldens, read as inferred objects)', () => {
    const files = corpusFiles(join(CORPUS, 'metallb/internal/bgp/frrk8s/testdata'));
    assert.equal(files.length, 38);
    const objects = files.flatMap((p) => parseK8sYaml(readFileSync(p, 'utf8')).objects);
    assert.equal(objects.filter((o) => o.kind === 'FRRConfiguration' && o.inferred).length, 38);
    assert.ok(objects.some((o) => o.namespace?.value === 'testnamespace'));
    assert.ok(objects.some((o) => o.kind === 'FRRConfiguration' && o.spec.bgp?.value.routers?.value.some((r) => r.neighbors?.value.some((n) => n.password))));
    // They hold `password` (copied from a BGPPeer), `holdTime: 1s` (TMR201's) and the namespace
    // `testnamespace`: none of that is an MLB finding on generated objects.
    assert.deepEqual(files.flatMap((p) => lintOne(p)), []);
  });

  it('the CRs converted from legacy ConfigMaps: plain passwords, and peers FRR mode rejects', () => {
    assert.deepEqual(lintDir('metallb/configmaptocrs'), [
      // The legacy configs set `password: "yourPassword"`; the converter keeps it in plain text.
      'metallb/configmaptocrs/testdata/configmap-data/config-data-full.golden:21:3 MLB411 BGPPeer "peer1" has its BGP password in plain text in the password field',
      // peer3 sets routerID 1.2.3.4 and selects node prod-01; peer1 and peer2 set none and select every
      // node. MetalLB's peersCanRunOnSameNode (internal/config/validation.go) compares the router IDs as
      // written ("1.2.3.4" != ""), so in FRR and frr-k8s modes this configuration is rejected.
      'metallb/configmaptocrs/testdata/configmap-data/config-data-peers.golden:47:3 MLB411 BGPPeer "peer3" has its BGP password in plain text in the password field',
      'metallb/configmaptocrs/testdata/configmap-data/config-data-peers.golden:52:13 MLB407 BGPPeer "peer3" has routerID "1.2.3.4", but BGPPeer "peer1" has none, and both select overlapping nodes: MetalLB wants one router ID per node',
      'metallb/configmaptocrs/testdata/configmap-data/config-data-peers.golden:52:13 MLB407 BGPPeer "peer3" has routerID "1.2.3.4", but BGPPeer "peer2" has none, and both select overlapping nodes: MetalLB wants one router ID per node',
      'metallb/configmaptocrs/testdata/configmap-yaml/config-yaml-full.golden:21:3 MLB411 BGPPeer "peer1" has its BGP password in plain text in the password field',
      'metallb/configmaptocrs/testdata/configmap-yaml/config-yaml-peers.golden:47:3 MLB411 BGPPeer "peer3" has its BGP password in plain text in the password field',
      'metallb/configmaptocrs/testdata/configmap-yaml/config-yaml-peers.golden:52:13 MLB407 BGPPeer "peer3" has routerID "1.2.3.4", but BGPPeer "peer1" has none, and both select overlapping nodes: MetalLB wants one router ID per node',
      'metallb/configmaptocrs/testdata/configmap-yaml/config-yaml-peers.golden:52:13 MLB407 BGPPeer "peer3" has routerID "1.2.3.4", but BGPPeer "peer2" has none, and both select overlapping nodes: MetalLB wants one router ID per node',
    ]);
  });

  it('the same peers pass in native mode, where MetalLB does not compare router IDs', () => {
    const found = lintDir('metallb/configmaptocrs', 'metallb:\n  mode: native\n');
    assert.equal(found.filter((f) => f.includes(' MLB407 ')).length, 0);
    assert.equal(found.filter((f) => f.includes(' MLB411 ')).length, 4);
  });

  it('frr-k8s samples (in frr-k8s-system): stale toReceive prefixes and a selector field that does not exist', () => {
    const config = 'metallb:\n  namespace: frr-k8s-system\n';
    const prefix = (file: string, line: number, index: number, address: string, value: string): string =>
      `frr-k8s/config/samples/${file}:${line}:15 MLB402 toReceive.allowed.prefixes[${index}] of FRRConfiguration "test" neighbor ${address} is the string "${value}", but the CRD wants a mapping`;
    assert.deepEqual(lintDir('frr-k8s/config/samples', config), [
      // Since frr-k8s 24e42c2 (2023-10-26, "API: allow to specify incoming prefix qualifiers") the items of
      // toReceive.allowed.prefixes are PrefixSelector objects ({prefix, le, ge}); these samples date from
      // 2023-10-06 and still list plain strings, which the API server rejects.
      prefix('four_neighs_mixed_receive_advertise.yaml', 30, 0, '172.18.0.5', '192.168.2.0/24'),
      prefix('four_neighs_mixed_receive_advertise.yaml', 31, 1, '172.18.0.5', '192.169.2.0/24'),
      prefix('four_neighs_mixed_receive_advertise.yaml', 43, 0, '172.30.0.2', '192.168.2.0/24'),
      prefix('four_neighs_mixed_receive_advertise.yaml', 44, 1, '172.30.0.2', '192.169.2.0/24'),
      prefix('four_neighs_mixed_receive_advertise.yaml', 55, 0, '172.18.0.6', '192.168.2.0/24'),
      prefix('four_neighs_mixed_receive_advertise.yaml', 56, 1, '172.18.0.6', '192.169.2.0/24'),
      // metav1.LabelSelector has matchLabels and matchExpressions only: strict field validation rejects
      // `labelSelector`, and without it the field is pruned and the configuration selects every node.
      'frr-k8s/config/samples/node_selector.yaml:21:5 MLB403 unknown field "labelSelector" in spec.nodeSelector of FRRConfiguration "test"',
      prefix('two_neighs_receive_some_ips_from_one.yaml', 17, 0, '172.18.0.5', '192.168.2.0/24'),
      prefix('two_neighs_receive_some_ips_from_one.yaml', 18, 1, '172.18.0.5', '192.169.2.0/24'),
    ]);
  });

  it('frr-k8s samples in frr-k8s-system need no namespace setting: no MLB412 with the default namespace', () => {
    const found = lintDir('frr-k8s/config/samples');
    assert.equal(found.filter((f) => f.includes(' MLB412 ')).length, 0);
    assert.equal(found.length, 9);
  });

  it('MetalLB and frr-k8s CRD files and frr.conf goldens produce nothing', () => {
    assert.deepEqual([...lintDir('metallb/config'), ...lintDir('frr-k8s/config/crd'), ...lintDir('metallb/internal/bgp/frr'), ...lintDir('frr-k8s/internal')], []);
  });
});
