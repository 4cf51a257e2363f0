/**
 * `grlint render FILE`: the frr.conf MetalLB / frr-k8s would render from the CRs of one file, with a
 * comment above each GR and timer line saying where it came from. The output is valid frr.conf input
 * (FRR only has whole-line comments) and never contains a password.
 */
import type { Model } from '../model/types';
import { redactSecrets } from '../secrets';
import type { Where } from './sessions';

/** Renders every BGPPeer / FRRConfiguration of `uri`; empty string when the file has none. */
export function renderReport(model: Model, uri: string, where: Where): string {
  const out: string[] = [];
  for (const doc of model.docs) {
    if (doc.kind !== 'rendered' || doc.uri !== uri || !doc.renderedFrom) continue;
    const o = doc.renderedFrom;
    out.push(`! ${o.kind} ${o.name ? `"${o.name}"` : '(unnamed)'} (${where(o.loc)}), as MetalLB / frr-k8s render it`);
    const notes = new Map<number, string[]>();
    for (const n of doc.notes ?? []) {
      const list = notes.get(n.line) ?? [];
      list.push(`${n.detail} (${where(n.loc)})`);
      notes.set(n.line, list);
    }
    const lines = doc.text.replace(/\n$/, '').split('\n');
    lines.forEach((line, i) => {
      for (const n of notes.get(i) ?? []) out.push(`${/^\s*/.exec(line)![0]}! from ${n}`);
      out.push(redactSecrets(line));
    });
    out.push('!');
  }
  return out.length ? out.join('\n') + '\n' : '';
}
