// `npm run demo`: lints the bundled example workspace, shows the sessions and previews the fixes.
// Exits 0 when grlint ran (findings are the point of the demo), non-zero on a usage or internal error.
import { spawnSync } from 'node:child_process';

const steps = [
  ['examples'],
  ['sessions', 'examples'],
  ['--diff', '--unsafe-fixes', 'examples'],
];
let worst = 0;
for (const args of steps) {
  process.stdout.write(`\n$ grlint ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['server/out/cli.js', ...args], { stdio: 'inherit' });
  const code = r.status ?? 3;
  if (code >= 2) worst = Math.max(worst, code);
}
process.exit(worst);
