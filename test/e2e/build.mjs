// Bundles the e2e suites (TypeScript) to JavaScript for VS Code's extension host, which loads JS only:
// test/e2e/<suite>/{index,*.test}.ts -> test/e2e/out/<suite>/*.js. vscode and mocha stay external.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const suites = ['suite', 'vsix-suite'];
const entryPoints = suites.flatMap((s) =>
  readdirSync(join(here, s))
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => join(here, s, f)),
);
await build({
  entryPoints,
  outbase: here,
  outdir: join(here, 'out'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`e2e: bundled ${entryPoints.length} files into test/e2e/out`);
