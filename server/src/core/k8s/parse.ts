/**
 * Reads a multi-document YAML (or JSON) stream into typed views of the Kubernetes objects grlint
 * knows. Other kinds and non-Kubernetes YAML are skipped without an error.
 */
import { Composer, Parser, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import type { Range } from '../text/range';
import type { K8sObject, K8sParseError, K8sParseResult, YMap, YNode } from './types';
import { buildView, classify, type ObjectPlace } from './views';
import { buildTree, deref, mapEntry } from './ynode';

// Kubernetes clients decode YAML with go-yaml v2 (via sigs.k8s.io/yaml), which follows YAML 1.1 for
// booleans and integers (`yes`, `on`, `010`) but resolves neither timestamps nor sexagesimal numbers
// for untyped values; the yaml package's 1.1 schema minus those tags matches that.
/** The `yaml` options grlint reads Kubernetes YAML with (also used to re-check edits). */
export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  keepSourceTokens: true,
  // Plain messages: pretty ones quote source lines, which may hold a password.
  prettyErrors: false,
  schema: 'yaml-1.1',
  customTags: (tags) => tags.filter((t) => typeof t === 'string' || !(t.tag === 'tag:yaml.org,2002:timestamp' || t.format === 'TIME')),
  // Duplicate keys are found in linear time by buildTree; the yaml check is quadratic per mapping.
  uniqueKeys: false,
};

/**
 * Parses `text` as a stream of YAML documents and returns the typed views of the MetalLB,
 * frr-k8s, `bgpextras` ConfigMap and Node objects in it (also inside `kind: List` documents), the
 * YAML errors, and whether the text looks like Kubernetes YAML at all.
 *
 * Never throws. Every range is a half-open UTF-16 offset range inside `text`. Objects from a
 * document with YAML errors are still returned, with `hasErrors: true`.
 */
export function parseK8sYaml(text: string): K8sParseResult {
  const errors: K8sParseError[] = [];
  const objects: K8sObject[] = [];
  let isK8s = false;
  // The documents are composed one at a time (what `parseAllDocuments` does, without keeping them all):
  // each one's tree and views are built before the next is read, so a long stream never holds every
  // document of the `yaml` package at once, and each dies young instead of filling the old generation.
  const composer = new Composer(YAML_OPTIONS);
  let docIndex = 0;
  try {
    for (const doc of composer.compose(new Parser().parse(text))) {
      const docErrors: K8sParseError[] = [];
      for (const e of doc.errors) docErrors.push(toError(e, text, 'error'));
      for (const w of doc.warnings) docErrors.push(toError(w, text, 'warning'));
      let root: YNode | null = null;
      try {
        root = buildTree(text, doc.contents, docErrors);
      } catch {
        docErrors.push({ code: 'yaml-internal', message: 'the YAML reader failed on this document', range: docRange(doc.range, text), severity: 'error' });
      }
      errors.push(...docErrors);
      const place: ObjectPlace = {
        docIndex,
        docRange: docRange(doc.range, text),
        hasErrors: docErrors.some((e) => e.severity === 'error'),
      };
      const r = deref(root);
      if (r?.kind === 'map') isK8s = collect(r, place, objects) || isK8s;
      docIndex++;
    }
  } catch (e) {
    const message = e instanceof RangeError ? 'the YAML is nested too deeply to be read' : 'the YAML reader failed on this input';
    return { objects: [], errors: [{ code: 'yaml-internal', message, range: { start: 0, end: text.length }, severity: 'error' }], isK8s: false };
  }
  // A stream without documents keeps its errors (and nothing else) in the stream information.
  if (docIndex === 0) for (const e of composer.streamInfo().errors) errors.push(toError(e, text, 'error'));
  errors.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { objects, errors, isK8s };
}

// Adds the views of `root` (or of its List items) and says whether it is a Kubernetes object.
function collect(root: YMap, place: ObjectPlace, out: K8sObject[]): boolean {
  const c = classify(root);
  if (!c) return false;
  if (c.kind === 'other') return true;
  if (c.kind === 'List') {
    const items = deref(mapEntry(root, 'items')?.value);
    if (items?.kind === 'seq') {
      items.items.forEach((it, i) => {
        const m = deref(it);
        if (m?.kind !== 'map') return;
        const ic = classify(m);
        if (ic && ic.kind !== 'List' && ic.kind !== 'other') out.push(buildView(m, ic, { ...place, listIndex: i }));
      });
    }
    return true;
  }
  out.push(buildView(root, c, place));
  return true;
}

function docRange(r: unknown, text: string): Range {
  const a = Array.isArray(r) ? r : [];
  const clamp = (n: unknown, d: number): number => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), text.length)) : d);
  const start = clamp(a[0], 0);
  return { start, end: Math.max(start, clamp(a[2], clamp(a[1], text.length))) };
}

function toError(e: unknown, text: string, severity: 'error' | 'warning'): K8sParseError {
  const err = e as { code?: unknown; message?: unknown; pos?: unknown };
  const pos = Array.isArray(err.pos) ? err.pos : [];
  const clamp = (n: unknown, d: number): number => (typeof n === 'number' && Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), text.length)) : d);
  const start = clamp(pos[0], 0);
  const end = Math.max(start, clamp(pos[1], start));
  const yamlCode = typeof err.code === 'string' ? err.code : 'UNKNOWN';
  const message = sanitize(yamlCode, typeof err.message === 'string' ? err.message : 'invalid YAML');
  return { code: severity === 'error' ? 'yaml-syntax' : 'yaml-warning', message, range: { start, end }, severity, yamlCode };
}

// yaml quotes source text in a few messages (an invalid escape, a stray token); that text may be
// part of a password, so it is dropped. The range still points at it.
function sanitize(yamlCode: string, message: string): string {
  if (yamlCode === 'BAD_DQ_ESCAPE') return 'Invalid escape sequence in a double-quoted scalar';
  return message.replace(/^(Not a YAML token):[\s\S]*$/, '$1').replace(/: "[\s\S]*"$/, '');
}
