/** Completion of frr.conf commands in their block and of CR keys and enum values. */
import type { CompletionItem, Position } from 'vscode-languageserver';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import { completionsFor } from '../core/frr/commands';
import { blockChain } from './features';
import { kindSchema, schemaAt, type FieldSchema } from '../core/k8s/schema';
import type { YMap, YNode } from '../core/k8s/types';
import { CR_KNOBS, FRR_KNOBS } from '../core/knobs';
import type { ParsedFile } from '../core/project';
import type { Snapshot } from './workspace';

function knobDoc(key: string): { kind: typeof MarkupKind.Markdown; value: string } | undefined {
  const k = FRR_KNOBS[key] ?? CR_KNOBS[key];
  if (!k) return undefined;
  const extra = [k.range ? `Range: ${k.range}` : '', k.default ? `Default: ${k.default}` : ''].filter(Boolean).join('  \n');
  return { kind: MarkupKind.Markdown, value: `${k.text}${extra ? `\n\n${extra}` : ''}` };
}

export function complete(parsed: ParsedFile | undefined, snap: Snapshot | undefined, position: Position): CompletionItem[] {
  if (!parsed || !snap) return [];
  const offset = snap.index.offsetAt(position);
  if (parsed.kind === 'frr') {
    const tree = parsed.frr.tree;
    const line = Math.min(position.line, tree.lines.length - 1);
    // The parser puts blank and comment lines in the block open at that point (after an `exit`, the parent).
    const block = tree.blockOfLine[line];
    const lineText = snap.index.lineText(position.line).slice(0, position.character);
    const words = lineText.trim().length ? lineText.trim().split(/\s+/) : [];
    // The word being typed is completed, not matched.
    const preceding = /\s$/.test(lineText) || words.length === 0 ? words : words.slice(0, -1);
    const version = parsed.frr.version?.value;
    const chain = blockChain(block);
    const seen = new Set<string>();
    const items: CompletionItem[] = [];
    for (const kind of chain) {
      for (const c of completionsFor(kind, preceding, version ? { version } : {})) {
        if (c.kind !== 'keyword' || seen.has(c.label)) continue;
        seen.add(c.label);
        items.push({ label: c.label, kind: CompletionItemKind.Keyword, detail: c.detail, documentation: { kind: MarkupKind.Markdown, value: c.documentation } });
      }
      if (preceding.length === 0) break; // a new line completes the commands of its own block
    }
    return items;
  }
  if (parsed.kind !== 'k8s') return [];
  const obj = parsed.k8s.objects.find((o) => offset >= o.range.start && offset <= o.range.end + 1) ?? parsed.k8s.objects.find((o) => offset >= o.docRange.start && offset <= o.docRange.end);
  if (!obj || !obj.apiVersion) return [];
  const ks = kindSchema(obj.apiVersion.value, obj.kind);
  if (!ks) return [];
  const lineText = snap.index.lineText(position.line);
  const before = lineText.slice(0, position.character);
  const valueMatch = /^\s*(?:-\s+)?([A-Za-z]+):\s*\S*$/.exec(before);
  const column = /^\s*(?:-\s+)?/.exec(before)![0].length;
  const container = mapAtColumn(obj.node, offset, column, snap.text);
  if (!container) return [];
  const schema = schemaAt(ks.schema, container.path);
  if (valueMatch) {
    const field = schema?.properties?.[valueMatch[1]!];
    if (!field) return [];
    const values = field.enum ?? (field.type === 'boolean' ? ['true', 'false'] : []);
    return values.map((v) => ({ label: v, kind: CompletionItemKind.EnumMember }));
  }
  if (!schema?.properties) return [];
  const present = new Set(container.map?.entries.map((e) => e.key) ?? []);
  return Object.entries(schema.properties)
    .filter(([k]) => !present.has(k))
    .map(([k, f]) => {
      const doc = knobDoc(k);
      return {
        label: k,
        kind: CompletionItemKind.Property,
        detail: describe(f),
        insertText: f.type === 'object' ? `${k}:\n  ` : f.type === 'array' ? `${k}:\n  - ` : `${k}: `,
        ...(doc ? { documentation: doc } : {}),
      };
    });
}

function describe(f: FieldSchema): string {
  const parts: string[] = [f.goDuration ? 'duration' : f.type];
  if (f.enum) parts.push(f.enum.join(' | '));
  if (f.minimum !== undefined || f.maximum !== undefined) parts.push(`${f.minimum ?? ''}..${f.maximum ?? ''}`);
  if (f.default !== undefined) parts.push(`default ${JSON.stringify(f.default)}`);
  if (f.immutable) parts.push('immutable');
  return parts.join(', ');
}

/** The mapping whose keys sit at `column`, around `offset`, with its path from the object root. */
function mapAtColumn(root: YNode, offset: number, column: number, text: string): { path: (string | number)[]; map: YMap | undefined } | undefined {
  let best: { path: (string | number)[]; map: YMap | undefined } | undefined;
  const visit = (n: YNode, path: (string | number)[], depth: number): void => {
    if (depth > 32) return;
    if (n.kind === 'map') {
      const first = n.entries[0];
      if (first && n.range.start <= offset && keyColumn(text, first.keyRange.start) === column) best = { path, map: n };
      for (const e of n.entries) if (e.range.start <= offset) visit(e.value, [...path, e.key], depth + 1);
    } else if (n.kind === 'seq') {
      n.items.forEach((it, i) => {
        if (it.range.start <= offset) visit(it, [...path, i], depth + 1);
      });
    }
  };
  visit(root, [], 0);
  return best ?? (column === 0 ? { path: [], map: root.kind === 'map' ? root : undefined } : undefined);
}

/** 0-based column of an offset within its line. */
function keyColumn(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
