// IdleScavenger decides after each edit whether the next one would fill the young generation past V8's
// scavenge task trigger (80%), so that the server collects while idle instead of inside the next edit.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectWhenSent, IdleScavenger, youngGeneration, type YoungGeneration } from '../../../server/src/lsp/idle-gc';

const MB = 1 << 20;

/** A young generation whose use the test sets, and a collector that empties it to `survivors`. */
function fake(capacity: number, survivors: number) {
  const state = { used: 0, collections: 0 };
  const measure = (): YoungGeneration => ({ used: state.used, capacity });
  const collect = (): void => {
    state.collections++;
    state.used = survivors;
  };
  return { state, scavenger: new IdleScavenger(collect, measure) };
}

describe('IdleScavenger', () => {
  it('asks for a collection when the next edit like the last one would pass 80% of the capacity', () => {
    const { state, scavenger } = fake(32 * MB, 4 * MB);
    const decisions: boolean[] = [];
    for (let edit = 0; edit < 12; edit++) {
      state.used += 6 * MB; // what one edit allocates
      const due = scavenger.workDone();
      decisions.push(due);
      if (due) scavenger.collectNow();
      // Never past the trigger at the end of an edit: the collection came before.
      assert.ok(state.used <= 0.8 * 32 * MB, `edit ${edit}: ${state.used / MB} MB used`);
    }
    // Used after each edit: 6 (no estimate yet), 12, 18, 24 (24 + 6 > 25.6: collect, 4 left), 10, 16, 22 (collect) ...
    assert.deepEqual(decisions.slice(0, 8), [false, false, false, true, false, false, true, false]);
    assert.equal(state.collections, decisions.filter(Boolean).length);
  });

  it('learns the size of an edit only from two measurements without a collection between them', () => {
    const { state, scavenger } = fake(32 * MB, 2 * MB);
    state.used = 20 * MB;
    assert.equal(scavenger.workDone(), false); // no estimate yet
    state.used = 5 * MB; // V8 collected by itself in between: the drop says nothing
    assert.equal(scavenger.workDone(), false);
    state.used = 23 * MB; // 18 MB in one edit: 23 + 18 > 25.6
    assert.equal(scavenger.workDone(), true);
  });

  it('never collects without node\'s gc', () => {
    let measured = 0;
    const s = new IdleScavenger(undefined, () => {
      measured++;
      return { used: 31 * MB, capacity: 32 * MB };
    });
    for (let i = 0; i < 3; i++) assert.equal(s.workDone(), false);
    s.collectNow();
    assert.equal(measured, 0);
  });

  it('reads the young generation of this process', () => {
    const y = youngGeneration();
    assert.ok(y.capacity > 0 && y.used >= 0, JSON.stringify(y));
  });
});

describe('collectWhenSent', () => {
  /** A promise settled by the test, like a notification whose write has not finished. */
  function pending() {
    let settle!: (ok: boolean) => void;
    const p = new Promise<void>((res, rej) => (settle = (ok) => (ok ? res() : rej(new Error('write failed')))));
    p.catch(() => undefined);
    return { p, settle };
  }
  const turns = async (n: number): Promise<void> => {
    for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
  };

  it('collects only after every publication is written, and only when no lint waits', async () => {
    const { state, scavenger } = fake(32 * MB, 4 * MB);
    state.used = 10 * MB;
    scavenger.workDone(); // the first estimate
    state.used = 24 * MB; // 14 MB an edit: the next one would pass the trigger
    const a = pending();
    const b = pending();
    let busy = false;
    collectWhenSent(scavenger, [a.p, b.p], () => busy);
    await turns(3);
    assert.equal(state.collections, 0, 'not while the diagnostics are still being written');
    a.settle(true);
    await turns(3);
    assert.equal(state.collections, 0, 'not while one of them is');
    b.settle(false); // a failed write counts as done
    await turns(3);
    assert.equal(state.collections, 1);

    // A lint waiting at that moment: no collection (it would run inside that lint's wait).
    state.used = 26 * MB;
    scavenger.workDone();
    state.used = 28 * MB;
    busy = true;
    const c = pending();
    collectWhenSent(scavenger, [c.p], () => busy);
    c.settle(true);
    await turns(3);
    assert.equal(state.collections, 1);
  });

  it('does nothing when the next edit would not fill the young generation', async () => {
    const { state, scavenger } = fake(32 * MB, 4 * MB);
    state.used = 5 * MB;
    scavenger.workDone();
    state.used = 6 * MB;
    collectWhenSent(scavenger, [], () => false);
    await turns(3);
    assert.equal(state.collections, 0);
  });
});
