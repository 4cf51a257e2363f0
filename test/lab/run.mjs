#!/usr/bin/env node
// Entry point of the live GR lab (real FRR in network namespaces; needs root and `apt-get install frr`).
//   node test/lab/run.mjs                       all scenarios (about 2 minutes)
//   node test/lab/run.mjs 01 05 13              scenarios whose folder name starts with these
//   node test/lab/run.mjs --results out.json    also write every timeline and helper view as JSON
//   GRLAB_CONCURRENCY=6 (default) scenarios run in parallel, each in its own pair of namespaces.
// npm script: "test:lab": "node test/lab/run.mjs"
// Prints the agreement table (grlint's verdict against what FRR did) and the total time at the end. Each lab
// is removed in a `finally` and by exit hooks; after a failed run this also sweeps what a dead run left behind.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const env = { ...process.env };
const only = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--results') env.GRLAB_RESULTS = resolve(args[++i] ?? 'grlab-results.json');
  else only.push(args[i]);
}
if (only.length) env.GRLAB_ONLY = only.join(',');
if (process.getuid && process.getuid() !== 0) {
  console.error('grlab: needs root (it creates network namespaces and starts FRR daemons)');
  process.exit(2);
}
const tmp = mkdtempSync(join(tmpdir(), 'grlint-lab-summary-'));
env.GRLAB_SUMMARY = join(tmp, 'summary.txt');
const t0 = Date.now();
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1',
  join('test', 'lab', 'lab-unit.test.ts'), join('test', 'lab', 'scenarios.test.ts')], { cwd: root, env, stdio: 'inherit' });
if (res.status !== 0) {
  // The test process is gone: remove whatever it (or an earlier dead run) left behind.
  const sweep = spawnSync(process.execPath, ['--import', 'tsx', '-e',
    "const l = require('./test/lab/lab'); const r = l.removeLeftovers(); if (r.length) console.log('grlab: removed leftovers: ' + r.join(', '));"],
  { cwd: root, stdio: 'inherit' });
  if (sweep.status !== 0) console.error('grlab: leftover sweep failed');
}
let table = '';
try {
  table = readFileSync(env.GRLAB_SUMMARY, 'utf8');
} catch {
  // no scenario ran
}
rmSync(tmp, { recursive: true, force: true });
if (table) console.log(`\ngrlab: grlint's restart verdict against real FRR\n${table}`);
console.log(`grlab: finished in ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${res.status}`);
process.exit(res.status ?? 1);
