// GR106: the restart-time is longer than the negotiated hold time. Docs: docs/rules/GR106.md
import type { End, Location } from '../model/types';
import { bfdRuns, llgrPeriod } from '../model/verdict';
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { versionBelow } from './gr-common';
import { eachVerdict } from './iterate';

/** The first FRR release with the N bit (RFC 8538, `bgp graceful-restart notification`). */
const FRR_N_BIT = '8.3';

export default defineRule({
  code: 'GR106',
  name: 'restart-time-exceeds-hold-time',
  summary: 'the restart-time is longer than the negotiated hold time, so a dead peer is kept for hold + restart-time',
  defaultSeverity: 'info',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    exceedsHold:
      '{restarting} advertises restart-time {restart} s, longer than the negotiated hold time {hold} s: if it dies without closing the session, {helper} keeps forwarding to it for up to {total} s',
  },
  check(ctx) {
    // Sessions are unique per pair of end ids (pairEnds), so each (restarting, helper) pair is met once.
    eachVerdict(ctx.model, (v) => {
      const a = v.restarting;
      const b = v.helper;
      if (a.gr.mode.value !== 'restart' || b.gr.mode.value === 'disable') return;
      const hold = Math.min(a.timers.hold.value, b.timers.hold.value);
      const restart = a.gr.restartTime.value;
      // A hold time of 0 disables dead-peer detection altogether (TMR206 reports that).
      if (hold <= 0 || restart <= hold) return;
      // BFD without check-control-plane-failure tears the session down first (BFD301).
      if (bfdRuns(a, b) && !b.bfd.checkControlPlaneFailure.value) return;
      // Only with the N bit on both ends does a hold-timer expiry start graceful restart; without it the
      // helper flushes at hold expiry and the restart-time plays no part.
      if (!nBitNegotiated(a, b)) return;
      const loc = originLoc(a.gr.restartTime.origin) ?? originLoc(a.gr.mode.origin) ?? a.decl;
      const total = hold + Math.min(restart, b.gr.stalepathTime.value) + llgrPeriod(a, b);
      const owner = b.timers.hold.value <= a.timers.hold.value ? b : a;
      const related: { loc: Location; message: string }[] = [
        { loc: originLoc(owner.timers.hold.origin) ?? owner.decl, message: `${owner.label} has hold time ${owner.timers.hold.value} s` },
      ];
      if (owner === a) related.push({ loc: b.decl, message: `${b.label} is the helper` });
      ctx.report({
        messageId: 'exceedsHold',
        data: { restarting: a.label, restart, hold, helper: b.label, total },
        loc,
        related,
      });
    });
  },
});

function nBitNegotiated(a: End, b: End): boolean {
  return a.gr.notification.value && b.gr.notification.value && !versionBelow(a, FRR_N_BIT) && !versionBelow(b, FRR_N_BIT);
}
