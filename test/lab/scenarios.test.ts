// Live graceful-restart lab: runs every scenario folder in test/lab/scenarios against real FRR (bgpd, bfdd, zebra
// from /usr/lib/frr) in network namespaces and asserts what the helper did with the restarting router's prefix.
// Needs root and the frr package. Run: node test/lab/run.mjs   (or: node --import tsx --test test/lab/scenarios.test.ts)
// Env: GRLAB_ONLY=name,name  GRLAB_CONCURRENCY=6  GRLAB_RESULTS=/path/results.json
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FRR_DIR, formatTimeline, listLabResources, ownerAlive } from './lab';
import { ScenarioResult, frrVersion, listScenarios, loadScenario, runScenario } from './scenario';

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

before(() => {
  assert.equal(process.getuid?.(), 0, 'the lab needs root (network namespaces)');
  for (const d of ['bgpd', 'bfdd', 'zebra']) assert.ok(existsSync(join(FRR_DIR, d)), `${FRR_DIR}/${d} missing: apt-get install frr`);
  assert.ok(names.length > 0, `no scenario matches GRLAB_ONLY=${only.join(',')}`);
});

describe(`grlab: graceful restart with real FRR ${frrVersion()}`, { concurrency }, () => {
  for (const name of names) {
    test(name, { timeout: 120_000 }, async (t) => {
      const sc = loadScenario(name);
      for (const f of ['a.frr.conf', 'b.frr.conf', ...(sc.spec.returnConfig ? [sc.spec.returnConfig] : [])]) {
        const err = await new Promise<string | undefined>((res) =>
          execFile('vtysh', ['-C', '-f', join(sc.dir, f)], (e, _o, stderr) => res(e ? `${e.message} ${stderr}` : undefined)));
        assert.equal(err, undefined, `${f} must be valid FRR ${frrVersion()} input`);
      }
      const r = await runScenario(sc);
      results.push(r);
      t.diagnostic(describeResult(r));
      assertOutcome(r);
    });
  }
});

after(() => {
  if (process.env.GRLAB_RESULTS) writeFileSync(process.env.GRLAB_RESULTS, JSON.stringify(results, null, 1));
});

test('the lab leaves no namespaces, links, work dirs or daemons behind (its own, or of earlier dead runs)', () => {
  const left = listLabResources().filter((x) => {
    const owner = Number(/grlab-(\d+)-|gl(\d+)x/.exec(x)?.slice(1).find(Boolean));
    return owner === process.pid || !ownerAlive(owner);
  });
  assert.deepEqual(left, []);
});
