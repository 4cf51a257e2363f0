// TMR202: a keepalive above the hold time, which MetalLB and frr-k8s reject and FRR clamps. Docs: docs/rules/TMR202.md
import type { Fix } from '../finding';
import type { RuleContext } from './define';
import { defineRule } from './define';
import type { CrTimers, FrrTimersLine } from './timer-helpers';
import { crTimers, frrTimersLines, replaceScalarEdit, secondsText, truncSeconds, valueLoc, withTimerValue } from './timer-helpers';
import { each } from './iterate';

export default defineRule({
  code: 'TMR202',
  name: 'keepalive-exceeds-hold-time',
  summary: 'a keepalive above the hold time: MetalLB and frr-k8s reject the object, FRR silently uses a third of the hold time',
  defaultSeverity: 'error',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    frr: '"{command}" sets keepalive {keepalive} s above hold time {hold} s: FRR silently uses {used} s',
    field: '{object} sets keepaliveTime "{keepalive}" above holdTime "{hold}", which {controller} rejects',
    v1beta1: '{object} sets keepaliveTime "{keepalive}" without holdTime, which metallb.io/v1beta1 converts to 0s, so MetalLB rejects the keepalive as above the hold time',
  },
  check(ctx) {
    for (const line of frrTimersLines(ctx)) {
      const k = line.keepalive.value;
      const h = line.hold.value;
      // A hold of 1 or 2 makes FRR reject the whole line (TMR201); the keepalive then does not matter.
      if ((h !== 0 && h < 3) || k <= h) continue;
      const used = Math.floor(h / 3);
      ctx.report({
        messageId: 'frr',
        data: { command: line.command, keepalive: k, hold: h, used },
        loc: line.doc.resolve(line.keepalive.range),
        fixes: frrFix(line, used),
      });
    }
    each(crTimers(ctx), (t) => {
      const ka = t.keepalive;
      if (!ka?.duration.ok) return;
      if (t.hold) {
        if (!t.hold.duration.ok) return;
        const hs = truncSeconds(t.hold)!;
        if ((hs !== 0 && hs < 3) || ka.duration.nanos <= t.hold.duration.nanos) return;
        ctx.report({
          messageId: 'field',
          data: { object: t.label, keepalive: ka.value, hold: t.hold.value, controller: t.controller },
          loc: valueLoc(t, ka),
          fixes: crFix(ctx, t, hs),
        });
      } else if (t.v1beta1 && ka.duration.nanos > 0n) {
        ctx.report({ messageId: 'v1beta1', data: { object: t.label, keepalive: ka.value }, loc: valueLoc(t, ka) });
      }
    });
  },
});

function frrFix(line: FrrTimersLine, keepalive: number): Fix[] {
  const e = line.doc.edit(line.keepalive.range, String(keepalive));
  return e ? [{ title: `Change to "${withTimerValue(line, 'keepalive', keepalive)}"`, applicability: 'safe', edits: [e] }] : [];
}

function crFix(ctx: RuleContext, t: CrTimers, holdSeconds: number): Fix[] {
  if (!t.keepalive || holdSeconds < 0) return [];
  const v = secondsText(Math.floor(holdSeconds / 3));
  const e = replaceScalarEdit(ctx, t.uri, t.keepalive.range, v);
  return e ? [{ title: `Set keepaliveTime to ${v}`, applicability: 'safe', edits: [e] }] : [];
}
