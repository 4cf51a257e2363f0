// BFD302: a BFD profile that is referenced but not defined. Docs: docs/rules/BFD302.md
import { analyzeFrr } from '../frr';
import type { BGPPeerView, FRRConfigurationView } from '../k8s/types';
import type { ParsedFile } from '../project';
import type { ReportDescriptor, RuleContext } from './define';
import { YamlMemo } from './yaml-memo';
import { defineRule } from './define';
import { writtenDocs } from './timer-helpers';

export default defineRule({
  code: 'BFD302',
  name: 'bfd-profile-undefined',
  summary: 'a BFD profile is referenced but defined nowhere the reference can see',
  defaultSeverity: 'error',
  scope: 'cross-file',
  fixAvailability: 'none',
  messages: {
    bgppeer: '{object} sets bfdProfile "{profile}", but no BFDProfile "{profile}" is defined in the workspace',
    frrk8s: '{object} sets bfdProfile "{profile}", but spec.bgp.bfdProfiles of the same FRRConfiguration has no profile "{profile}"',
    frr: '"{command}" names BFD profile "{profile}", but this file has no "profile {profile}" in a "bfd" block',
  },
  check(ctx) {
    const { workspaceProfiles, k8sUncertain, reports } = K8S.get(ctx);
    for (const d of reports) ctx.report(d);

    // frr.conf: bfdd may read its own file, hence only a warning; a split configuration's bfdd.conf (or
    // another frr.conf) next to the file counts. Embedded raw / extras text is rendered together with the
    // profiles of the workspace's objects, so those count too.
    for (const doc of writtenDocs(ctx)) {
      const defined = new Set(doc.frr.bfdProfiles.map((p) => p.name.value));
      if (doc.kind === 'frr') for (const n of siblingProfiles(ctx, doc.uri)) defined.add(n);
      for (const r of doc.frr.routers) {
        // An index loop: this runs once per lint over every statement.
        for (let i = 0; i < r.statements.length; i++) {
          const s = r.statements[i]!;
          if (s.negated || s.kind !== 'neighbor' || s.command.kind !== 'bfd-profile' || !s.command.profile) continue;
          const name = s.command.profile.value;
          if (defined.has(name) || (doc.kind === 'embedded' && (k8sUncertain || workspaceProfiles.has(name)))) continue;
          ctx.report({
            messageId: 'frr',
            data: { command: doc.text.slice(s.range.start, s.range.end), profile: name },
            loc: doc.resolve(s.command.profile.range),
            severity: 'warning',
          });
        }
      }
    }
  },
});

/** What the YAML files say: the profiles they define, whether one may hold more, and the findings on them. */
interface K8sProfiles {
  readonly workspaceProfiles: ReadonlySet<string>;
  readonly k8sUncertain: boolean;
  readonly reports: readonly ReportDescriptor[];
}

const K8S = new YamlMemo(k8sProfiles);

function k8sProfiles(files: readonly ParsedFile[]): K8sProfiles {
  const peers: { uri: string; o: BGPPeerView }[] = [];
  const configs: { uri: string; o: FRRConfigurationView }[] = [];
  const workspaceProfiles = new Set<string>();
  const reports: ReportDescriptor[] = [];
  let k8sUncertain = false;
  for (const f of files) {
    if (f.kind !== 'k8s') continue;
    // A YAML file that does not parse may hold the profile: stay silent about workspace-wide references.
    if (f.k8s.errors.some((e) => e.code === 'yaml-syntax' || e.code === 'yaml-internal' || e.code === 'yaml-too-deep')) k8sUncertain = true;
    for (const o of f.k8s.objects) {
      if (o.kind === 'BFDProfile' && o.name) workspaceProfiles.add(o.name.value);
      if (o.kind === 'FRRConfiguration') {
        for (const p of o.spec.bgp?.value.bfdProfiles?.value ?? []) if (p.name) workspaceProfiles.add(p.name.value);
        configs.push({ uri: f.file.uri, o });
      }
      if (o.kind === 'BGPPeer') peers.push({ uri: f.file.uri, o });
    }
  }

  if (!k8sUncertain) {
    for (const { uri, o } of peers) {
      const p = o.spec.bfdProfile;
      if (o.hasErrors || !p?.value || workspaceProfiles.has(p.value)) continue;
      reports.push({
        messageId: 'bgppeer',
        data: { object: `BGPPeer ${o.name ? `"${o.name.value}"` : '(unnamed)'}`, profile: p.value },
        loc: { uri, range: p.range },
      });
    }
  }

  // frr-k8s: a neighbor may only use a profile of its own FRRConfiguration (domain.md §3.1).
  for (const { uri, o } of configs) {
    if (o.hasErrors) continue;
    const own = new Set((o.spec.bgp?.value.bfdProfiles?.value ?? []).flatMap((p) => (p.name ? [p.name.value] : [])));
    // Profiles of the same bfdProfiles list that failed to read (a wrong type) could be the one: stay silent.
    if (o.invalid.some((i) => i.path.startsWith('spec.bgp.bfdProfiles'))) continue;
    for (const r of o.spec.bgp?.value.routers?.value ?? []) {
      for (const n of r.neighbors?.value ?? []) {
        const p = n.bfdProfile;
        if (!p?.value || own.has(p.value)) continue;
        const target = n.address?.value ?? n.interface?.value ?? '0.0.0.0';
        reports.push({
          messageId: 'frrk8s',
          data: { object: `FRRConfiguration ${o.name ? `"${o.name.value}"` : '(unnamed)'} neighbor ${target}`, profile: p.value },
          loc: { uri, range: p.range },
        });
      }
    }
  }
  return { workspaceProfiles, k8sUncertain, reports };
}

function dirOf(uri: string): string {
  return uri.slice(0, Math.max(uri.lastIndexOf('/'), uri.lastIndexOf('\\')) + 1);
}

/** BFD profiles defined by the other frr.conf files, and any `bfdd.conf`, in the directory of `uri`. */
function siblingProfiles(ctx: RuleContext, uri: string): string[] {
  const dir = dirOf(uri);
  const out: string[] = [];
  for (const f of ctx.files) {
    const u = f.file.uri;
    if (u === uri || dirOf(u) !== dir) continue;
    if (f.kind === 'frr') out.push(...f.frr.bfdProfiles.map((p) => p.name.value));
    else if (f.kind === 'other' && u.slice(dir.length) === 'bfdd.conf') out.push(...analyzeFrr(f.file.text).bfdProfiles.map((p) => p.name.value));
  }
  return out;
}
