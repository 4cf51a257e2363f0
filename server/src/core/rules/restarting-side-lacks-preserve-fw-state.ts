// GR102: a restarting end without preserve-fw-state, so its helpers flush its routes. Docs: docs/rules/GR102.md
import type { FileEdit, Fix, RelatedLocation } from '../finding';
import type { End, Location } from '../model/types';
import { defineRule } from './define';
import { deleteLineEdit, originLoc } from './fix-helpers';
import { activeHelpers, grStatementAt, insertGrCommand, listLabels, locKey, sameLoc, statementText } from './gr-common';
import { eachEnd } from './iterate';

const COMMAND = 'bgp graceful-restart preserve-fw-state';

export default defineRule({
  code: 'GR102',
  name: 'restarting-side-lacks-preserve-fw-state',
  summary: 'an end in restart mode does not set preserve-fw-state, so the F bit is 0 and its helpers flush its routes on reconnect',
  defaultSeverity: 'error',
  scope: 'cross-file',
  fixAvailability: 'sometimes',
  messages: {
    noPreserve:
      'graceful restart without preserve-fw-state for {restarting}: the F bit is 0, so the stale routes are flushed by {helper} as soon as the session returns',
    noPreserveUnpaired:
      'graceful restart without preserve-fw-state for {restarting}: the F bit is 0, so the helper flushes the stale routes as soon as the session returns',
  },
  check(ctx) {
    const groups = new Map<string, { loc: Location; ends: End[]; helpers: End[] }>();
    eachEnd(ctx.model, (a) => {
      if (a.gr.mode.value !== 'restart' || a.gr.preserveFwState.value) return;
      const helpers = activeHelpers(ctx.model, a);
      if (helpers && helpers.length === 0) return;
      const pfs = a.gr.preserveFwState.origin;
      // An explicit negation is the cause; otherwise the line that put the end in restart mode.
      const loc = pfs.kind === 'config' ? pfs.loc : (originLoc(a.gr.mode.origin) ?? a.decl);
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
      for (const h of g.helpers) related.push({ loc: h.decl, message: `${h.label} flushes the stale routes when the session returns` });
      ctx.report({
        messageId: g.helpers.length > 0 ? 'noPreserve' : 'noPreserveUnpaired',
        data: { restarting: listLabels(g.ends.map((e) => e.label)), ...(g.helpers.length > 0 ? { helper: listLabels(g.helpers.map((h) => h.label)) } : {}) },
        loc: g.loc,
        related,
        fixes: fixesFor(a),
      });
    }
  },
});

/**
 * Plain FRR: the negating line becomes the positive one, or the command is added to the router block.
 * MetalLB / frr-k8s always render the command, so removing the negation(s) in raw/extras text restores it.
 */
function fixesFor(a: End): Fix[] {
  const o = a.gr.preserveFwState.origin;
  const doc = a.instance.doc;
  if (o.kind !== 'config') {
    const e = insertGrCommand(a, COMMAND);
    return e ? [{ title: `Add "${COMMAND}"`, applicability: 'safe', edits: [e] }] : [];
  }
  if (doc.kind === 'rendered') {
    const edits: FileEdit[] = [];
    let text = '';
    for (const b of a.instance.blocks) {
      for (const s of b.statements) {
        if (s.kind !== 'gr-preserve-fw-state' || !s.negated) continue;
        const e = deleteLineEdit(doc, s.line);
        if (!e) return [];
        edits.push(e);
        text = statementText(doc, s);
      }
    }
    return edits.length > 0 ? [{ title: `Remove "${text}"`, applicability: 'safe', edits }] : [];
  }
  const found = grStatementAt(a, o.loc);
  if (!found) return [];
  const e = found.doc.edit(found.statement.range, COMMAND);
  return e ? [{ title: `Replace "${statementText(found.doc, found.statement)}" with "${COMMAND}"`, applicability: 'safe', edits: [e] }] : [];
}
