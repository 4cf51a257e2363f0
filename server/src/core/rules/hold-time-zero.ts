// TMR206: a hold time of 0, which turns off keepalives and dead-peer detection. Docs: docs/rules/TMR206.md
import { defineRule } from './define';
import { crTimers, frrTimersLines, valueLoc } from './timer-helpers';
import { each } from './iterate';

export default defineRule({
  code: 'TMR206',
  name: 'hold-time-zero',
  summary: 'a hold time of 0: no keepalives and no detection of a dead peer',
  defaultSeverity: 'warning',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    frr: '"{command}" sets hold time 0: the session sends no keepalives and never detects a dead peer',
    field: '{object} sets holdTime "{value}": the session sends no keepalives and never detects a dead peer',
    derived: '{object} sets keepaliveTime "{value}" without holdTime, so MetalLB derives hold time 0: the session sends no keepalives and never detects a dead peer',
    v1beta1: '{object} is metallb.io/v1beta1 without holdTime, which converts to holdTime 0s: the session sends no keepalives and never detects a dead peer',
  },
  check(ctx) {
    // An explicit 0 is a deliberate choice that FRR, MetalLB and frr-k8s accept, so it is only info;
    // the warning is for a 0 the user did not write (v1beta1 conversion, derived from keepaliveTime: 0s).
    for (const line of frrTimersLines(ctx)) {
      if (line.hold.value !== 0) continue;
      ctx.report({ messageId: 'frr', data: { command: line.command }, loc: line.doc.resolve(line.hold.range), severity: 'info' });
    }
    each(crTimers(ctx), (t) => {
      if (t.hold) {
        // Exactly zero: a fraction that truncates to 0 is TMR204's (an error there).
        if (t.hold.duration.ok && t.hold.duration.nanos === 0n) {
          ctx.report({ messageId: 'field', data: { object: t.label, value: t.hold.value }, loc: valueLoc(t, t.hold), severity: 'info' });
        }
        return;
      }
      if (t.wrongType.some((w) => w.field === 'holdTime')) return;
      const ka = t.keepalive;
      if (t.v1beta1) {
        // With a non-zero keepaliveTime MetalLB rejects the peer instead (TMR202).
        if (ka && !(ka.duration.ok && ka.duration.nanos === 0n)) return;
        ctx.report({ messageId: 'v1beta1', data: { object: t.label }, loc: { uri: t.uri, range: t.anchor } });
      } else if (!t.strict && ka?.duration.ok && ka.duration.nanos === 0n) {
        ctx.report({ messageId: 'derived', data: { object: t.label, value: ka.value }, loc: valueLoc(t, ka) });
      }
    });
  },
});
