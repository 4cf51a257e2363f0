// GR105: the helper keeps the restarting end's routes for less than the restart budget. Docs: docs/rules/GR105.md
import type { Fix } from '../finding';
import type { End, Location, Verdict } from '../model/types';
import { llgrPeriod } from '../model/verdict';
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { locKey, setGrTimerEdit } from './gr-common';
import { eachVerdict } from './iterate';

/** The largest restart-time FRR accepts (a 12-bit field, RFC 4724 §3). */
const MAX_RESTART_TIME = 4095;

export default defineRule({
  code: 'GR105',
  name: 'restart-window-below-budget',
  summary: 'the restart verdict keeps routes for fewer seconds than the restart budget',
  defaultSeverity: 'warning',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  options: {
    restartBudgetSeconds: {
      type: 'number',
      default: 90,
      minimum: 1,
      description: 'How long a restart of a restarting end may take (pod rescheduling, image pull, FRR start), in seconds',
    },
  },
  messages: {
    belowBudget: '{helper} keeps the routes of {restarting} for {seconds} s while it restarts, below the restart budget of {budget} s',
  },
  check(ctx) {
    const budget = Number(ctx.options['restartBudgetSeconds'] ?? 90);
    if (!Number.isFinite(budget)) return;
    const seen = new Set<string>();
    eachVerdict(ctx.model, (v) => {
      if (!v.kept || v.seconds === null || v.seconds >= budget) return;
      const { loc, related } = placement(v);
      const key = `${locKey(loc)}|${v.restarting.id}|${v.helper.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx.report({
        messageId: 'belowBudget',
        data: { helper: v.helper.label, restarting: v.restarting.label, seconds: v.seconds, budget },
        loc,
        related,
        fixes: fixesFor(v, budget),
      });
    });
  },
});

/** The finding sits on the setting that bounds the window; the other end is related. */
function placement(v: Verdict): { loc: Location; related: { loc: Location; message: string }[] } {
  const a = v.restarting;
  const b = v.helper;
  const aLoc = (x: End): Location => originLoc(x.gr.restartTime.origin) ?? originLoc(x.gr.mode.origin) ?? x.decl;
  if (v.boundBy === 'stalepath-time') {
    return {
      loc: originLoc(b.gr.stalepathTime.origin) ?? b.decl,
      related: [{ loc: aLoc(a), message: `${a.label} advertises restart-time ${a.gr.restartTime.value} s` }],
    };
  }
  if (v.boundBy === 'llgr') {
    // The LLGR period is the smaller of both ends' LLGR stale-times.
    const bound = b.gr.llgrStaleTime.value < a.gr.llgrStaleTime.value ? b : a;
    const other = bound === a ? b : a;
    return {
      loc: originLoc(bound.gr.llgrStaleTime.origin) ?? aLoc(a),
      related: [
        {
          loc: originLoc(other.gr.llgrStaleTime.origin) ?? other.decl,
          message: `${other.label} has LLGR stale-time ${other.gr.llgrStaleTime.value} s`,
        },
      ],
    };
  }
  return {
    loc: aLoc(a),
    related: [{ loc: originLoc(b.gr.stalepathTime.origin) ?? b.decl, message: `${b.label} has stalepath-time ${b.gr.stalepathTime.value} s` }],
  };
}

/**
 * When the restart-time bounds the window, it is raised to the budget, provided that this closes the
 * gap (the helper's stalepath-time does not bound it below the budget). Unsafe: FRR 10.5 and later reset
 * the graceful-restart sessions when restart-time changes, and the budget is a judgment call.
 */
function fixesFor(v: Verdict, budget: number): Fix[] {
  if (v.boundBy !== 'restart-time' || budget > MAX_RESTART_TIME || !Number.isInteger(budget)) return [];
  const a = v.restarting;
  if (Math.min(budget, v.helper.gr.stalepathTime.value) + llgrPeriod(a, v.helper) < budget) return [];
  const e = setGrTimerEdit(a, 'restart-time', a.gr.restartTime, budget);
  return e ? [{ title: `Set "bgp graceful-restart restart-time ${budget}"`, applicability: 'unsafe', edits: [e] }] : [];
}
