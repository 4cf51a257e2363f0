// MLB408: frr-k8s cannot merge two entries for one neighbor (or one VRF's router) on a node. Docs: docs/rules/MLB408.md
import type { Location } from '../model/types';
import { defineRule, type RuleContext } from './define';
import { comparedValue, MERGE_FIELDS, mergePairs, passwordsDiffer, type MergeNeighbor, type MergePair } from './frrk8s-neighbors';
import { nodesPhrase, objectLabel } from './mlb-common';

export default defineRule({
  code: 'MLB408',
  name: 'frrk8s-merge-conflict',
  summary: 'two FRRConfigurations on the same nodes configure one neighbor (or one VRF) differently, so frr-k8s rejects the merge',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    field: '{neighbor} has {field} {value}, but {other} has {otherValue} for the same neighbor on {nodes}: frr-k8s cannot merge them',
    password: '{neighbor} has a different password than {other} has for the same neighbor on {nodes}: frr-k8s cannot merge them',
    routerAsn: 'the router of {object} for {vrf} has asn {value}, but {other} has asn {otherValue} for it on {nodes}: frr-k8s cannot merge them',
    routerId: 'the router of {object} for {vrf} has id "{value}", but {other} has id "{otherValue}" for it on {nodes}: frr-k8s cannot merge them',
  },
  check(ctx) {
    const view = mergePairs(ctx);
    for (const p of view.neighbors) checkNeighbors(p, ctx.report.bind(ctx));
    for (const { a, b, shared, sameObject } of view.routers) {
      const nodes = sameObject ? 'its nodes' : nodesPhrase(shared);
      const vrf = a.vrf ? `VRF "${a.vrf}"` : 'the default VRF';
      const other = sameObject ? 'another router entry of the same FRRConfiguration' : objectLabel(a.o);
      const aa = a.router.asn;
      const ba = b.router.asn;
      if (aa && ba && aa.value !== ba.value) {
        ctx.report({
          messageId: 'routerAsn',
          data: { object: objectLabel(b.o), vrf, value: ba.value, other, nodes, otherValue: aa.value },
          loc: { uri: b.uri, range: ba.range },
          related: [{ loc: { uri: a.uri, range: aa.range }, message: `${objectLabel(a.o)} sets asn ${aa.value}` }],
        });
      }
      // routersAreCompatible: two different non-empty router IDs.
      const ai = a.router.id;
      const bi = b.router.id;
      if (ai?.value && bi?.value && ai.value !== bi.value) {
        ctx.report({
          messageId: 'routerId',
          data: { object: objectLabel(b.o), vrf, value: bi.value, other, nodes, otherValue: ai.value },
          loc: { uri: b.uri, range: bi.range },
          related: [{ loc: { uri: a.uri, range: ai.range }, message: `${objectLabel(a.o)} sets id "${ai.value}"` }],
        });
      }
    }
  },
});

function checkNeighbors({ a, b, shared, sameObject }: MergePair<MergeNeighbor>, report: RuleContext['report']): void {
  const nodes = sameObject ? 'its nodes' : nodesPhrase(shared);
  const other = sameObject ? 'another entry of the same FRRConfiguration' : objectLabel(a.o);
  for (const field of MERGE_FIELDS) {
    const va = comparedValue(a.n, field);
    const vb = comparedValue(b.n, field);
    if (!va || !vb || va.key === vb.key) continue;
    // Two BFD profiles conflict only when both are set: an empty one takes the other (mergeIntoNeighbor).
    if (field === 'bfdProfile' && (va.key === '' || vb.key === '')) continue;
    const loc: Location = { uri: b.uri, range: vb.at?.range ?? b.anchor };
    const related: Location = { uri: a.uri, range: va.at?.range ?? a.anchor };
    report({
      messageId: 'field',
      data: { neighbor: b.label, field, value: vb.text, other, nodes, otherValue: va.text },
      loc,
      related: [{ loc: related, message: `${a.label} has ${field} ${va.text}` }],
    });
  }
  if (passwordsDiffer(a.n, b.n)) {
    report({
      messageId: 'password',
      data: { neighbor: b.label, other, nodes },
      loc: { uri: b.uri, range: b.n.password?.keyRange ?? b.anchor },
      related: [{ loc: { uri: a.uri, range: a.n.password?.keyRange ?? a.anchor }, message: `${a.label} sets another password` }],
    });
  }
}
