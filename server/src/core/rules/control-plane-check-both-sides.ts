// BFD303: both ends of a session set bfd check-control-plane-failure. Docs: docs/rules/BFD303.md
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { eachSession } from './iterate';

export default defineRule({
  code: 'BFD303',
  name: 'control-plane-check-both-sides',
  summary: 'both ends set bfd check-control-plane-failure, so neither ignores BFD Down during a graceful restart',
  defaultSeverity: 'info',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    both: '{end} and {other} both set bfd check-control-plane-failure: each claims a BFD independent of its control plane, so neither ignores BFD Down during a graceful restart',
  },
  check(ctx) {
    const seen = new Set<string>();
    eachSession(ctx.model, (s) => {
      const al = originLoc(s.a.bfd.checkControlPlaneFailure.origin);
      const bl = originLoc(s.b.bfd.checkControlPlaneFailure.origin);
      if (!s.a.bfd.checkControlPlaneFailure.value || !s.b.bfd.checkControlPlaneFailure.value || !al || !bl) return;
      const key = `${al.uri}@${al.range.start}|${bl.uri}@${bl.range.start}`;
      if (seen.has(key)) return;
      seen.add(key);
      ctx.report({
        messageId: 'both',
        data: { end: s.a.label, other: s.b.label },
        loc: al,
        related: [{ loc: bl, message: `${s.b.label} sets bfd check-control-plane-failure` }],
      });
    });
  },
});
