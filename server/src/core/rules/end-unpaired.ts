// GRL903: an end whose other side is not in the workspace. Docs: docs/rules/GRL903.md
import { defineRule } from './define';

export default defineRule({
  code: 'GRL903',
  name: 'end-unpaired',
  summary: 'a session end whose other side is not in the workspace, so session rules were skipped for it',
  defaultSeverity: 'off',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    unpaired: '{end} has no other end in the workspace: session rules were skipped for it',
  },
  check(ctx) {
    for (const note of ctx.model.pairing) {
      if (note.kind !== 'unpaired') continue;
      ctx.report({ messageId: 'unpaired', data: { end: note.end.label }, loc: note.end.decl, severity: 'info' });
    }
  },
});
