// GRL904: an end that pairs with more than one candidate. Docs: docs/rules/GRL904.md
import type { End } from '../model/types';
import { defineRule } from './define';

export default defineRule({
  code: 'GRL904',
  name: 'pairing-ambiguous',
  summary: 'a session end matches several candidate ends, so grlint paired it with none',
  defaultSeverity: 'info',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    ambiguous:
      '{end} matches {count} candidate ends ({candidates}), so session rules were skipped for it; list each router\'s own addresses under topology.routers in .grlint.yaml to pick one',
  },
  check(ctx) {
    for (const note of ctx.model.pairing) {
      if (note.kind !== 'ambiguous') continue;
      const candidates = unique(note.candidates);
      ctx.report({
        messageId: 'ambiguous',
        data: { end: note.end.label, count: candidates.length, candidates: candidates.map(describe).join(', ') },
        loc: note.end.decl,
        related: candidates.map((c) => ({ loc: c.decl, message: `candidate: ${describe(c)}` })),
      });
    }
  },
});

/** `neighbor 192.0.2.10 in tor1/frr.conf`: the label alone does not tell candidates of several files apart. */
function describe(e: End): string {
  return `${e.label} in ${e.instance.doc.uri}`;
}

function unique(ends: readonly End[]): End[] {
  const seen = new Set<string>();
  return ends.filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true)));
}
