// FRR506: a command (or value) the file's FRR version does not have yet. Docs: docs/rules/FRR506.md
import { defineRule } from './define';
import { reportFrrFamily } from './frr-lines';

export default defineRule({
  code: 'FRR506',
  name: 'command-too-new',
  summary: 'a command or value that the file\'s FRR version does not have yet',
  defaultSeverity: 'warning',
  scope: 'frr',
  fixAvailability: 'none',
  messages: {
    tooNew: '"{command}" needs FRR {since}, but the file is for FRR {version}',
    tooNewTopLevel: '"{command}" at the top level (BGP-wide) needs FRR {since}, but the file is for FRR {version}',
    valueTooNew: '{what} {value} needs FRR {since}, but the file is for FRR {version}',
  },
  check(ctx) {
    reportFrrFamily(ctx, 'FRR506');
  },
});
