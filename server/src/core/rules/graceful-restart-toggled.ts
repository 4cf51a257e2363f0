// GR113: enableGracefulRestart differs from the git base revision. Docs: docs/rules/GR113.md
import { parseK8sYaml } from '../k8s/parse';
import type { BGPPeerView, FRRConfigurationView, FRRNeighborView, FRRRouterView, K8sObject } from '../k8s/types';
import { normalizeAddress } from '../model/address';
import { objectAnchor } from '../model/render';
import type { Range } from '../text/range';
import { defineRule } from './define';

export default defineRule({
  code: 'GR113',
  name: 'graceful-restart-toggled',
  summary: 'enableGracefulRestart differs from the git base revision: MetalLB rejects the update, frr-k8s resets the session',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    bgpPeer: '{object} changes enableGracefulRestart from {before} to {after} since the base revision: MetalLB rejects the update because the field is immutable',
    frrConfiguration:
      '{object} neighbor {neighbor} changes enableGracefulRestart from {before} to {after} since the base revision: frr-k8s accepts it, but the session resets',
  },
  check(ctx) {
    const base = ctx.settings.baseTexts;
    // Outside a git work tree (or without a base revision) there is nothing to compare with.
    if (!base) return;
    for (const f of ctx.files) {
      if (f.kind !== 'k8s') continue;
      const baseText = base.get(f.file.uri);
      if (baseText === undefined) continue;
      const current = f.k8s.objects.filter(isGrObject);
      if (current.length === 0) continue;
      const before = parseK8sYaml(baseText).objects.filter(isGrObject);
      for (const o of current) {
        if (o.hasErrors || !o.name) continue;
        const old = before.find((b) => b.kind === o.kind && b.name?.value === o.name!.value && (b.namespace?.value ?? '') === (o.namespace?.value ?? ''));
        if (!old || old.hasErrors || unreadable(o) || unreadable(old)) continue;
        const label = `${o.kind} "${o.name.value}"`;
        if (o.kind === 'BGPPeer' && old.kind === 'BGPPeer') {
          const was = old.spec.enableGracefulRestart?.value ?? false;
          const now = o.spec.enableGracefulRestart?.value ?? false;
          if (was === now) continue;
          ctx.report({
            messageId: 'bgpPeer',
            data: { object: label, before: String(was), after: String(now) },
            loc: { uri: f.file.uri, range: o.spec.enableGracefulRestart?.range ?? objectAnchor(o) },
            severity: 'error',
          });
        } else if (o.kind === 'FRRConfiguration' && old.kind === 'FRRConfiguration') {
          const oldNeighbors = neighborsOf(old);
          for (const n of neighborsOf(o)) {
            const prev = oldNeighbors.find((x) => x.key === n.key);
            if (!prev) continue;
            const was = prev.neighbor.enableGracefulRestart?.value ?? false;
            const now = n.neighbor.enableGracefulRestart?.value ?? false;
            if (was === now) continue;
            ctx.report({
              messageId: 'frrConfiguration',
              data: { object: label, neighbor: n.target, before: String(was), after: String(now) },
              loc: { uri: f.file.uri, range: n.neighbor.enableGracefulRestart?.range ?? n.decl },
              severity: 'warning',
            });
          }
        }
      }
    }
  },
});

function isGrObject(o: K8sObject): o is BGPPeerView | FRRConfigurationView {
  return o.kind === 'BGPPeer' || o.kind === 'FRRConfiguration';
}

/**
 * A `enableGracefulRestart` of the wrong type is left out of the typed view (MLB402 reports it); the
 * object is then not compared, since a missing field would read as `false`.
 */
function unreadable(o: K8sObject): boolean {
  return o.invalid.some((i) => i.path.endsWith('enableGracefulRestart'));
}

/** Neighbors of an FRRConfiguration, keyed by router VRF and neighbor address (or interface), as frr-k8s keys them. */
function neighborsOf(o: FRRConfigurationView): { key: string; target: string; decl: Range; neighbor: FRRNeighborView }[] {
  const out: { key: string; target: string; decl: Range; neighbor: FRRNeighborView }[] = [];
  const routers: readonly FRRRouterView[] = o.spec.bgp?.value.routers?.value ?? [];
  for (const r of routers) {
    for (const n of r.neighbors?.value ?? []) {
      const target = n.address?.value ?? n.interface?.value;
      if (target === undefined) continue;
      const id = n.address ? (normalizeAddress(target) ?? target) : `if:${target}`;
      out.push({ key: `${r.vrf?.value ?? ''}|${id}`, target, decl: n.address?.range ?? n.interface?.range ?? n.range, neighbor: n });
    }
  }
  return out;
}
