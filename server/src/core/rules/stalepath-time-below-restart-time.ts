// GR104: the helper's stalepath-time is below the restart-time the restarting end advertises. Docs: docs/rules/GR104.md
import type { Fix } from '../finding';
import type { End } from '../model/types';
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { locKey, setGrTimerEdit } from './gr-common';
import { eachVerdict } from './iterate';

export default defineRule({
  code: 'GR104',
  name: 'stalepath-time-below-restart-time',
  summary: "the helper's stalepath-time is shorter than the restart-time the restarting end advertises",
  defaultSeverity: 'warning',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    belowRestart:
      '{helper} keeps stale routes for at most stalepath-time {stalepath} s, less than the restart-time {restart} s that {restarting} advertises',
  },
  check(ctx) {
    const seen = new Set<string>();
    eachVerdict(ctx.model, (v) => {
      const a = v.restarting;
      const b = v.helper;
      if (a.gr.mode.value !== 'restart' || b.gr.mode.value === 'disable') return;
      const restart = a.gr.restartTime.value;
      const stale = b.gr.stalepathTime.value;
      if (!(stale < restart)) return;
      const loc = originLoc(b.gr.stalepathTime.origin) ?? b.decl;
      const key = `${locKey(loc)}|${a.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      const aLoc = originLoc(a.gr.restartTime.origin) ?? originLoc(a.gr.mode.origin) ?? a.decl;
      ctx.report({
        messageId: 'belowRestart',
        data: { helper: b.label, stalepath: stale, restart, restarting: a.label },
        loc,
        related: [{ loc: aLoc, message: `${a.label} advertises restart-time ${restart} s` }],
        fixes: fixesFor(b, restart),
      });
    });
  },
});

/** The helper's stalepath-time is set to the restart-time the restarting end asks for. */
function fixesFor(b: End, restart: number): Fix[] {
  const e = setGrTimerEdit(b, 'stalepath-time', b.gr.stalepathTime, restart);
  return e ? [{ title: `Set "bgp graceful-restart stalepath-time ${restart}"`, applicability: 'safe', edits: [e] }] : [];
}
