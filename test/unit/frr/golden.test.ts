// Golden tests of the frr.conf parser and views: each `ok/NNN_name.conf` and `err/NNN_name.conf` has a
// `.tree` next to it (see dump.ts). Regenerate with `UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/unit/frr`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { analyzeFrr } from '../../../server/src/core/frr';
import { dumpFrr } from './dump';

const UPDATE = process.env.UPDATE_GOLDEN === '1';

for (const dir of ['ok', 'err'] as const) {
  const folder = path.join(__dirname, dir);
  const names = readdirSync(folder).filter((n) => n.endsWith('.conf')).sort();

  describe(`frr parser goldens in ${dir}/`, () => {
    it('has fixtures, each named NNN_name.conf with a unique number and a .tree next to it', () => {
      assert.ok(names.length > 0);
      const numbers = names.map((n) => n.slice(0, 3));
      for (const n of names) assert.match(n, /^\d{3}_[a-z0-9_]+\.conf$/);
      assert.equal(new Set(numbers).size, numbers.length);
      const trees = readdirSync(folder).filter((n) => n.endsWith('.tree'));
      if (!UPDATE) assert.deepEqual(trees.sort(), names.map((n) => n.replace(/\.conf$/, '.tree')));
    });

    for (const name of names) {
      it(`${dir}/${name} parses to its golden tree`, () => {
        const text = readFileSync(path.join(folder, name), 'utf8');
        const actual = dumpFrr(text);
        const treePath = path.join(folder, name.replace(/\.conf$/, '.tree'));
        if (UPDATE) writeFileSync(treePath, actual);
        assert.equal(actual, readFileSync(treePath, 'utf8'));

        const view = analyzeFrr(text);
        if (dir === 'ok') assert.deepEqual(view.tree.errors, [], 'ok/ fixtures parse without errors');
        else assert.ok(view.tree.errors.length > 0, 'err/ fixtures have at least one parse error');
        for (const r of view.sensitiveRanges) {
          const secret = text.slice(r.start, r.end);
          if (secret.length >= 4) assert.ok(!actual.includes(secret), `the dump must not contain the secret at ${r.start}`);
        }
      });
    }
  });
}
