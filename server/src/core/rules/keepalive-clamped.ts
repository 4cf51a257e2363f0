// TMR203: a keepalive above a third of the hold time, which FRR silently lowers. Docs: docs/rules/TMR203.md
import type { Fix } from '../finding';
import type { RuleContext } from './define';
import { defineRule } from './define';
import type { CrTimers, FrrTimersLine } from './timer-helpers';
import { crTimers, frrTimersLines, replaceScalarEdit, secondsText, truncSeconds, valueLoc, withTimerValue } from './timer-helpers';
import { each } from './iterate';

export default defineRule({
  code: 'TMR203',
  name: 'keepalive-clamped',
  summary: 'a keepalive between a third of the hold time and the hold time: FRR silently uses hold / 3',
  // Info, not the catalog's warning: FRR accepts the line and runs a shorter keepalive, which is harmless to
  // the session (the frr-k8s corpus renders `timers 40 80`); the finding explains the effective value.
  defaultSeverity: 'info',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    frr: '"{command}" sets keepalive {keepalive} s above a third of hold time {hold} s: FRR silently uses {used} s',
    field: '{object} sets keepaliveTime "{keepalive}" above a third of holdTime "{hold}": FRR silently uses {used} s',
  },
  check(ctx) {
    for (const line of frrTimersLines(ctx)) {
      const k = line.keepalive.value;
      const h = line.hold.value;
      // FRR's peer_timers_set stores min(keepalive, hold / 3) (domain.md §4.3).
      const used = Math.floor(h / 3);
      if (h < 3 || k > h || k <= used) continue;
      ctx.report({
        messageId: 'frr',
        data: { command: line.command, keepalive: k, hold: h, used },
        loc: line.doc.resolve(line.keepalive.range),
        fixes: frrFix(line, used),
      });
    }
    each(crTimers(ctx), (t) => {
      const ka = t.keepalive;
      const hold = t.hold;
      if (!ka?.duration.ok || !hold?.duration.ok) return;
      // Rendered as `timers K H` in whole seconds; MetalLB and frr-k8s compare the exact durations.
      const k = truncSeconds(ka)!;
      const h = truncSeconds(hold)!;
      const used = Math.floor(h / 3);
      if (h < 3 || ka.duration.nanos > hold.duration.nanos || k <= used) return;
      ctx.report({
        messageId: 'field',
        data: { object: t.label, keepalive: ka.value, hold: hold.value, used },
        loc: valueLoc(t, ka),
        fixes: crFix(ctx, t, used),
      });
    });
  },
});

function frrFix(line: FrrTimersLine, keepalive: number): Fix[] {
  const e = line.doc.edit(line.keepalive.range, String(keepalive));
  return e ? [{ title: `Change to "${withTimerValue(line, 'keepalive', keepalive)}"`, applicability: 'safe', edits: [e] }] : [];
}

function crFix(ctx: RuleContext, t: CrTimers, keepalive: number): Fix[] {
  if (!t.keepalive) return [];
  const v = secondsText(keepalive);
  const e = replaceScalarEdit(ctx, t.uri, t.keepalive.range, v);
  return e ? [{ title: `Set keepaliveTime to ${v}`, applicability: 'safe', edits: [e] }] : [];
}
