// GR110: a restarting end on FRR older than 8.4.2 sends a Cease on shutdown. Docs: docs/rules/GR110.md
import type { RelatedLocation } from '../finding';
import type { End, Location } from '../model/types';
import { FRR_NO_CEASE_ON_SHUTDOWN } from '../model/verdict';
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { activeHelpers, listLabels, locKey, sameLoc, versionBelow } from './gr-common';
import { eachEnd } from './iterate';

export default defineRule({
  code: 'GR110',
  name: 'restarting-frr-sends-cease',
  summary: 'an end in restart mode runs FRR older than 8.4.2, which sends a Cease on shutdown so its helpers flush',
  defaultSeverity: 'warning',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    cease:
      'FRR {version}, older than {fixed}, sends a Cease when bgpd shuts down: the routes of {restarting} in restart mode are flushed by {helper} despite graceful restart',
    ceaseUnpaired:
      'FRR {version}, older than {fixed}, sends a Cease when bgpd shuts down: the helper flushes the routes of {restarting} in restart mode despite graceful restart',
  },
  check(ctx) {
    const groups = new Map<string, { loc: Location; version: string; ends: End[]; helpers: End[] }>();
    eachEnd(ctx.model, (a) => {
      // Version-gated: silent when the version is unknown.
      if (a.gr.mode.value !== 'restart' || !a.frrVersion || !versionBelow(a, FRR_NO_CEASE_ON_SHUTDOWN)) return;
      const helpers = activeHelpers(ctx.model, a);
      if (helpers && helpers.length === 0) return;
      const loc = originLoc(a.frrVersion.origin) ?? originLoc(a.gr.mode.origin) ?? a.decl;
      const k = locKey(loc);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { loc, version: a.frrVersion.value, ends: [], helpers: [] }));
      g.ends.push(a);
      for (const h of helpers ?? []) if (!g.helpers.some((x) => x.id === h.id)) g.helpers.push(h);
    });
    for (const g of groups.values()) {
      const related: RelatedLocation[] = [];
      for (const a of g.ends) {
        const modeLoc = originLoc(a.gr.mode.origin);
        if (modeLoc && !sameLoc(modeLoc, g.loc) && !related.some((r) => sameLoc(r.loc, modeLoc))) {
          related.push({ loc: modeLoc, message: `${a.label} is in restart mode` });
        }
      }
      for (const h of g.helpers) related.push({ loc: h.decl, message: `${h.label} flushes the routes on the Cease` });
      ctx.report({
        messageId: g.helpers.length > 0 ? 'cease' : 'ceaseUnpaired',
        data: {
          restarting: listLabels(g.ends.map((e) => e.label)),
          version: g.version,
          fixed: FRR_NO_CEASE_ON_SHUTDOWN,
          ...(g.helpers.length > 0 ? { helper: listLabels(g.helpers.map((h) => h.label)) } : {}),
        },
        loc: g.loc,
        related,
      });
    }
  },
});
