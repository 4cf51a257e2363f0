// TMR205: an FRRConfiguration neighbor with only one of holdTime and keepaliveTime, which frr-k8s rejects. Docs: docs/rules/TMR205.md
import type { Fix } from '../finding';
import type { DurationVal } from '../k8s/types';
import type { RuleContext } from './define';
import { defineRule } from './define';
import type { CrTimers } from './timer-helpers';
import { crTimers, entryAt, insertSiblingEdit, secondsText, TIMER_MAX, truncSeconds, valueLoc } from './timer-helpers';

export default defineRule({
  code: 'TMR205',
  name: 'timers-half-specified',
  summary: 'an FRRConfiguration neighbor sets only one of holdTime and keepaliveTime, which frr-k8s rejects',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'sometimes',
  reads: 'k8s',
  messages: {
    half: '{object} sets {present} but not {missing}, which frr-k8s rejects: both must be set or neither',
  },
  check(ctx) {
    for (const t of crTimers(ctx)) {
      // MetalLB derives the missing one (domain.md §1.4); only frr-k8s insists on both (§3.3).
      if (!t.strict) continue;
      const has = (f: 'holdTime' | 'keepaliveTime', v: DurationVal | undefined): boolean => v !== undefined || t.wrongType.some((w) => w.field === f);
      const hasHold = has('holdTime', t.hold);
      const hasKa = has('keepaliveTime', t.keepalive);
      if (hasHold === hasKa) continue;
      const present = hasHold ? t.hold : t.keepalive;
      // A present field of the wrong type is TMR209's; its location is the value node.
      const loc = present
        ? valueLoc(t, present)
        : { uri: t.uri, range: t.wrongType.find((w) => w.field === (hasHold ? 'holdTime' : 'keepaliveTime'))!.invalid.node.range };
      ctx.report({
        messageId: 'half',
        data: { object: t.label, present: hasHold ? 'holdTime' : 'keepaliveTime', missing: hasHold ? 'keepaliveTime' : 'holdTime' },
        loc,
        fixes: present ? fixFor(ctx, t, hasHold ? 'holdTime' : 'keepaliveTime', present) : [],
      });
    }
  },
});

/** Adds the missing field next to the present one: keepalive = hold / 3 (rounded down), hold = 3 x keepalive. */
function fixFor(ctx: RuleContext, t: CrTimers, present: 'holdTime' | 'keepaliveTime', v: DurationVal): Fix[] {
  const secs = truncSeconds(v);
  if (secs === undefined || !t.map) return [];
  const entry = entryAt(t.map, v.range);
  if (!entry) return [];
  let key: string;
  let value: number;
  if (present === 'holdTime') {
    if (secs < 0) return [];
    key = 'keepaliveTime';
    value = Math.floor(secs / 3);
  } else {
    // keepaliveTime 0s (or below a second) would make the hold time 0: no keepalives at all; leave that to the user.
    if (secs <= 0 || 3 * secs > TIMER_MAX) return [];
    key = 'holdTime';
    value = 3 * secs;
  }
  const e = insertSiblingEdit(ctx, t.uri, t.map, entry, key, secondsText(value));
  return e ? [{ title: `Add ${key}: ${secondsText(value)}`, applicability: 'safe', edits: [e] }] : [];
}
