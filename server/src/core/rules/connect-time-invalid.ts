// TMR208: a connect time outside 1-65535 s or not in whole seconds. Docs: docs/rules/TMR208.md
import { MILLISECOND, SECOND } from '../k8s/duration';
import { defineRule } from './define';
import { crTimers, valueLoc } from './timer-helpers';

const MIN_CONNECT = 1;
const MAX_CONNECT = 65535;

export default defineRule({
  code: 'TMR208',
  name: 'connect-time-invalid',
  summary: 'a connect time outside 1-65535 seconds or not in whole seconds, which FRR or the CRD rejects',
  defaultSeverity: 'error',
  scope: 'cross-file',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    range: '{object} sets connectTime "{value}" ({seconds} s), which the CRD rejects: it must be between 1 and 65535 seconds',
    fraction: '{object} sets connectTime "{value}", which the CRD rejects: it must be a whole number of seconds',
  },
  check(ctx) {
    // An frr.conf `timers connect` outside 1-65535 is FRR501's (value-out-of-range), which covers every
    // modelled range per FRR version; this rule checks the CR field, whose limits are the CRD's CEL rules.
    for (const t of crTimers(ctx)) {
      // v1beta1 has no connectTime (an unknown field there, MLB403).
      const c = t.connect;
      if (t.v1beta1 || !c?.duration.ok) continue;
      // The CEL rules of the CRD (domain.md §1.2): getSeconds() in 1..65535 and getMilliseconds() % 1000 == 0,
      // both truncating toward zero.
      const seconds = c.duration.nanos / SECOND;
      const millis = c.duration.nanos / MILLISECOND;
      if (millis % 1000n !== 0n) {
        ctx.report({ messageId: 'fraction', data: { object: t.label, value: c.value }, loc: valueLoc(t, c) });
      } else if (seconds < BigInt(MIN_CONNECT) || seconds > BigInt(MAX_CONNECT)) {
        ctx.report({ messageId: 'range', data: { object: t.label, value: c.value, seconds: Number(seconds) }, loc: valueLoc(t, c) });
      }
    }
  },
});
