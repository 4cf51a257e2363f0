// Runs test files under node's built-in test runner with tsx, so tests are TypeScript without a compile step.
// Usage: node scripts/run-tests.mjs [dir-or-file ...]   (default: test/unit test/golden test/docs test/lsp)
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
const defaults = ['test/unit', 'test/golden', 'test/docs', 'test/lsp'];

function collect(path, out) {
  let st;
  try { st = statSync(path); } catch { return; }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (/\.test\.ts$/.test(path)) {
    out.push(path);
  }
}

// The corpus and the catalog the tests read live in ../shared, next to this repository (see the README).
// Without it many tests would fail one by one with ENOENT; say so once instead.
const shared = join(process.cwd(), '..', 'shared');
for (const need of ['corpus', join('docs', 'catalog.md')]) {
  try {
    statSync(join(shared, need));
  } catch {
    console.error(`the tests read ${join(shared, need)}, which is missing: clone grlint next to the shared/ folder (see the README's quick start)`);
    process.exit(1);
  }
}

const files = [];
for (const r of roots.length ? roots : defaults) collect(r, files);
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...flags, ...files], { stdio: 'inherit' });
process.exit(res.status ?? 1);
