// GR107: a restarting end advertises restart-time 0 without LLGR. Docs: docs/rules/GR107.md
import type { Fix, RelatedLocation } from '../finding';
import type { End, Location } from '../model/types';
import { llgrPeriod } from '../model/verdict';
import { defineRule } from './define';
import { deleteLineEdit, originLoc } from './fix-helpers';
import { activeHelpers, grStatementAt, listLabels, locKey, sameLoc, statementText, versionBelow } from './gr-common';
import { eachEnd } from './iterate';

/** FRR accepts restart-time 0 since 8.2 (1-4095 before; the line is then rejected and has no effect). */
const FRR_RESTART_TIME_ZERO = '8.2';

export default defineRule({
  code: 'GR107',
  name: 'restart-time-zero',
  summary: 'an end in restart mode advertises restart-time 0 without an LLGR period, so its helpers delete its routes at once',
  defaultSeverity: 'warning',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    zero: 'restart-time 0 without LLGR for {restarting} in restart mode: the routes are deleted by {helper} as soon as the session goes down',
    zeroUnpaired: 'restart-time 0 without LLGR for {restarting} in restart mode: the helper deletes the routes as soon as the session goes down',
    zeroHelperNoLlgr:
      'restart-time 0 for {restarting} in restart mode, and no LLGR period from {helper} (no LLGR stale-time of its own): the routes are deleted as soon as the session goes down',
  },
  check(ctx) {
    const groups = new Map<string, { loc: Location; ends: End[]; helpers: End[] }>();
    eachEnd(ctx.model, (a) => {
      if (a.gr.mode.value !== 'restart' || a.gr.restartTime.value !== 0) return;
      if (versionBelow(a, FRR_RESTART_TIME_ZERO)) return;
      const loc = originLoc(a.gr.restartTime.origin);
      if (!loc) return;
      // LLGR runs for min(A's and B's LLGR stale-time): a helper without its own starts no LLGR period
      // (docs/lab/measurements.md §3.3). Without a known helper, only A's own LLGR can be judged.
      let helpers = activeHelpers(ctx.model, a);
      if (helpers) helpers = helpers.filter((h) => llgrPeriod(a, h) === 0);
      else if (a.gr.llgrStaleTime.value !== 0) return;
      if (helpers && helpers.length === 0) return;
      const k = locKey(loc);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { loc, ends: [], helpers: [] }));
      g.ends.push(a);
      for (const h of helpers ?? []) if (!g.helpers.some((x) => x.id === h.id)) g.helpers.push(h);
    });
    for (const g of groups.values()) {
      const a = g.ends[0]!;
      const related: RelatedLocation[] = [];
      const modeLoc = originLoc(a.gr.mode.origin);
      if (modeLoc && !sameLoc(modeLoc, g.loc)) related.push({ loc: modeLoc, message: `${a.label} is in restart mode` });
      for (const h of g.helpers) related.push({ loc: h.decl, message: `${h.label} deletes the routes when the session goes down` });
      ctx.report({
        messageId: g.helpers.length === 0 ? 'zeroUnpaired' : a.gr.llgrStaleTime.value === 0 ? 'zero' : 'zeroHelperNoLlgr',
        data: { restarting: listLabels(g.ends.map((e) => e.label)), ...(g.helpers.length > 0 ? { helper: listLabels(g.helpers.map((h) => h.label)) } : {}) },
        loc: g.loc,
        related,
        fixes: fixesFor(a, g.loc),
      });
    }
  },
});

/** The `restart-time 0` line is removed, so the default restart-time (120 s) applies again. */
function fixesFor(a: End, loc: Location): Fix[] {
  const found = grStatementAt(a, loc);
  if (!found) return [];
  const e = deleteLineEdit(found.doc, found.statement.line);
  return e ? [{ title: `Remove "${statementText(found.doc, found.statement)}"`, applicability: 'safe', edits: [e] }] : [];
}
