// MLB401: a metallb.io/v1beta1 BGPPeer: deprecated, and missing timers convert to 0s. Docs: docs/rules/MLB401.md
import type { FileEdit, Fix } from '../finding';
import type { BGPPeerView } from '../k8s/types';
import { defineRule, type RuleContext } from './define';
import { k8sEntries, objectLabel, type K8sEntry } from './mlb-common';
import { checkObject } from './mlb-schema';
import { insertSiblingEdit, replaceScalarEdit, truncSeconds } from './timer-helpers';

// FRR's traditional defaults: what a v1beta2 BGPPeer without timers runs with (domain.md §1.2, §4.1).
const DEFAULT_HOLD = 180;
const DEFAULT_KEEPALIVE = 60;

export default defineRule({
  code: 'MLB401',
  name: 'bgppeer-v1beta1-deprecated',
  summary: 'a metallb.io/v1beta1 BGPPeer: deprecated, and the timers it omits become 0s',
  defaultSeverity: 'warning',
  scope: 'k8s',
  fixAvailability: 'sometimes',
  reads: 'k8s',
  messages: {
    deprecated: '{object} uses the deprecated metallb.io/v1beta1 API',
    zeroTimers: '{object} uses the deprecated metallb.io/v1beta1 API, which turns its missing {fields} into 0s',
  },
  check(ctx) {
    for (const e of k8sEntries(ctx)) {
      const o = e.o;
      if (o.kind !== 'BGPPeer' || o.version !== 'v1beta1' || !o.apiVersion) continue;
      const peer = o as BGPPeerView;
      if (o.apiVersion.range.end > e.cutoff) continue;
      // The conversion webhook copies the non-pointer v1beta1 durations: an omitted one becomes 0s
      // (metallb api/v1beta1/bgppeer_conversion.go).
      const missing = [
        ...(peer.spec.holdTime || hasValue(peer, 'holdTime') ? [] : ['holdTime']),
        ...(peer.spec.keepaliveTime || hasValue(peer, 'keepaliveTime') ? [] : ['keepaliveTime']),
      ];
      const fix = o.hasErrors ? undefined : convert(ctx, e as K8sEntry & { o: BGPPeerView });
      ctx.report({
        messageId: missing.length === 0 ? 'deprecated' : 'zeroTimers',
        data: { object: objectLabel(o), fields: missing.join(' and ') },
        loc: { uri: e.uri, range: o.apiVersion.range },
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
});

// A timer present with a value of the wrong type is not "missing" (TMR209 reports it).
function hasValue(p: BGPPeerView, field: string): boolean {
  return p.invalid.some((i) => i.path === `spec.${field}`);
}

/**
 * The conversion to v1beta2: the apiVersion changes, and the timers MetalLB would turn into 0s are
 * written out: FRR's defaults when both are missing, else the one MetalLB v1beta2 derives from the
 * other (keepalive = hold / 3, hold = 3 x keepalive). Unsafe when it writes a timer (the running timers
 * change from 0) or when the object has v1beta2-only fields, which start to take effect.
 */
function convert(ctx: RuleContext, e: K8sEntry & { o: BGPPeerView }): Fix | undefined {
  const o = e.o;
  const s = o.spec;
  if (!o.apiVersion || !s.node || s.node.entries.length === 0) return undefined;
  if (hasValue(o, 'holdTime') || hasValue(o, 'keepaliveTime')) return undefined;
  const hold = s.holdTime ? truncSeconds(s.holdTime) : undefined;
  const keepalive = s.keepaliveTime ? truncSeconds(s.keepaliveTime) : undefined;
  if ((s.holdTime && hold === undefined) || (s.keepaliveTime && keepalive === undefined)) return undefined;
  const add: [string, string][] = [];
  if (!s.holdTime && !s.keepaliveTime) add.push(['holdTime', `${DEFAULT_HOLD}s`], ['keepaliveTime', `${DEFAULT_KEEPALIVE}s`]);
  else if (!s.keepaliveTime) add.push(['keepaliveTime', `${Math.floor(hold! / 3)}s`]);
  else if (!s.holdTime) add.push(['holdTime', `${keepalive! * 3}s`]);

  const edits: FileEdit[] = [];
  const api = replaceScalarEdit(ctx, e.uri, o.apiVersion.range, 'metallb.io/v1beta2');
  if (!api) return undefined;
  edits.push(api);
  if (add.length > 0) {
    const last = s.node.entries[s.node.entries.length - 1]!;
    const parts = add.map(([k, v]) => insertSiblingEdit(ctx, e.uri, s.node!, last, k, v));
    if (parts.some((p) => !p)) return undefined;
    // One insertion for both lines, so that they keep their order.
    edits.push({ ...parts[0]!, newText: parts.map((p) => p!.newText).join('') });
  }
  const v1beta2Only = checkObject(o)?.issues.some((i) => i.kind === 'unknown' && i.otherVersion !== undefined) ?? false;
  const title = add.length === 0 ? 'Convert to metallb.io/v1beta2' : `Convert to metallb.io/v1beta2, writing ${add.map(([k, v]) => `${k} ${v}`).join(' and ')}`;
  return { title, applicability: add.length > 0 || v1beta2Only ? 'unsafe' : 'safe', edits };
}
