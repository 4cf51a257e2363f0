/**
 * Golden `grlint sessions` output (text and JSON) for scenario folders under test/golden/sessions.
 * `UPDATE_GOLDEN=1` rewrites expected.txt / expected.json; review the diff like code.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { cli } from '../helpers/cli';

const ROOT = resolve(__dirname, 'sessions');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function check(path: string, actual: string): void {
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) assert.fail(`missing golden ${path} (run with UPDATE_GOLDEN=1)`);
    writeFileSync(path, actual);
    return;
  }
  assert.equal(actual, readFileSync(path, 'utf8'));
}

describe('golden sessions', () => {
  for (const name of readdirSync(ROOT).sort()) {
    const dir = join(ROOT, name);
    it(name, async () => {
      const text = await cli(dir, ['sessions', '.']);
      assert.equal(text.code, 0, text.stderr);
      check(join(dir, 'expected.txt'), text.stdout);
      const json = await cli(dir, ['sessions', '--format', 'json', '.']);
      check(join(dir, 'expected.json'), json.stdout);
    });
  }
});
