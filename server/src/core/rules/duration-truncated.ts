// TMR204: a holdTime or keepaliveTime with a fractional second, which MetalLB and frr-k8s truncate. Docs: docs/rules/TMR204.md
import type { Fix } from '../finding';
import { hasFractionalSecond, SECOND } from '../k8s/duration';
import type { DurationVal } from '../k8s/types';
import type { RuleContext } from './define';
import { defineRule } from './define';
import type { CrTimers } from './timer-helpers';
import { crTimers, replaceScalarEdit, secondsText, truncSeconds, valueLoc } from './timer-helpers';

export default defineRule({
  code: 'TMR204',
  name: 'duration-truncated',
  summary: 'a holdTime or keepaliveTime with a fractional second, truncated to whole seconds when rendered',
  defaultSeverity: 'warning',
  scope: 'k8s',
  fixAvailability: 'sometimes',
  reads: 'k8s',
  messages: {
    truncated: '{object} sets {field} "{value}", which {controller} truncates to {seconds} s',
    holdZero: '{object} sets holdTime "{value}", which {controller} truncates to 0 s: the hold timer and keepalives are disabled',
  },
  check(ctx) {
    for (const t of crTimers(ctx)) {
      for (const [field, d] of [
        ['holdTime', t.hold],
        ['keepaliveTime', t.keepalive],
      ] as const) {
        if (!d?.duration.ok || !hasFractionalSecond(d.duration.nanos)) continue;
        const seconds = truncSeconds(d)!;
        // `holdTime: 500ms` renders `timers 0 0`: no hold timer at all (domain.md §1.4).
        const holdZero = field === 'holdTime' && seconds === 0;
        ctx.report({
          messageId: holdZero ? 'holdZero' : 'truncated',
          data: { object: t.label, field, value: d.value, seconds, controller: t.controller },
          loc: valueLoc(t, d),
          fixes: fixFor(ctx, t, field, d),
          ...(holdZero ? { severity: 'error' as const } : {}),
        });
      }
    }
  },
});

/**
 * Rounds the value up to whole seconds. A hold time that would round up to 1 or 2 s becomes 3 s, the
 * smallest valid one; that picks a number, so it is unsafe. No fix when the result would make the
 * keepalive exceed the hold time.
 */
function fixFor(ctx: RuleContext, t: CrTimers, field: 'holdTime' | 'keepaliveTime', d: DurationVal): Fix[] {
  if (!d.duration.ok || d.duration.nanos < 0n) return [];
  let seconds = truncSeconds(d)! + 1;
  let applicability: 'safe' | 'unsafe' = 'safe';
  if (field === 'holdTime') {
    if (seconds < 3) {
      seconds = 3;
      applicability = 'unsafe';
    }
    if (t.keepalive?.duration.ok && t.keepalive.duration.nanos > BigInt(seconds) * SECOND) return [];
  } else {
    if (t.hold && (!t.hold.duration.ok || BigInt(seconds) * SECOND > t.hold.duration.nanos)) return [];
    if (!t.hold && t.v1beta1) return [];
  }
  const text = secondsText(seconds);
  const e = replaceScalarEdit(ctx, t.uri, d.range, text);
  const title = applicability === 'safe' ? `Round ${field} up to ${text}` : `Set ${field} to ${text}`;
  return e ? [{ title, applicability, edits: [e] }] : [];
}
