/** bench/edit-profile.ts: a CPU profile's self time, cut into the edits' time windows. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { selfTimePerWindow } from '../../../bench/edit-profile';

const frame = (functionName: string, lineNumber: number) => ({ functionName, url: 'file:///x/server.js', lineNumber });

it('counts each sample inside a window for its function, until the next sample, per window', () => {
  // Samples at 1000, 2000, 3000, 5000 and 9000 us (startTime 0 plus the deltas); each lasts until the next.
  const profile = {
    startTime: 0,
    nodes: [{ id: 1, callFrame: frame('lint', 9) }, { id: 2, callFrame: frame('', 19) }],
    samples: [1, 1, 2, 1, 2],
    timeDeltas: [1000, 1000, 1000, 2000, 4000],
  };
  // Window 1 holds the samples at 1000 and 2000 (lint: 1 ms + 1 ms); window 2 the one at 5000 (lint: 4 ms).
  // The samples at 3000 (between the windows) and 9000 (after them) do not count.
  const { perFunction, total } = selfTimePerWindow(profile, [[500, 2500], [4000, 6000]]);
  assert.deepEqual([...perFunction], [['lint server.js:10', 3]]);
  assert.equal(total, 3);
  const other = selfTimePerWindow(profile, [[2500, 3500]]);
  assert.deepEqual([...other.perFunction], [['(anonymous) server.js:20', 2]]);
});
