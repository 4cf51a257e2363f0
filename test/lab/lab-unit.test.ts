// Fast checks of the lab's own logic (no FRR, no root): timeline classification, log parsing, address guard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertConfigAddresses, isTestNetOrLoopback, routeStatus, Sample, timelineChanges } from './lab';
import { agreement, bfdDownWhileEstablished, detectionTimes, grlintView, predict } from './grlint-verdict';
import { Classification, classify, KillStep, killSteps, listScenarios, loadScenario, logEvents, ScenarioSpec } from './scenario';

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

// ---- grlint's verdict against the lab (grlint-verdict.ts): no FRR needed ----

function viewOf(name: string) {
  const sc = loadScenario(name);
  return { sc, view: grlintView(sc.sources.a, sc.sources.b, sc.spec.downSeconds) };
}

function cls(outcome: Classification['outcome'], over: Partial<Classification> = {}): Classification {
  return { outcome, lostAt: null, lastPresentAt: null, relearnedAt: null, staleAt: null, reestablishedAt: null, refreshedAt: null, gap: null, ...over };
}

test('detection: the kill order decides whether BFD Down reaches the helper while Established', () => {
  const d = (steps: KillStep[], daemons = ['zebra', 'bgpd', 'bfdd']) => bfdDownWhileEstablished(detectionTimes(steps, daemons, 9, 3));
  // 13: kill -9 of bfdd and bgpd together: the TCP close at 0, BFD Down only after the detect time
  assert.equal(d([{ signal: 'KILL', daemons: ['bfdd', 'bgpd'] }]), 'fails');
  // 15: SIGTERM bfdd (AdminDown at once), bgpd 0.5 s later
  assert.equal(d([{ signal: 'TERM', daemons: ['bfdd'] }, { signal: 'TERM', daemons: ['bgpd'], atSeconds: 0.5 }]), 'holds');
  // 17: SIGTERM bgpd first: its exit brings BFD down, after the close
  assert.equal(d([{ signal: 'TERM', daemons: ['bgpd'] }, { signal: 'TERM', daemons: ['bfdd'], atSeconds: 0.5 }]), 'fails');
  // 18: kill -9 bfdd, bgpd 2 s later: BFD Down at the detect time, while Established
  assert.equal(d([{ signal: 'KILL', daemons: ['bfdd'] }, { signal: 'KILL', daemons: ['bgpd'], atSeconds: 2 }]), 'holds');
  // 20: a frozen node: no TCP close until hold expiry, BFD Down after the detect time
  assert.equal(d([{ signal: 'STOP', daemons: ['bgpd', 'bfdd'] }]), 'holds');
  // a pod stop: SIGTERM to bfdd and bgpd in the same tick is a race
  assert.equal(d([{ signal: 'TERM', daemons: ['bfdd', 'bgpd'] }]), 'race');
  // no bfdd signalled, bgpd killed: BFD never goes down before the close
  assert.equal(d([{ signal: 'KILL', daemons: ['bgpd'] }], ['bgpd']), 'fails');
  assert.deepEqual(detectionTimes([{ signal: 'STOP', daemons: ['bgpd'] }], ['bgpd'], 9, 3).close, [6, 9]);
});

