// GRL901: a grlint-disable comment that suppressed nothing. Docs: docs/rules/GRL901.md
import { defineRule } from './define';

/**
 * The findings come from the lint pipeline (server/src/core/lint.ts), which knows which suppressions
 * were used only after every other rule has run; it also builds the fix that removes a lone directive.
 */
export default defineRule({
  code: 'GRL901',
  name: 'suppression-unused',
  summary: 'a grlint-disable comment that suppressed no finding',
  defaultSeverity: 'warning',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    unused: 'the grlint-disable comment for {code} suppresses no finding',
  },
  check() {
    // Decided in lint.ts after the other rules.
  },
});
