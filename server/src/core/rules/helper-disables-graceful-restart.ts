// GR101: the helper disables graceful restart for a peer that restarts with it. Docs: docs/rules/GR101.md
import type { Fix } from '../finding';
import type { End } from '../model/types';
import { describe } from '../model/verdict';
import { defineRule } from './define';
import { deleteLineEdit, insertIntoRouter, locOrDecl, originLoc, statementAt, targetText } from './fix-helpers';
import { eachVerdict } from './iterate';

export default defineRule({
  code: 'GR101',
  name: 'helper-disables-graceful-restart',
  summary: 'the helper end disables graceful restart for a peer in restart mode, so its routes are flushed',
  defaultSeverity: 'error',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    disabled: '{helper} disables graceful restart, but {restarting} restarts with graceful restart: its routes are flushed at once',
  },
  check(ctx) {
    const seen = new Set<string>();
    eachVerdict(ctx.model, (v) => {
      const a = v.restarting;
      const b = v.helper;
      if (a.gr.mode.value !== 'restart' || b.gr.mode.value !== 'disable') return;
      const loc = locOrDecl(b.gr.mode, b);
      const key = `${loc.uri}@${loc.range.start}|${a.id}|${b.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      const aLoc = originLoc(a.gr.mode.origin) ?? a.decl;
      ctx.report({
        messageId: 'disabled',
        data: { helper: describe(b), restarting: a.speaker },
        loc,
        related: [{ loc: aLoc, message: `${a.label} is in restart mode` }],
        fixes: fixesFor(a, b),
      });
    });
  },
});

/**
 * A neighbor or peer-group disable line is removed; under a global disable, the restarting peer gets
 * `neighbor X graceful-restart-helper`. Both change the GR mode, which resets the session on FRR >= 10.2.
 */
function fixesFor(a: End, b: End): Fix[] {
  const origin = b.gr.mode.origin;
  if (origin.kind !== 'config') return [];
  const found = statementAt(b, origin.loc);
  if (!found) return [];
  const { doc, statement } = found;
  if (statement.kind === 'neighbor') {
    const e = deleteLineEdit(doc, statement.line);
    return e ? [{ title: `Remove "${doc.text.slice(statement.range.start, statement.range.end)}"`, applicability: 'unsafe', edits: [e] }] : [];
  }
  const target = targetText(b);
  if (!target || b.target.kind === 'listen-range') return [];
  const command = `neighbor ${target} graceful-restart-helper`;
  const e = insertIntoRouter(b.instance, command, (s) => s.kind === 'neighbor' && s.target.value === target);
  void a;
  return e ? [{ title: `Add "${command}"`, applicability: 'unsafe', edits: [e] }] : [];
}
