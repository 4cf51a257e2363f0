// Runs the TextMate grammar tests (test/grammar/*.frr, vscode-tmgrammar-test caret syntax) under `npm test`.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const ROOT = resolve(__dirname, '../../..');

function toolPath(): string {
  const manifest = require.resolve('vscode-tmgrammar-test/package.json', { paths: [ROOT] });
  const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> }).bin;
  return join(dirname(manifest), bin['vscode-tmgrammar-test'] ?? '');
}

test('syntaxes/frr.tmLanguage.json passes every test/grammar/*.frr case', { timeout: 60_000 }, () => {
  const cases = readdirSync(join(ROOT, 'test/grammar')).filter((f) => f.endsWith('.frr'));
  assert.ok(cases.length >= 4, `expected the grammar test files, found ${cases.length}`);
  const run = spawnSync(
    process.execPath,
    [toolPath(), '-g', 'syntaxes/frr.tmLanguage.json', 'test/grammar/*.frr'],
    { cwd: ROOT, encoding: 'utf8', timeout: 50_000 },
  );
  const output = `${run.stdout}${run.stderr}`;
  assert.equal(run.status, 0, output);
  // The tool exits 0 when its glob matches nothing: check that every case file ran and passed.
  for (const file of cases) assert.match(output, new RegExp(`✓ test/grammar/${file.replace('.', '\\.')} run successfuly`));
});
