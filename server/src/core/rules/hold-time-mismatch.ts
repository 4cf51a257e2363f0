// TMR207: both ends of a session configure different hold times; the larger never takes effect. Docs: docs/rules/TMR207.md
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { eachSession } from './iterate';

export default defineRule({
  code: 'TMR207',
  name: 'hold-time-mismatch',
  summary: 'the two ends of a session configure different hold times: the session uses the smaller one',
  defaultSeverity: 'info',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    mismatch: '{end} configures hold time {hold} s but {other} configures {otherHold} s: the session uses {used} s',
  },
  check(ctx) {
    const seen = new Set<string>();
    eachSession(ctx.model, (s) => {
      const x = s.a;
      const y = s.b;
      const xl = originLoc(x.timers.hold.origin);
      const yl = originLoc(y.timers.hold.origin);
      // Only values both ends wrote (or MetalLB renders); a default on either side is not a choice.
      if (!xl || !yl || x.timers.hold.value === y.timers.hold.value) return;
      // Reported on the larger one, which never takes effect; related: the smaller one.
      const [big, bigLoc, small, smallLoc] = x.timers.hold.value > y.timers.hold.value ? [x, xl, y, yl] : [y, yl, x, xl];
      const key = `${bigLoc.uri}@${bigLoc.range.start}|${small.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx.report({
        messageId: 'mismatch',
        data: { end: big.label, hold: big.timers.hold.value, other: small.label, otherHold: small.timers.hold.value, used: small.timers.hold.value },
        loc: bigLoc,
        related: [{ loc: smallLoc, message: `${small.label} configures hold time ${small.timers.hold.value} s` }],
      });
    });
  },
});
