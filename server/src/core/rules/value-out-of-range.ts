// FRR501: a modelled command's number (or address) is outside what FRR accepts. Docs: docs/rules/FRR501.md
import { defineRule } from './define';
import { reportFrrFamily } from './frr-lines';

export default defineRule({
  code: 'FRR501',
  name: 'value-out-of-range',
  summary: 'a number or address of a modelled frr.conf command is outside the range FRR accepts',
  defaultSeverity: 'error',
  scope: 'frr',
  fixAvailability: 'none',
  messages: {
    outOfRange: '{what} {value} is outside {min}-{max}',
    outOfRangeForVersion: '{what} {value} is outside {min}-{max} for FRR {version}',
    invalid: '{what} "{value}" is not {expected}',
  },
  check(ctx) {
    reportFrrFamily(ctx, 'FRR501');
  },
});
