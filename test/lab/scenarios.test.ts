// Live graceful-restart lab: runs every scenario folder in test/lab/scenarios against real FRR (bgpd, bfdd, zebra
// from /usr/lib/frr) in network namespaces and asserts what the helper did with the restarting router's prefix.
// Needs root and the frr package. Run: node test/lab/run.mjs   (or: node --import tsx --test test/lab/scenarios.test.ts)
// Env: GRLAB_ONLY=name,name  GRLAB_CONCURRENCY=6  GRLAB_RESULTS=/path/results.json
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agreement, expectedText, grlintView, measuredText, predict, type GrlintView, type Prediction } from './grlint-verdict';
import { FRR_DIR, formatTimeline, listLabResources, ownerAlive } from './lab';
import { Scenario, ScenarioResult, frrVersion, killSteps, listScenarios, loadScenario, runScenario } from './scenario';

const only = (process.env.GRLAB_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const names = listScenarios().filter((n) => only.length === 0 || only.some((o) => n.startsWith(o)));
const concurrency = Number(process.env.GRLAB_CONCURRENCY ?? 6) || 6;
const results: ScenarioResult[] = [];
const DEFAULT_TOLERANCE = 1.2;

function describeResult(r: ScenarioResult): string {
  return `${r.name}: restart at ${r.restartAt}s, ${JSON.stringify(r.classification)}\n${formatTimeline(r.samples)}`;
}

/**
 * A TCP-close / BFD-Down race: B must see BFD Down within 0.3 s of the kill; when the route was kept, B started
 * the GR restart timer; when it was lost at once, B sent Cease/BFD Down (hard reset) and started no GR timer.
 */
function assertRace(r: ScenarioResult, why: string): void {
  const c = r.classification;
  assert.ok(c.outcome === 'kept' || c.outcome === 'lost-at-once', `kept or lost at once\n${why}`);
  const ev = r.helperEvents.filter((x) => x.t >= -0.05 && x.t < r.restartAt);
  const bfdDown = ev.find((x) => /bfd state Up -> Down/.test(x.text));
  assert.ok(bfdDown && bfdDown.t <= 0.3, `BFD Down within 0.3 s\n${why}\n${JSON.stringify(ev)}`);
  const grTimer = ev.find((x) => /graceful restart timer started/.test(x.text));
  if (c.outcome === 'kept') {
    assert.ok(grTimer, `kept: B started the GR restart timer\n${JSON.stringify(ev)}`);
  } else {
    assert.ok(ev.some((x) => /NOTIFICATION\(Hard Reset\): sent .*Cease\/BFD Down/.test(x.text)), `lost: Cease/BFD Down sent\n${JSON.stringify(ev)}`);
    assert.equal(grTimer, undefined, 'lost: no GR timer');
  }
}

function assertOutcome(r: ScenarioResult): void {
  const e = r.spec.expect;
  const c = r.classification;
  const why = describeResult(r);
  if (e.outcome === 'race') {
    assertRace(r, why);
  } else {
    assert.equal(c.outcome, e.outcome, `outcome\n${why}`);
  }
  const tol = e.toleranceSeconds ?? DEFAULT_TOLERANCE;
  switch (e.outcome) {
    case 'kept':
      assert.ok(c.staleAt !== null && c.staleAt < r.restartAt, `stale while down\n${why}`);
      assert.ok(c.refreshedAt !== null, `fresh again after the return\n${why}`);
      break;
    case 'lost-at-once':
      assert.equal(c.staleAt === null || (c.lostAt !== null && c.staleAt < c.lostAt), true);
      break;
    case 'lost-while-down':
      assert.ok(c.lostAt !== null && c.lastPresentAt !== null);
      if (e.lostAtSeconds !== undefined) {
        // The loss happened in (lastPresentAt, lostAt]; the expected time must fall in that window, +- tolerance.
        assert.ok(c.lastPresentAt! - tol <= e.lostAtSeconds && e.lostAtSeconds <= c.lostAt! + tol,
          `lost at ${e.lostAtSeconds}s +- ${tol}\n${why}`);
      }
      if (e.lostAfterStaleSeconds !== undefined) {
        assert.ok(c.staleAt !== null, `stale before the loss\n${why}`);
        const kept = c.lostAt! - c.staleAt!;
        assert.ok(Math.abs(kept - e.lostAfterStaleSeconds) <= tol + 0.2,
          `stale for ${e.lostAfterStaleSeconds}s +- ${tol}, was ${kept.toFixed(2)}s\n${why}`);
      }
      break;
    case 'lost-at-reconnect':
      assert.ok(c.staleAt !== null && c.staleAt < r.restartAt, `stale while down\n${why}`);
      assert.ok(c.lostAt! >= r.restartAt, `lost only after the restart\n${why}`);
      assert.ok(c.gap !== null && c.gap <= (e.maxGapSeconds ?? 3), `gap <= ${e.maxGapSeconds}\n${why}`);
      break;
  }
  const view = r.spec.expectHelperView;
  if (view) {
    const h = r.before.helper;
    assert.ok(h, 'helper view before the kill');
    if (view.localGrMode !== undefined) assert.equal(h!.localGrMode, view.localGrMode, 'localGrMode');
    if (view.remoteGrMode !== undefined) assert.equal(h!.remoteGrMode, view.remoteGrMode, 'remoteGrMode');
    if (view.receivedRestartTimer !== undefined) assert.equal(h!.timers?.receivedRestartTimer, view.receivedRestartTimer, 'receivedRestartTimer');
    if (view.fBit !== undefined) assert.equal(h!.fBit ?? false, view.fBit, 'fBit');
    if (view.gracefulRestartCapability !== undefined) assert.equal(h!.gracefulRestartCapability, view.gracefulRestartCapability, 'gracefulRestartCapability');
  }
}

/** One row of the summary table: grlint's verdict next to what FRR did. */
interface Row {
  name: string;
  verdict: string;
  predicted: string;
  measured: string;
  /** 'yes' / 'NO' when compared, 'n/a' when the scenario is compare: false. */
  agree: string;
}
const rows: Row[] = [];

/**
 * grlint's verdict for the restarting end, linted before FRR runs (the `grlint sessions` code path, with
 * restartBudgetSeconds = downSeconds), and what it predicts. The rules scenario.json names must fire.
 */
function grlintFor(sc: Scenario): { view: GrlintView; prediction: Prediction } {
  // Predicted for the planned return (downSeconds); the test predicts again for the measured return.
  const helper = sc.spec.restarting === 'a' ? 'b' : 'a';
  const view = grlintView(sc.sources[sc.spec.restarting], sc.sources[helper], sc.spec.downSeconds);
  assert.deepEqual(view.problems, [], `grlint sees one session between ${view.files.join(' and ')}`);
  for (const code of sc.spec.grlint.rules) assert.ok(view.rules.includes(code), `${code} fires (fired: ${view.rules.join(', ') || 'none'})`);
  const prediction = predict(view, sc.spec, killSteps(sc.spec));
  // scenario.json's grlint block says what grlint must say to agree with FRR (conditions decided by the kill order).
  assert.equal(prediction.resolved.kept ? 'kept' : 'flushed', sc.spec.grlint.verdict, `grlint: ${prediction.verdictText}`);
  if (prediction.resolved.kept) assert.equal(prediction.resolved.seconds, sc.spec.grlint.keptSeconds, `grlint: ${prediction.verdictText}`);
  if (sc.spec.grlint.compare !== false) assert.equal(prediction.undecided, undefined, `the scenario separates kept from lost: ${prediction.undecided}`);
  if (sc.spec.renderedA && sc.spec.restarting === 'a') {
    // The lines the lab adds around the rendering change no GR value: the built frr.conf gets the same verdict.
    const built = grlintView({ name: 'a.frr.conf', text: sc.config.a }, sc.sources.b, sc.spec.downSeconds);
    assert.deepEqual(built.problems, []);
    const key = (v: GrlintView) => ({ kept: v.verdict.kept, seconds: v.verdict.seconds, reasons: v.verdict.reasons.map((r) => r.code) });
    assert.deepEqual(key(built), key(view), 'the lab frr.conf built from the rendering has the verdict of the BGPPeer');
  }
  return { view, prediction };
}

/** The table row of a scenario (recorded before anything is asserted, so failures show in the table too). */
function recordRow(r: ScenarioResult, g: { view: GrlintView; prediction: Prediction }): Row {
  const a = agreement(g.prediction, r.classification);
  const row: Row = {
    name: r.name,
    verdict: g.prediction.verdictText,
    predicted: g.prediction.expected.map(expectedText).join(' or '),
    measured: measuredText(r.classification),
    agree: r.spec.grlint.compare !== false ? (a.ok ? 'yes' : 'NO') : `n/a (${a.ok ? 'agrees' : 'differs'})`,
  };
  rows.push(row);
  return row;
}

/** The measured outcome must be what grlint predicts; a loss while down is a window GR105 reports. */
function assertAgreement(r: ScenarioResult, g: { view: GrlintView; prediction: Prediction }): void {
  if (r.spec.grlint.compare === false) return;
  const a = agreement(g.prediction, r.classification);
  assert.ok(a.ok, `grlint's verdict (${g.prediction.verdictText}) agrees with FRR: ${a.why}\n${describeResult(r)}`);
  if (r.classification.outcome === 'lost-while-down') {
    assert.ok(g.view.rules.includes('GR105'), `a window shorter than downSeconds is reported by GR105 (fired: ${g.view.rules.join(', ')})`);
  }
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

/** The agreement table, one line per scenario. */
function summaryTable(list: readonly Row[]): string {
  const sorted = [...list].sort((x, y) => (x.name < y.name ? -1 : 1));
  const head: Row = { name: 'scenario', verdict: 'grlint verdict', predicted: 'predicts', measured: 'measured (FRR ' + frrVersion() + ')', agree: 'agree' };
  const w = (k: keyof Row) => Math.max(...[head, ...sorted].map((r) => r[k].length));
  const line = (r: Row) => [pad(r.name, w('name')), pad(r.verdict, w('verdict')), pad(r.predicted, w('predicted')), pad(r.measured, w('measured')), r.agree].join(' | ');
  const compared = sorted.filter((r) => !r.agree.startsWith('n/a'));
  const agreed = compared.filter((r) => r.agree === 'yes').length;
  return [line(head), ...sorted.map(line), `grlab: grlint agrees with FRR on ${agreed} of ${compared.length} compared scenarios; ${sorted.length - compared.length} not compared`].join('\n') + '\n';
}

before(() => {
  assert.equal(process.getuid?.(), 0, 'the lab needs root (network namespaces)');
  for (const d of ['bgpd', 'bfdd', 'zebra']) assert.ok(existsSync(join(FRR_DIR, d)), `${FRR_DIR}/${d} missing: apt-get install frr`);
  assert.ok(names.length > 0, `no scenario matches GRLAB_ONLY=${only.join(',')}`);
});

describe(`grlab: graceful restart with real FRR ${frrVersion()}`, { concurrency }, () => {
  for (const name of names) {
    test(name, { timeout: 120_000 }, async (t) => {
      const sc = loadScenario(name);
      const g = grlintFor(sc);
      const tmp = mkdtempSync(join(tmpdir(), 'grlint-vtysh-check-'));
      try {
        const configs: [string, string][] = [['a.frr.conf', sc.config.a], ['b.frr.conf', sc.config.b]];
        if (sc.spec.returnConfig && sc.returnConfig !== undefined) configs.push([sc.spec.returnConfig, sc.returnConfig]);
        for (const [f, text] of configs) {
          writeFileSync(join(tmp, f), text);
          const err = await new Promise<string | undefined>((res) =>
            execFile('vtysh', ['-C', '-f', join(tmp, f)], (e, _o, stderr) => res(e ? `${e.message} ${stderr}` : undefined)));
          assert.equal(err, undefined, `${f} must be valid FRR ${frrVersion()} input`);
        }
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
      const r = await runScenario(sc);
      results.push(r);
      t.diagnostic(describeResult(r));
      // The daemons may come back later than planned on a loaded machine: judge the kept window by the real return.
      g.prediction = predict(g.view, sc.spec, killSteps(sc.spec), r.restartAt);
      const row = recordRow(r, g);
      t.diagnostic(`grlint: ${row.verdict}; predicts ${row.predicted}; measured ${row.measured}; agree ${row.agree}`);
      try {
        assertOutcome(r);
        assertAgreement(r, g);
      } catch (e) {
        // The helper's log explains most surprises (which timer fired, a Cease, a BFD transition).
        t.diagnostic(`helper log of ${r.name}:\n${r.helperEvents.map((x) => `${x.t.toFixed(2).padStart(7)}  ${x.text}`).join('\n')}`);
        throw e;
      }
    });
  }
});

after(() => {
  if (process.env.GRLAB_RESULTS) writeFileSync(process.env.GRLAB_RESULTS, JSON.stringify(results, null, 1));
  if (rows.length === 0) return;
  const table = summaryTable(rows);
  // run.mjs prints the table after the test runner's own report; run directly, it goes to stdout here.
  if (process.env.GRLAB_SUMMARY) writeFileSync(process.env.GRLAB_SUMMARY, table);
  else process.stdout.write(table);
});

test('the lab leaves no namespaces, links, work dirs or daemons behind (its own, or of earlier dead runs)', () => {
  const left = listLabResources().filter((x) => {
    const owner = Number(/grlab-(\d+)-|gl(\d+)x/.exec(x)?.slice(1).find(Boolean));
    return owner === process.pid || !ownerAlive(owner);
  });
  assert.deepEqual(left, []);
});
