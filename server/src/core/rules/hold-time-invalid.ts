// TMR201: a hold time of 1 or 2 seconds, which FRR, MetalLB and frr-k8s reject. Docs: docs/rules/TMR201.md
import type { Fix } from '../finding';
import { SECOND } from '../k8s/duration';
import type { RuleContext } from './define';
import { defineRule } from './define';
import type { CrTimers, FrrTimersLine } from './timer-helpers';
import { crTimers, frrTimersLines, replaceScalarEdit, secondsText, TIMER_MAX, truncSeconds, valueLoc, withTimerValue } from './timer-helpers';
import { each } from './iterate';

/** RFC 4271 §4.2: a hold time is 0 or at least 3 s. */
const MIN_HOLD = 3;

export default defineRule({
  code: 'TMR201',
  name: 'hold-time-invalid',
  summary: 'a hold time that is neither 0 nor at least 3 seconds: FRR rejects the timers, MetalLB and frr-k8s the object',
  defaultSeverity: 'error',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    frr: '"{command}" sets hold time {hold} s, which FRR rejects: a hold time must be 0 or at least 3 s',
    field: '{object} sets holdTime "{value}", which is {seconds} s in whole seconds and {controller} rejects: a hold time must be 0 or at least 3 s',
    derived: '{object} sets keepaliveTime "{value}" without holdTime, so MetalLB derives a hold time of {seconds} s and rejects it: a hold time must be 0 or at least 3 s',
  },
  check(ctx) {
    for (const line of frrTimersLines(ctx)) {
      const h = line.hold.value;
      if (h === 0 || h >= MIN_HOLD) continue;
      ctx.report({
        messageId: 'frr',
        data: { command: line.command, hold: h },
        loc: line.doc.resolve(line.hold.range),
        fixes: frrFix(line),
      });
    }
    each(crTimers(ctx), (t) => {
      if (t.hold) {
        const secs = truncSeconds(t.hold);
        if (secs === undefined || secs === 0 || secs >= MIN_HOLD) return;
        ctx.report({
          messageId: 'field',
          data: { object: t.label, value: t.hold.value, seconds: secs, controller: t.controller },
          loc: valueLoc(t, t.hold),
          fixes: crFix(ctx, t),
        });
      } else if (t.keepalive?.duration.ok && !t.strict && !t.v1beta1) {
        // MetalLB derives a missing hold time as 3 x keepaliveTime (domain.md §1.4).
        const secs = Number((t.keepalive.duration.nanos * 3n) / SECOND);
        if (secs === 0 || secs >= MIN_HOLD) return;
        ctx.report({
          messageId: 'derived',
          data: { object: t.label, value: t.keepalive.value, seconds: secs },
          loc: valueLoc(t, t.keepalive),
        });
      }
    });
  },
});

/** The hold time the fix writes: 3 x keepalive, at least 3, at most FRR's maximum. */
function fixedHold(keepalive: number): number {
  return Math.min(TIMER_MAX, Math.max(MIN_HOLD, 3 * keepalive));
}

function frrFix(line: FrrTimersLine): Fix[] {
  const hold = fixedHold(line.keepalive.value);
  const e = line.doc.edit(line.hold.range, String(hold));
  return e ? [{ title: `Change to "${withTimerValue(line, 'hold', hold)}"`, applicability: 'unsafe', edits: [e] }] : [];
}

function crFix(ctx: RuleContext, t: CrTimers): Fix[] {
  if (!t.hold) return [];
  const ka = t.keepalive ? truncSeconds(t.keepalive) : 0;
  if (ka === undefined || ka < 0) return [];
  const hold = fixedHold(ka);
  // The new hold must not fall below the keepalive as written (MetalLB compares the exact durations).
  if (t.keepalive?.duration.ok && t.keepalive.duration.nanos > BigInt(hold) * SECOND) return [];
  const e = replaceScalarEdit(ctx, t.uri, t.hold.range, secondsText(hold));
  return e ? [{ title: `Set holdTime to ${secondsText(hold)}`, applicability: 'unsafe', edits: [e] }] : [];
}
