// Bundles the extension client, the language server and the CLI with esbuild (CommonJS, Node 20).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

await Promise.all([
  build({ ...common, minify, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] }),
  build({ ...common, minify, entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js' }),
  build({ ...common, minify, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('server/out/cli.js', 0o755);
if (watch) console.error('watch mode is not supported; rerun npm run build');
