// GRL902: .grlint.yaml is malformed or names an unknown rule or option. Docs: docs/rules/GRL902.md
import { defineRule } from './define';

/**
 * The findings come from parsing `.grlint.yaml` (server/src/core/config.ts) through `configFindings` in
 * server/src/core/lint.ts: the CLI prints them and exits 2, the language server shows them on the file.
 */
export default defineRule({
  code: 'GRL902',
  name: 'config-invalid',
  summary: '.grlint.yaml is malformed or names an unknown rule, option or key',
  defaultSeverity: 'error',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    invalid: '{detail}',
  },
  check() {
    // Reported from the configuration, not from the project files.
  },
});
