// BFD304: only one end of a session configures BFD. Docs: docs/rules/BFD304.md
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { eachSession } from './iterate';

export default defineRule({
  code: 'BFD304',
  name: 'bfd-one-sided',
  summary: 'only one end of a session configures BFD, so the session runs without it',
  defaultSeverity: 'warning',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    oneSided: '{end} configures BFD but {other} does not: the session runs without BFD and failures are only detected by the hold timer',
  },
  check(ctx) {
    const seen = new Set<string>();
    eachSession(ctx.model, (s) => {
      if (s.a.bfd.enabled.value === s.b.bfd.enabled.value) return;
      const [on, off] = s.a.bfd.enabled.value ? [s.a, s.b] : [s.b, s.a];
      const loc = originLoc(on.bfd.enabled.origin) ?? on.decl;
      const key = `${loc.uri}@${loc.range.start}|${off.id}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx.report({
        messageId: 'oneSided',
        data: { end: on.label, other: off.label },
        loc,
        related: [{ loc: originLoc(off.bfd.enabled.origin) ?? off.decl, message: `${off.label} has no BFD` }],
      });
    });
  },
});
