// Fast checks of the lab's own logic (no FRR, no root): timeline classification, log parsing, address guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertConfigAddresses, isTestNetOrLoopback, routeStatus, Sample, timelineChanges } from './lab';
import { classify, killSteps, listScenarios, loadScenario, logEvents, ScenarioSpec } from './scenario';

function tl(rows: [number, 'p' | 's' | '-', string][]): Sample[] {
  return rows.map(([t, st, state]) => ({ at: t * 1000, t, present: st !== '-', stale: st === 's', best: st !== '-', state }));
}

test('classify: kept when never absent, stale while down and fresh after the return', () => {
  const c = classify(tl([[-1, 'p', 'Established'], [0.2, 's', 'Idle'], [4, 's', 'Established'], [5, 'p', 'Established']]), 3);
  assert.equal(c.outcome, 'kept');
  assert.equal(c.staleAt, 0.2);
  assert.equal(c.reestablishedAt, 4);
  assert.equal(c.refreshedAt, 5);
});

test('classify: kept needs a stale phase and a fresh end', () => {
  assert.equal(classify(tl([[-1, 'p', 'Established'], [0.2, 'p', 'Established'], [5, 'p', 'Established']]), 3).outcome, 'unclassified');
  assert.equal(classify(tl([[-1, 'p', 'Established'], [0.2, 's', 'Idle'], [5, 's', 'Established']]), 3).outcome, 'unclassified');
});

test('classify: lost at once, while down, at reconnect', () => {
  const once = classify(tl([[-0.1, 'p', 'Established'], [0.3, '-', 'Idle'], [5, 'p', 'Established']]), 3);
  assert.equal(once.outcome, 'lost-at-once');
  assert.equal(once.lostAt, 0.3);
  assert.equal(once.lastPresentAt, -0.1);
  const timer = classify(tl([[-1, 'p', 'Established'], [0.1, 's', 'Idle'], [3.9, 's', 'Active'], [4.1, '-', 'Active'], [9, 'p', 'Established']]), 8);
  assert.equal(timer.outcome, 'lost-while-down');
  assert.equal(timer.lostAt, 4.1);
  assert.equal(timer.lastPresentAt, 3.9);
  const rec = classify(tl([[-1, 'p', 'Established'], [0.1, 's', 'Idle'], [4.5, '-', 'Established'], [5.3, 'p', 'Established']]), 3);
  assert.equal(rec.outcome, 'lost-at-reconnect');
  assert.equal(rec.gap, 0.8);
});

test('timelineChanges keeps one sample per run of equal states', () => {
  const s = tl([[0, 'p', 'Established'], [0.2, 'p', 'Established'], [0.4, 's', 'Idle'], [0.6, 's', 'Idle'], [0.8, 's', 'Active']]);
  assert.deepEqual(timelineChanges(s).map((x) => x.t), [0, 0.4, 0.8]);
});

test('routeStatus reads present / stale / best from show bgp ipv4 unicast json', () => {
  const j = { routes: { '198.51.100.0/24': [{ stale: true, valid: true, bestpath: true }] } };
  assert.deepEqual(routeStatus(j, '198.51.100.0/24'), { present: true, stale: true, best: true });
  assert.deepEqual(routeStatus(j, '203.0.113.0/24'), { present: false, stale: false, best: false });
  assert.deepEqual(routeStatus({ routes: {} }, '198.51.100.0/24'), { present: false, stale: false, best: false });
});

test('logEvents turns FRR log stamps into seconds after an origin', () => {
  const origin = new Date(2026, 10, 26, 7, 56, 20, 0).getTime();
  const ev = logEvents(['2026/11/26 07:56:23.250 BGP: [RPZW2-39GTY] 192.0.2.1(ra) graceful restart timer expired', 'garbage'], origin);
  assert.deepEqual(ev, [{ t: 3.25, text: '192.0.2.1(ra) graceful restart timer expired' }]);
});

test('address guard accepts TEST-NET and loopback only', () => {
  for (const a of ['192.0.2.1', '198.51.100.7', '203.0.113.255', '127.0.0.1']) assert.equal(isTestNetOrLoopback(a), true, a);
  for (const a of ['10.0.0.1', '192.0.3.1', '8.8.8.8', '198.51.101.1', '256.0.2.1']) assert.equal(isTestNetOrLoopback(a), false, a);
  assert.throws(() => assertConfigAddresses('neighbor 10.1.1.1 remote-as 1'));
  assert.doesNotThrow(() => assertConfigAddresses('bgp listen range 192.0.2.0/30 peer-group X'));
});

test('every scenario folder is complete and uses TEST-NET addresses only', () => {
  const names = listScenarios();
  assert.ok(names.length >= 20);
  for (const n of names) {
    const sc = loadScenario(n);
    const spec: ScenarioSpec = sc.spec;
    assert.ok(['a', 'b'].includes(spec.restarting), n);
    assert.ok(spec.downSeconds > 0 && spec.observeSeconds > 0, n);
    assert.ok(['kept', 'lost-at-once', 'lost-while-down', 'lost-at-reconnect', 'race'].includes(spec.expect.outcome), n);
    assert.ok(['kept', 'flushed'].includes(spec.grlint.verdict), n);
    assert.ok(killSteps(spec).every((k) => k.daemons.every((d) => spec.daemons.includes(d))), n);
    for (const text of [sc.config.a, sc.config.b, sc.returnConfig ?? '']) assertConfigAddresses(text);
  }
});
