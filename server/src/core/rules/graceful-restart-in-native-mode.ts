// GR114: graceful restart (or another FRR-only BGPPeer field) while MetalLB runs in native mode. Docs: docs/rules/GR114.md
import { isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { RelatedLocation } from '../finding';
import type { BGPPeerView } from '../k8s/types';
import type { Range } from '../text/range';
import { defineRule, type RuleContext } from './define';

/** Where the native mode was read from. */
interface NativeMode {
  readonly source: string;
  readonly related: readonly RelatedLocation[];
}

export default defineRule({
  code: 'GR114',
  name: 'graceful-restart-in-native-mode',
  summary: 'enableGracefulRestart (or another FRR-only BGPPeer field) while MetalLB runs in native BGP mode',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    nativeMode: '{peer} sets {field}, which MetalLB rejects in native BGP mode ({source})',
  },
  check(ctx) {
    const native = nativeMode(ctx);
    if (!native) return;
    for (const f of ctx.files) {
      if (f.kind !== 'k8s') continue;
      for (const o of f.k8s.objects) {
        if (o.kind !== 'BGPPeer' || o.hasErrors) continue;
        for (const [field, range] of frrOnlyFields(o)) {
          ctx.report({
            messageId: 'nativeMode',
            data: { peer: `BGPPeer ${o.name ? `"${o.name.value}"` : '(unnamed)'}`, field, source: native.source },
            loc: { uri: f.file.uri, range },
            related: native.related,
          });
        }
      }
    }
  },
});

/**
 * The BGPPeer fields MetalLB's native mode rejects (`internal/config/validation.go`, `DiscardFRROnly`),
 * with the range from the key to the end of the value.
 */
function frrOnlyFields(o: BGPPeerView): [string, Range][] {
  const s = o.spec;
  const out: [string, Range][] = [];
  const add = (field: string, v: { range: Range; keyRange?: Range } | undefined, set: boolean): void => {
    if (v && set) out.push([field, { start: v.keyRange?.start ?? v.range.start, end: v.range.end }]);
  };
  add('enableGracefulRestart', s.enableGracefulRestart, s.enableGracefulRestart?.value === true);
  add('bfdProfile', s.bfdProfile, !!s.bfdProfile?.value);
  // A keepaliveTime of 0 is allowed; one that does not parse is TMR209's business.
  add('keepaliveTime', s.keepaliveTime, !!s.keepaliveTime?.duration.ok && s.keepaliveTime.duration.nanos !== 0n);
  add('vrf', s.vrf, !!s.vrf?.value);
  add('connectTime', s.connectTime, s.connectTime !== undefined);
  add('dynamicASN', s.dynamicASN, !!s.dynamicASN?.value);
  add('interface', s.interface, !!s.interface?.value);
  add('localASN', s.localASN, s.localASN !== undefined && s.localASN.value !== 0);
  return out.sort((a, b) => a[1].start - b[1].start);
}

/**
 * The MetalLB mode is native when `.grlint.yaml` says so (`metallb.mode: native`, which wins over
 * anything else), or when no mode is configured and a MetalLB Helm values file in the workspace selects
 * native mode while no other values file selects an FRR mode.
 */
function nativeMode(ctx: RuleContext): NativeMode | undefined {
  const configured = ctx.settings.metallbMode;
  if (configured !== undefined) return configured === 'native' ? { source: '.grlint.yaml metallb.mode: native', related: [] } : undefined;
  let native: NativeMode | undefined;
  for (const f of ctx.files) {
    // Helm values are YAML but not Kubernetes objects.
    if (f.kind !== 'k8s' || f.k8s.isK8s) continue;
    const m = helmValuesMode(f.file.text);
    if (!m) continue;
    if (m.mode !== 'native') return undefined;
    native ??= {
      source: `Helm values ${f.file.uri}`,
      related: [{ loc: { uri: f.file.uri, range: m.range }, message: 'speaker.frr.enabled: false and frrk8s.enabled: false select native BGP mode' }],
    };
  }
  return native;
}

/**
 * Reads the BGP mode a MetalLB Helm values file selects, the way the chart's controller template sets
 * `METALLB_BGP_TYPE`: `frr-k8s` when `frrk8s.enabled` or `frrk8s.external` is true, else `frr` when
 * `speaker.frr.enabled` is true, else native. A values file is recognised only when it sets both
 * `speaker.frr.enabled` and `frrk8s.enabled` to booleans (at the top level, or under a `metallb:` key
 * for an umbrella chart): the chart's defaults changed between releases (FRR mode, then frr-k8s mode),
 * so a file that sets only one of them does not decide the mode.
 */
function helmValuesMode(text: string): { mode: 'native' | 'frr' | 'frr-k8s'; range: Range } | undefined {
  let doc: Document;
  try {
    // Helm reads values with go-yaml (YAML 1.1 booleans).
    doc = parseDocument(text, { version: '1.1', prettyErrors: false });
  } catch {
    return undefined;
  }
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  for (const prefix of [[], ['metallb']] as string[][]) {
    const frrEnabled = doc.getIn([...prefix, 'speaker', 'frr', 'enabled'], true);
    const k8sEnabled = doc.getIn([...prefix, 'frrk8s', 'enabled'], true);
    if (!isScalar(frrEnabled) || !isScalar(k8sEnabled)) continue;
    if (typeof frrEnabled.value !== 'boolean' || typeof k8sEnabled.value !== 'boolean') continue;
    const external = doc.getIn([...prefix, 'frrk8s', 'external'], true);
    const speaker = doc.getIn([...prefix, 'speaker', 'enabled'], true);
    // Without a speaker MetalLB announces nothing over BGP.
    if (isScalar(speaker) && speaker.value === false) return undefined;
    const r = frrEnabled.range;
    const range = r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
    if (k8sEnabled.value || (isScalar(external) && external.value === true)) return { mode: 'frr-k8s', range };
    if (frrEnabled.value) return { mode: 'frr', range };
    return { mode: 'native', range };
  }
  return undefined;
}

