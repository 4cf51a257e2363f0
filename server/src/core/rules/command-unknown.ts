// FRR504: a line starts like a modelled command but is not one. Docs: docs/rules/FRR504.md
import { defineRule } from './define';
import { reportFrrFamily } from './frr-lines';

export default defineRule({
  code: 'FRR504',
  name: 'command-unknown',
  summary: 'a line starts like a modelled frr.conf command but misspells, abbreviates ambiguously, leaves out or adds a word',
  defaultSeverity: 'error',
  scope: 'frr',
  fixAvailability: 'sometimes',
  messages: {
    unknownKeyword: 'unknown keyword "{word}" after "{before}" (nearest valid spelling: "{suggestion}")',
    unknownCommand: 'unknown command "{word}" (nearest valid spelling: "{suggestion}")',
    unexpected: 'unexpected "{word}" after "{before}" (expected {expected})',
    ambiguous: '"{word}" is ambiguous: it abbreviates {candidates}',
    incomplete: '"{command}" is incomplete: {expected} is missing',
    extra: 'unexpected "{word}" after the complete command "{command}"',
  },
  check(ctx) {
    reportFrrFamily(ctx, 'FRR504');
  },
});
