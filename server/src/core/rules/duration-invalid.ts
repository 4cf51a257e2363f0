// TMR209: a holdTime, keepaliveTime or connectTime that is not a Go duration. Docs: docs/rules/TMR209.md
import { parseGoDuration } from '../k8s/duration';
import { defineRule } from './define';
import { crTimers, valueLoc } from './timer-helpers';

export default defineRule({
  code: 'TMR209',
  name: 'duration-invalid',
  summary: 'a timer field that is not a Go duration (such as 90, 1 m or 5x), so the object is rejected',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    invalid: '{object} sets {field} "{value}", which is not a Go duration ({error})',
  },
  check(ctx) {
    for (const t of crTimers(ctx)) {
      for (const [field, d] of [
        ['holdTime', t.hold],
        ['keepaliveTime', t.keepalive],
        ['connectTime', t.connect],
      ] as const) {
        if (!d || d.duration.ok) continue;
        ctx.report({ messageId: 'invalid', data: { object: t.label, field, value: d.value, error: d.duration.message }, loc: valueLoc(t, d) });
      }
      // `holdTime: 90` is a YAML number, not a duration string.
      for (const w of t.wrongType) {
        const n = w.invalid.node;
        if (n.kind !== 'scalar' || typeof n.value !== 'number') continue;
        const r = parseGoDuration(n.source);
        ctx.report({
          messageId: 'invalid',
          data: { object: t.label, field: w.field, value: n.source, error: r.ok ? 'a number, not a string' : r.message },
          loc: { uri: t.uri, range: n.range },
        });
      }
    }
  },
});
