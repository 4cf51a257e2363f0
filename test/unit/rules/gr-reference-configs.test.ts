/**
 * Catalog §4: the reference configurations produce no warning or error from any GR rule, and neither do
 * the MetalLB / frr-k8s golden outputs and sample CRs of the shared corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { GR_RULES } from '../../../server/src/core/rules/family-gr';
import { source, splitFixture } from '../../helpers/fixture';
import { lintFiles } from '../../helpers/lint-files';

const CORPUS = resolve(__dirname, '../../../../shared/corpus');

function loud(files: ReadonlyMap<string, string>): string[] {
  const r = lintFiles(files, { rules: GR_RULES });
  assert.deepEqual(r.internalErrors, []);
  return r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.loc.uri}: ${f.code} ${f.message}`);
}

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
    enableGracefulRestart: true
`;

const ROUTER = source`
  #- tor1/frr.conf
  frr version 8.4.4
  frr defaults traditional
  hostname tor1
  !
  router bgp 64512
   bgp router-id 192.0.2.1
   neighbor 192.0.2.10 remote-as 64513
  exit
`;

describe('GR rules on the reference configurations (catalog §4)', () => {
  it('a BGPPeer with GR and no BFD, peering with a router that leaves GR at its defaults', () => {
    const files = splitFixture(PEER + ROUTER);
    // The pairing is what makes this a reference: the session exists and every session rule ran on it.
    assert.equal(lintFiles(files, { rules: GR_RULES }).model.sessions.length, 1);
    assert.deepEqual(loud(files), []);
    assert.deepEqual(lintFiles(files, { rules: GR_RULES }).findings, []);
  });

  it('the same with BFD, when the router has check-control-plane-failure', () => {
    const files = splitFixture(
      PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: true\n  bfdProfile: fast') +
        source`
          #- bfd.yaml
          apiVersion: metallb.io/v1beta1
          kind: BFDProfile
          metadata:
            name: fast
            namespace: metallb-system
          spec:
            receiveInterval: 300
            transmitInterval: 300
        ` +
        ROUTER.replace(
          ' neighbor 192.0.2.10 remote-as 64513\n',
          ' neighbor 192.0.2.10 remote-as 64513\n neighbor 192.0.2.10 bfd\n neighbor 192.0.2.10 bfd check-control-plane-failure\n',
        ),
    );
    assert.equal(lintFiles(files, { rules: GR_RULES }).model.sessions.length, 1);
    assert.deepEqual(loud(files), []);
  });

  it('an frr-k8s neighbor with GR, peering with a router that leaves GR at its defaults', () => {
    const files = splitFixture(
      source`
        #- frrk8s.yaml
        apiVersion: frrk8s.metallb.io/v1beta1
        kind: FRRConfiguration
        metadata:
          name: tor1
          namespace: metallb-system
        spec:
          bgp:
            routers:
            - asn: 64513
              neighbors:
              - address: 192.0.2.1
                asn: 64512
                enableGracefulRestart: true
      ` + ROUTER,
    );
    assert.equal(lintFiles(files, { rules: GR_RULES }).model.sessions.length, 1);
    assert.deepEqual(loud(files), []);
  });
});

function walk(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

describe('GR rules on the MetalLB and frr-k8s corpus', () => {
  const sets: { dir: string; name: (p: string) => string }[] = [
    // frr.conf that MetalLB and frr-k8s render (golden outputs); `.frr` makes them frr.conf input.
    { dir: join(CORPUS, 'metallb/internal/bgp/frr/testdata'), name: (p) => `${basename(p)}.frr` },
    { dir: join(CORPUS, 'frr-k8s/internal/frr/testdata'), name: (p) => `${basename(p)}.frr` },
    // FRRConfigurations MetalLB renders for frr-k8s (JSON), and sample CRs.
    { dir: join(CORPUS, 'metallb/internal/bgp/frrk8s/testdata'), name: (p) => `${basename(p)}.yaml` },
    { dir: join(CORPUS, 'metallb/configsamples'), name: (p) => basename(p) },
    { dir: join(CORPUS, 'frr-k8s/config/samples'), name: (p) => basename(p) },
  ];
  for (const set of sets) {
    it(`is silent on ${set.dir.slice(CORPUS.length + 1)}`, () => {
      const paths = walk(set.dir).filter((p) => /\.(golden|ya?ml)$/.test(p));
      assert.ok(paths.length > 5, `${paths.length} files in ${set.dir}`);
      for (const p of paths) assert.deepEqual(loud(new Map([[set.name(p), readFileSync(p, 'utf8')]])), [], p);
    });
  }
});
