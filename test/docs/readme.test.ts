/** The README shows what `npm run demo` prints; this keeps it true (`UPDATE_DOCS=1` rewrites the block). */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { it } from 'node:test';
import { cli } from '../helpers/cli';

const ROOT = resolve(__dirname, '../..');

it('the README demo output is what grlint prints on examples/', async () => {
  const path = join(ROOT, 'README.md');
  const md = readFileSync(path, 'utf8');
  const m = /<!-- demo-output:start -->\n```text\n([\s\S]*?)```\n<!-- demo-output:end -->/.exec(md);
  assert.ok(m, 'README has the demo-output block');
  const r = await cli(ROOT, ['examples']);
  assert.equal(r.code, 1, 'the demo workspace has errors to show');
  if (process.env.UPDATE_DOCS === '1' && m[1] !== r.stdout) {
    writeFileSync(path, md.replace(m[0], `<!-- demo-output:start -->\n\`\`\`text\n${r.stdout}\`\`\`\n<!-- demo-output:end -->`));
    return;
  }
  assert.equal(m[1], r.stdout);
});
