// MLB409: one neighbor on the same nodes with different enableGracefulRestart; frr-k8s keeps one silently. Docs: docs/rules/MLB409.md
import { defineRule } from './define';
import { mergePairs, type MergeNeighbor } from './frrk8s-neighbors';
import { nodesPhrase, objectLabel } from './mlb-common';

function grOf(x: MergeNeighbor): boolean {
  return x.n.enableGracefulRestart?.value ?? false;
}

function grText(x: MergeNeighbor): string {
  return x.n.enableGracefulRestart ? String(x.n.enableGracefulRestart.value) : 'unset (false)';
}

export default defineRule({
  code: 'MLB409',
  name: 'frrk8s-graceful-restart-conflict',
  summary: 'one frr-k8s neighbor on the same nodes with a different enableGracefulRestart: frr-k8s keeps one of them silently',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    conflict:
      '{neighbor} has enableGracefulRestart {value}, but {other} has {otherValue} for the same neighbor on {nodes}: frr-k8s keeps the value of whichever FRRConfiguration it reads first, and that order is not fixed',
    ignored:
      '{neighbor} has enableGracefulRestart {value}, but an earlier entry for the same neighbor in {object} has {otherValue}: frr-k8s keeps the earlier entry, so graceful restart is {winner}',
  },
  check(ctx) {
    for (const { a, b, sameObject, shared } of mergePairs(ctx).neighbors) {
      if (grOf(a) === grOf(b)) continue;
      if (sameObject) {
        // frr-k8s merges a configuration's entries in order; the first one stays (mergeIntoNeighbor).
        ctx.report({
          messageId: 'ignored',
          data: { neighbor: b.label, value: grText(b), object: objectLabel(b.o), otherValue: grText(a), winner: grOf(a) ? 'on' : 'off' },
          loc: { uri: b.uri, range: b.n.enableGracefulRestart?.range ?? b.anchor },
          related: [{ loc: { uri: a.uri, range: a.n.enableGracefulRestart?.range ?? a.anchor }, message: `the earlier entry has enableGracefulRestart ${grText(a)}` }],
        });
        continue;
      }
      // Across configurations the winner depends on the order frr-k8s lists them from its informer
      // cache, which is a Go map: reported on the entry without GR, with the one that has it.
      const [off, on] = grOf(a) ? [b, a] : [a, b];
      ctx.report({
        messageId: 'conflict',
        data: { neighbor: off.label, value: grText(off), other: objectLabel(on.o), otherValue: grText(on), nodes: nodesPhrase(shared) },
        loc: { uri: off.uri, range: off.n.enableGracefulRestart?.range ?? off.anchor },
        related: [{ loc: { uri: on.uri, range: on.n.enableGracefulRestart?.range ?? on.anchor }, message: `${on.label} has enableGracefulRestart ${grText(on)}` }],
      });
    }
  },
});
