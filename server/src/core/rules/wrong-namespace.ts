// MLB412: a MetalLB or frr-k8s object in a namespace other than the configured one. Docs: docs/rules/MLB412.md
import { defineRule } from './define';
import { inConfiguredNamespace, k8sEntries, objectLabel } from './mlb-common';

export default defineRule({
  code: 'MLB412',
  name: 'wrong-namespace',
  summary: 'a MetalLB or frr-k8s object with an explicit namespace other than the one MetalLB and frr-k8s read',
  defaultSeverity: 'warning',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    namespace: 'namespace "{namespace}" of {object} is not "{expected}", the only namespace {controller} reads',
  },
  check(ctx) {
    const expected = ctx.settings.namespace;
    for (const { uri, o, cutoff } of k8sEntries(ctx)) {
      // Nodes are cluster-scoped; MetalLB's generated FRRConfigurations (inferred) carry their generator's namespace.
      if (o.kind === 'Node' || o.inferred) continue;
      const ns = o.namespace;
      if (!ns || inConfiguredNamespace(o, expected) || ns.range.end > cutoff) continue;
      ctx.report({
        messageId: 'namespace',
        data: { object: objectLabel(o), namespace: ns.value, expected, controller: o.kind === 'FRRConfiguration' ? 'frr-k8s' : 'MetalLB' },
        loc: { uri, range: ns.range },
      });
    }
  },
});
