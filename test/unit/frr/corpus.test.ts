// Every real configuration of the shared corpus parses without a throw, losslessly and with every range
// in bounds. Machine-rendered MetalLB and frr-k8s files have no structural error; the FRR topotests have
// exactly the structural errors listed below, each one confirmed by `vtysh -C` of FRR 8.4.4, which
// rejects the same line.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/core/text/line-index';
import { checkFrrInvariants } from './invariants';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');
const TOPOTESTS = path.join(CORPUS, 'frr/tests/topotests');

function filesUnder(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(suffix)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/**
 * `file:line code` of every parse error in the topotests. Each is a line vtysh 8.4.4 rejects too:
 * `exit-address-family` in a `router bgp` without an open address family (bgp_vpnv4_per_nexthop_label
 * r13: `neighbor ... remote-as` inside the address family already walked up to router bgp), and the
 * `exit` lines of mgmt_config that test vtysh's early exit.
 */
const EXPECTED_TOPOTEST_ERRORS = [
  'bgp_aggregate_address_origin/r2/bgpd.conf:5 stray-closer',
  'bgp_aggregate_address_route_map/r2/bgpd.conf:5 stray-closer',
  'bgp_distance_change/r1/bgpd.conf:5 stray-closer',
  'bgp_maximum_prefix_out/r2/bgpd.conf:6 stray-closer',
  'bgp_set_local_preference_add_subtract/r1/bgpd.conf:7 stray-closer',
  'bgp_show_advertised_routes_detail/r1/frr.conf:12 stray-closer',
  'bgp_tcp_mss/r1/bgpd.conf:8 stray-closer',
  'bgp_tcp_mss/r2/bgpd.conf:8 stray-closer',
  'bgp_vpnv4_per_nexthop_label/r13/bgpd.conf:7 stray-closer',
  'mgmt_config/r1/early-exit-zebra.conf:2 top-level-exit',
  'mgmt_config/r1/early-exit.conf:2 top-level-exit',
  'mgmt_config/r1/early-exit2-zebra.conf:3 top-level-exit',
  'mgmt_config/r1/early-exit2.conf:3 top-level-exit',
  'mgmt_config/r1/normal-exit.conf:2 top-level-exit',
  'mgmt_config/r1/one-exit-zebra.conf:2 top-level-exit',
  'mgmt_config/r1/one-exit.conf:2 top-level-exit',
  'mgmt_config/r1/one-exit2-zebra.conf:3 top-level-exit',
  'mgmt_config/r1/one-exit2.conf:3 top-level-exit',
  'zebra_nhg_check/r2/frr.conf:777 stray-closer',
];

describe('frr parser on the shared corpus', () => {
  it('parses all 2,827 FRR topotest files losslessly with every range in bounds', (t) => {
    const files = filesUnder(path.join(CORPUS, 'frr'), '.conf');
    assert.equal(files.length, 2827, `*.conf files under ${path.join(CORPUS, 'frr')}`);
    const errors: string[] = [];
    const byCode = new Map<string, number>();
    let withErrors = 0;
    let routers = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const view = checkFrrInvariants(text);
      routers += view.routers.length;
      const index = new LineIndex(text);
      if (view.tree.errors.length > 0) withErrors++;
      for (const e of view.tree.errors) {
        byCode.set(e.code, (byCode.get(e.code) ?? 0) + 1);
        errors.push(`${path.relative(TOPOTESTS, file)}:${index.positionAt(e.range.start).line + 1} ${e.code}`);
      }
    }
    t.diagnostic(`${files.length} files, ${routers} router bgp blocks, ${withErrors} files with parse errors: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}`);
    assert.deepEqual(errors, EXPECTED_TOPOTEST_ERRORS);
  });

  for (const [name, dir] of [
    ['MetalLB', 'metallb/internal/bgp/frr/testdata'],
    ['frr-k8s', 'frr-k8s/internal/frr/testdata'],
  ] as const) {
    it(`parses every ${name} golden file losslessly and without a structural error`, () => {
      const files = filesUnder(path.join(CORPUS, dir), '.golden');
      assert.ok(files.length >= 30, `${files.length} golden files under ${dir}`);
      let routers = 0;
      for (const file of files) {
        const view = checkFrrInvariants(readFileSync(file, 'utf8'));
        routers += view.routers.length;
        const structural = view.tree.errors.filter((e) => e.code === 'stray-closer' || e.code === 'misplaced-address-family');
        assert.deepEqual(structural, [], path.relative(CORPUS, file));
        assert.deepEqual(view.tree.errors, [], path.relative(CORPUS, file));
      }
      assert.ok(routers >= files.length / 2, `${routers} router bgp blocks found`);
    });
  }
});
