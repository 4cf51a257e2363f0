// GR112: a restarting end turns off the N bit (no bgp graceful-restart notification). Docs: docs/rules/GR112.md
import type { RelatedLocation } from '../finding';
import type { End, Location } from '../model/types';
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { activeHelpers, listLabels, locKey, sameLoc, versionBelow } from './gr-common';
import { eachEnd } from './iterate';

/** `bgp graceful-restart notification` exists since FRR 8.3 (older releases have no N bit at all). */
const FRR_N_BIT = '8.3';

export default defineRule({
  code: 'GR112',
  name: 'notification-disabled',
  summary: 'an end in restart mode turns off the N bit, so GR does not cover hold-timer expiry or a NOTIFICATION',
  defaultSeverity: 'info',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    noNotification:
      'no N bit for {restarting} in restart mode: after a hold-timer expiry or a NOTIFICATION, the routes are deleted by {helper} instead of kept',
    noNotificationUnpaired:
      'no N bit for {restarting} in restart mode: after a hold-timer expiry or a NOTIFICATION, the helper deletes the routes instead of keeping them',
  },
  check(ctx) {
    const groups = new Map<string, { loc: Location; ends: End[]; helpers: End[] }>();
    eachEnd(ctx.model, (a) => {
      if (a.gr.mode.value !== 'restart' || a.gr.notification.value) return;
      // The command is new in 8.3; an older FRR rejects it (FRR506) and has no N bit to turn off.
      if (versionBelow(a, FRR_N_BIT)) return;
      const loc = originLoc(a.gr.notification.origin);
      if (!loc) return;
      const helpers = activeHelpers(ctx.model, a);
      if (helpers && helpers.length === 0) return;
      const k = locKey(loc);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { loc, ends: [], helpers: [] }));
      g.ends.push(a);
      for (const h of helpers ?? []) if (!g.helpers.some((x) => x.id === h.id)) g.helpers.push(h);
    });
    for (const g of groups.values()) {
      const related: RelatedLocation[] = [];
      const modeLoc = originLoc(g.ends[0]!.gr.mode.origin);
      if (modeLoc && !sameLoc(modeLoc, g.loc)) related.push({ loc: modeLoc, message: `${g.ends[0]!.label} is in restart mode` });
      for (const h of g.helpers) related.push({ loc: h.decl, message: `${h.label} is the helper` });
      ctx.report({
        messageId: g.helpers.length > 0 ? 'noNotification' : 'noNotificationUnpaired',
        data: { restarting: listLabels(g.ends.map((e) => e.label)), ...(g.helpers.length > 0 ? { helper: listLabels(g.helpers.map((h) => h.label)) } : {}) },
        loc: g.loc,
        related,
      });
    }
  },
});
