/** The Node flags the language server is started with. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { backgroundThreads, SERVER_NODE_FLAGS } from '../../../server/src/lsp/node-flags';

it('leaves one CPU to the main thread: V8 gets one background thread fewer than the CPUs, between one and four', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 8, 64].map(backgroundThreads), [1, 1, 1, 2, 3, 4, 4, 4]);
});

it('passes the pool size, the young generation size and gc to the server', () => {
  assert.ok(SERVER_NODE_FLAGS.includes('--expose-gc'));
  assert.ok(SERVER_NODE_FLAGS.includes('--max-semi-space-size=32'));
  const pool = SERVER_NODE_FLAGS.find((f) => f.startsWith('--v8-pool-size='));
  assert.ok(pool && /^--v8-pool-size=[1-4]$/.test(pool), String(pool));
});
