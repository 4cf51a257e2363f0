// FRR oracle: the boundary snippets (boundaries.ts) go through the installed FRR and the measured acceptance
// must equal the committed table expected-frr-<version>.json, so that a change of FRR is noticed.
// Skips (with the reason) when vtysh / bgpd is not installed. Run: node scripts/run-tests.mjs test/oracle
// Re-measure on purpose with: npx tsx test/oracle/measure.ts --write
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { boundaryCases } from './boundaries';
import { LINT_FRR_FAMILY_CONNECTED, lintFrrFamily } from './grlint-hook';
import { expectationPath, measure, type ExpectationTable } from './measure';
import { commandKey, modelledFamily, routerBgpLines } from './modelled';
import { bgpdVersion, parseVtyshStderr, vtyshVersion } from './vtysh';

const cases = boundaryCases();

describe('oracle helpers (no FRR needed)', () => {
  it('parses vtysh -C stderr into rejections with the checked lines', () => {
    const text = 'router bgp 1\n bgp graceful-restart restart-time 4096\n bgp gr\n bgp graceful-restart restart-time\r\nneighbor 192.0.2.1 bfd\n';
    const stderr =
      'line 2: % Unknown command[25]:  bgp graceful-restart restart-time 4096\n' +
      'line 3: % Ambiguous command[25]:  bgp gr\n\n' +
      'line 4: % Command incomplete[25]:  bgp graceful-restart restart-time\r\n\n' +
      "% Can't open configuration file /etc/frr/vtysh.conf due to 'Permission denied'.\n" +
      'line 5: % Unknown command[4]: neighbor 192.0.2.1 bfd\n';
    const r = parseVtyshStderr(stderr, text);
    assert.deepEqual(
      r.rejections.map((x) => [x.line, x.kind, x.node, x.nodeName, x.text]),
      [
        [2, 'unknown', 25, 'BGP_NODE', ' bgp graceful-restart restart-time 4096'],
        [3, 'ambiguous', 25, 'BGP_NODE', ' bgp gr'],
        [4, 'incomplete', 25, 'BGP_NODE', ' bgp graceful-restart restart-time'],
        [5, 'unknown', 4, 'CONFIG_NODE', 'neighbor 192.0.2.1 bfd'],
      ],
    );
    assert.deepEqual(r.other, ["% Can't open configuration file /etc/frr/vtysh.conf due to 'Permission denied'."]);
  });

  it('names commands and modelled families', () => {
    assert.equal(commandKey(' neighbor 192.0.2.1 timers connect 10'), 'neighbor * timers connect');
    assert.equal(commandKey(' neighbor 192.0.2.1 timers 3 9'), 'neighbor * timers');
    assert.equal(commandKey('no bgp graceful-restart notification'), 'no bgp graceful-restart notification');
    assert.equal(commandKey('router pim'), 'router pim');
    assert.equal(modelledFamily(' neighbor eth0 interface remote-as external'), 'neighbor definition');
    assert.equal(modelledFamily(' neighbor PG peer-group'), 'peer-group');
    assert.equal(modelledFamily(' bgp graceful-restart-disable'), 'graceful-restart');
    assert.equal(modelledFamily(' ip address 192.0.2.1/30'), 'interface address');
    assert.equal(modelledFamily(' redistribute connected'), undefined);
    assert.equal(modelledFamily('bfd'), 'bfd');
    assert.equal(modelledFamily(' bfd default-profile slow'), undefined, 'ripd, not the bfdd block');
    assert.equal(modelledFamily('  detect-multiplier 3'), 'bfd');
    assert.equal(modelledFamily(' neighbor 192.0.2.1 interface eth0'), 'neighbor definition');
    assert.equal(modelledFamily(' bgp minimum-holdtime 5'), 'bgp router-id/minimum-holdtime/hard-reset');
    assert.equal(modelledFamily(' shutdown'), undefined, 'shared by several daemons');
    const conf = 'interface eth0\n ip address 192.0.2.1/30\nrouter bgp 1\n neighbor 192.0.2.2 remote-as 2\nexit-address-family\nexit\nbgp as-path access-list A permit _1_\nrouter bgp 2 vrf red\n bgp router-id 192.0.2.1\nip route 0.0.0.0/0 192.0.2.2\n';
    assert.deepEqual([...routerBgpLines(conf)], [3, 4, 5, 6, 8, 9]);
  });

  it('boundary cases are unique and point at their line', () => {
    assert.equal(new Set(cases.map((c) => c.id)).size, cases.length);
    for (const c of cases) {
      const lines = c.text.split('\n');
      assert.equal((lines[c.line - 1] ?? '').trim(), c.command, c.id);
      assert.ok(c.command.length > 0, c.id);
    }
  });

  it('the grlint hook returns nothing while unconnected and FRR501 for restart-time 4096 once connected', () => {
    if (!LINT_FRR_FAMILY_CONNECTED) assert.deepEqual(lintFrrFamily('router bgp 1\n bgp graceful-restart restart-time 4096\n'), []);
    else assert.ok(lintFrrFamily('router bgp 1\n bgp graceful-restart restart-time 4096\n').some((d) => d.line === 2 && d.code === 'FRR501'));
  });
});

const vVersion = vtyshVersion();
const bVersion = bgpdVersion();
const vtyshSkip = vVersion === undefined ? 'vtysh is not installed (apt-get install -y frr): FRR oracle skipped' : false;
const bgpdSkip = bVersion === undefined ? 'bgpd (/usr/lib/frr/bgpd) is not installed: bgpd -C oracle skipped' : false;

function loadTable(version: string): ExpectationTable {
  const path = expectationPath(version);
  assert.ok(existsSync(path), `no expectation table for FRR ${version} (${path}); measure it with: npx tsx test/oracle/measure.ts --write`);
  return JSON.parse(readFileSync(path, 'utf8')) as ExpectationTable;
}

describe('FRR oracle: vtysh -C acceptance of the boundary snippets', { skip: vtyshSkip }, () => {
  it('matches the committed expectation table', async () => {
    const table = loadTable(vVersion as string);
    assert.deepEqual(Object.keys(table.cases).sort(), cases.map((c) => c.id).sort(), 'the table covers exactly the generated cases');
    const live = await measure(cases, { vtysh: true, bgpd: false });
    const diffs: string[] = [];
    for (const c of cases) {
      const want = table.cases[c.id]?.vtysh;
      const got = live[c.id]?.vtysh;
      if (!isDeepStrictEqual(want, got)) diffs.push(`${c.id}: expected ${JSON.stringify(want)}, vtysh ${vVersion} gives ${JSON.stringify(got)}`);
    }
    assert.deepEqual(diffs, []);
  });
});

describe('FRR oracle: bgpd -C acceptance of the boundary snippets', { skip: vtyshSkip || bgpdSkip }, () => {
  it('matches the committed expectation table', async () => {
    const table = loadTable(vVersion as string);
    const live = await measure(cases, { vtysh: false, bgpd: true });
    const diffs: string[] = [];
    for (const c of cases) {
      const want = table.cases[c.id]?.bgpd;
      const got = live[c.id]?.bgpd;
      if (!isDeepStrictEqual(want, got)) diffs.push(`${c.id}: expected ${JSON.stringify(want)}, bgpd ${bVersion} gives ${JSON.stringify(got)}`);
    }
    assert.deepEqual(diffs, []);
  });
});
