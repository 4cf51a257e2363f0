#!/usr/bin/env node
// Entry point of the live GR lab (real FRR in network namespaces; needs root and `apt-get install frr`).
//   node test/lab/run.mjs                       all scenarios (about 2 minutes)
//   node test/lab/run.mjs 01 05 13              scenarios whose folder name starts with these
//   node test/lab/run.mjs --results out.json    also write every timeline and helper view as JSON
//   GRLAB_CONCURRENCY=6 (default) scenarios run in parallel, each in its own pair of namespaces.
// npm-script-ready: "test:lab": "node test/lab/run.mjs"
import { spawnSync } from 'node:child_process';
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
const t0 = Date.now();
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1',
  join('test', 'lab', 'lab-unit.test.ts'), join('test', 'lab', 'scenarios.test.ts')], { cwd: root, env, stdio: 'inherit' });
console.log(`grlab: finished in ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${res.status}`);
process.exit(res.status ?? 1);
