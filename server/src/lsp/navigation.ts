/** Finding model objects at a position: statements, ends, sessions, YAML fields. */
import type { BgpStatement } from '../core/frr/views';
import type { K8sObject, YMapEntry, YNode } from '../core/k8s/types';
import type { LintResult } from '../core/lint';
import type { End, ModelDoc, Session } from '../core/model/types';
import type { ParsedFile } from '../core/project';
import { containsOffset } from '../core/text/range';

/** The frr.conf statement (real file or embedded text) at a host offset. */
export function statementAt(result: LintResult, uri: string, offset: number): { doc: ModelDoc; statement: BgpStatement } | undefined {
  for (const doc of result.model.docs) {
    if (doc.uri !== uri || doc.kind === 'rendered') continue;
    for (const r of doc.frr.routers) {
      for (const s of r.statements) {
        const host = doc.resolve({ start: s.line.contentStart, end: s.line.contentEnd });
        if (offset >= host.range.start && offset <= host.range.end) return { doc, statement: s };
      }
    }
  }
  return undefined;
}

/** Ends declared in `uri` whose declaration or statements cover `offset`. */
export function endsAt(result: LintResult, uri: string, offset: number): End[] {
  const out: End[] = [];
  for (const e of result.model.ends) {
    if (e.decl.uri !== uri) continue;
    if (e.side === 'frr') {
      const doc = e.instance.doc;
      const hit =
        e.statements.some((s) => {
          const r = doc.resolve({ start: s.line.contentStart, end: s.line.contentEnd }).range;
          return offset >= r.start && offset <= r.end;
        }) ||
        (e.listenRange !== undefined && containsOffset(doc.resolve(e.listenRange.range).range, offset));
      if (hit) out.push(e);
    } else if (containsOffset(e.decl.range, offset)) {
      out.push(e);
    }
  }
  return out;
}

/** Cluster-side ends that stand for an object (its name location lies inside the object's range). */
export function endsOfObject(result: LintResult, uri: string, object: { range: { start: number; end: number } }): End[] {
  return result.model.ends.filter(
    (e) => e.object && e.object.loc.uri === uri && e.object.loc.range.start >= object.range.start && e.object.loc.range.end <= object.range.end,
  );
}

export function sessionsOf(result: LintResult, end: End): Session[] {
  return result.model.sessions.filter((s) => s.a.id === end.id || s.b.id === end.id);
}

export function otherEnd(s: Session, end: End): End {
  return s.a.id === end.id ? s.b : s.a;
}

/** The Kubernetes object whose mapping contains `offset`. */
export function objectAt(file: ParsedFile | undefined, offset: number): K8sObject | undefined {
  if (!file || file.kind !== 'k8s') return undefined;
  return file.k8s.objects.find((o) => offset >= o.range.start && offset <= o.range.end);
}

/** The path of keys (and list indexes) from the object root to the deepest entry at `offset`. */
export function fieldPathAt(node: YNode, offset: number): { path: (string | number)[]; onKey: boolean; keyRange?: { start: number; end: number } } | undefined {
  const path: (string | number)[] = [];
  let cur: YNode | undefined = node;
  let onKey = false;
  let keyRange: { start: number; end: number } | undefined;
  for (let depth = 0; cur && depth < 64; depth++) {
    if (cur.kind === 'map') {
      const entry: YMapEntry | undefined = cur.entries.find((e) => offset >= e.range.start && offset <= e.range.end);
      if (!entry) break;
      path.push(entry.key);
      keyRange = entry.keyRange;
      if (offset >= entry.keyRange.start && offset <= entry.keyRange.end) {
        onKey = true;
        break;
      }
      cur = entry.value;
    } else if (cur.kind === 'seq') {
      const i = cur.items.findIndex((it) => offset >= it.range.start && offset <= it.range.end);
      if (i < 0) break;
      path.push(i);
      cur = cur.items[i];
    } else break;
  }
  return path.length ? { path, onKey, ...(keyRange ? { keyRange } : {}) } : undefined;
}