test('predict: the verdict of every kind of scenario and its timing class', () => {
  const p = (name: string) => {
    const { sc, view } = viewOf(name);
    assert.deepEqual(view.problems, [], name);
    return predict(view, sc.spec, killSteps(sc.spec));
  };
  assert.deepEqual(p('01-baseline-global-gr').expected, [{ outcome: 'kept' }]);
  assert.equal(p('03-helper-global-disable').expected[0]!.outcome, 'lost-at-once');
  assert.equal(p('05-no-preserve-fw-state').expected[0]!.outcome, 'lost-at-reconnect');
  const six = p('06-stalepath-below-restart-time').expected[0]!;
  assert.equal(six.outcome, 'lost-while-down');
  assert.deepEqual(six.outcome === 'lost-while-down' ? six.at : undefined, [4, 4]);
  // 13: the headline stays lost (bfd-tears-down); the kill order makes its condition fail, so kept 10 s
  const thirteen = p('13-bfd-kill-without-cpf');
  assert.deepEqual(thirteen.conditions, { 'bfd-down-while-established': 'fails' });
  assert.deepEqual(thirteen.expected, [{ outcome: 'kept' }]);
  assert.match(thirteen.verdictText, /^lost: bfd-tears-down \[fails\] -> kept 10 s$/);
  assert.equal(p('18-bfd-bfdd-dies-first-without-cpf').expected[0]!.outcome, 'lost-at-once');
  // 21: frozen, so the 10 s window starts at the hold expiry (6-9 s) and outlasts the 12 s absence
  assert.deepEqual(p('21-bfd-frozen-with-cpf').expected, [{ outcome: 'kept' }]);
  const frozen = p('22-frozen-hold-expiry').expected[0]!;
  assert.deepEqual(frozen.outcome === 'lost-while-down' ? frozen.at : undefined, [10, 13]);
});

test('predict: a window that ends about when the router is back allows either outcome', () => {
  const { sc, view } = viewOf('07-down-longer-than-restart-time');
  assert.deepEqual(predict(view, sc.spec, killSteps(sc.spec), 8).expected.map((e) => e.outcome), ['lost-while-down']);
  const late = predict(view, sc.spec, killSteps(sc.spec), 3.5);
  assert.ok(late.undecided);
  assert.deepEqual(late.expected.map((e) => e.outcome), ['kept', 'lost-while-down']);
  assert.deepEqual(predict(view, sc.spec, killSteps(sc.spec), 0.5).expected.map((e) => e.outcome), ['kept']);
});

test('agreement: outcome class and loss time must match', () => {
  const { sc, view } = viewOf('07-down-longer-than-restart-time');
  const pr = predict(view, sc.spec, killSteps(sc.spec));
  assert.equal(agreement(pr, cls('lost-while-down', { lastPresentAt: 3.87, lostAt: 4.07, staleAt: 0.2 })).ok, true);
  assert.equal(agreement(pr, cls('lost-while-down', { lastPresentAt: 6.1, lostAt: 6.3, staleAt: 0.2 })).ok, false);
  assert.equal(agreement(pr, cls('kept')).ok, false);
  assert.equal(agreement(pr, cls('lost-at-once', { lastPresentAt: 0, lostAt: 0.2 })).ok, false);
  const f = viewOf('22-frozen-hold-expiry');
  const pf = predict(f.view, f.sc.spec, killSteps(f.sc.spec));
  assert.equal(agreement(pf, cls('lost-while-down', { lastPresentAt: 12.85, lostAt: 13.05, staleAt: 8.9 })).ok, true);
  // stale for 8 s instead of 4: the window was not the verdict's
  assert.equal(agreement(pf, cls('lost-while-down', { lastPresentAt: 12.85, lostAt: 13.05, staleAt: 5 })).ok, false);
});

test('a MetalLB scenario runs the grlint rendering of its BGPPeer plus the lab lines', () => {
  const sc = loadScenario('34-metallb-bgppeer-restarting');
  assert.equal(sc.sources.a.name, 'a.metallb.yaml');
  assert.doesNotMatch(sc.config.a, /^!@grlint-render/m);
  assert.match(sc.config.a, /^! BGPPeer "rb" \(a\.metallb\.yaml:\d+\), as MetalLB \/ frr-k8s render it$/m);
  assert.match(sc.config.a, /^ neighbor 192\.0\.2\.2 graceful-restart$/m);
  assert.match(sc.config.a, /^ neighbor 192\.0\.2\.2 timers 3 9$/m);
  assert.match(sc.config.a, /^ bgp graceful-restart restart-time 10$/m);
  const { view } = viewOf('34-metallb-bgppeer-restarting');
  assert.equal(view.restarting.kind, 'BGPPeer');
  assert.equal(view.verdict.kept, true);
  assert.equal(view.verdict.seconds, 10);
});
