/** Completion of frr.conf commands in their block and of CR keys and enum values. */
import type { CompletionItem, Position } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import type { FrrBlockKind } from '../core/frr/syntax';
import { kindSchema, schemaAt, type FieldSchema } from '../core/k8s/schema';
import type { YMap, YNode } from '../core/k8s/types';
import { CR_KNOBS, FRR_KNOBS } from '../core/knobs';
import type { ParsedFile } from '../core/project';
import type { Snapshot } from './workspace';

interface CommandItem {
  readonly label: string;
  readonly snippet: string;
  readonly knob: string;
}

/** Modelled commands by the block they belong to. */
const COMMANDS: Partial<Record<FrrBlockKind, readonly CommandItem[]>> = {
  root: [
    { label: 'router bgp', snippet: 'router bgp ${1:65000}\n ${0}\nexit', knob: '' },
    { label: 'frr version', snippet: 'frr version ${1:8.4.4}', knob: '' },
    { label: 'frr defaults', snippet: 'frr defaults ${1|traditional,datacenter|}', knob: '' },
    { label: 'interface', snippet: 'interface ${1:eth0}\n ip address ${2:192.0.2.1/24}\nexit', knob: '' },
    { label: 'bfd', snippet: 'bfd\n profile ${1:name}\n  detect-multiplier ${2:3}\n exit\nexit', knob: '' },
  ],
  'router-bgp': [
    { label: 'bgp graceful-restart', snippet: 'bgp graceful-restart', knob: 'gr-mode:restart' },
    { label: 'bgp graceful-restart-disable', snippet: 'bgp graceful-restart-disable', knob: 'gr-mode:disable' },
    { label: 'bgp graceful-restart restart-time', snippet: 'bgp graceful-restart restart-time ${1:120}', knob: 'gr-timer:restart-time' },
    { label: 'bgp graceful-restart stalepath-time', snippet: 'bgp graceful-restart stalepath-time ${1:360}', knob: 'gr-timer:stalepath-time' },
    { label: 'bgp graceful-restart select-defer-time', snippet: 'bgp graceful-restart select-defer-time ${1:360}', knob: 'gr-timer:select-defer-time' },
    { label: 'bgp graceful-restart rib-stale-time', snippet: 'bgp graceful-restart rib-stale-time ${1:500}', knob: 'gr-timer:rib-stale-time' },
    { label: 'bgp graceful-restart preserve-fw-state', snippet: 'bgp graceful-restart preserve-fw-state', knob: 'gr-preserve-fw-state' },
    { label: 'bgp graceful-restart notification', snippet: 'bgp graceful-restart notification', knob: 'gr-notification' },
    { label: 'bgp long-lived-graceful-restart stale-time', snippet: 'bgp long-lived-graceful-restart stale-time ${1:0}', knob: 'llgr-stale-time' },
    { label: 'bgp router-id', snippet: 'bgp router-id ${1:192.0.2.1}', knob: 'router-id' },
    { label: 'bgp listen range', snippet: 'bgp listen range ${1:192.0.2.0/24} peer-group ${2:NODES}', knob: 'listen-range' },
    { label: 'timers bgp', snippet: 'timers bgp ${1:60} ${2:180}', knob: 'timers-bgp' },
    { label: 'neighbor remote-as', snippet: 'neighbor ${1:192.0.2.10} remote-as ${2:65001}', knob: 'neighbor:remote-as' },
    { label: 'neighbor peer-group (define)', snippet: 'neighbor ${1:NODES} peer-group', knob: 'neighbor:peer-group-define' },
    { label: 'neighbor peer-group', snippet: 'neighbor ${1:192.0.2.10} peer-group ${2:NODES}', knob: 'neighbor:peer-group' },
    { label: 'neighbor graceful-restart', snippet: 'neighbor ${1:192.0.2.10} graceful-restart', knob: 'neighbor:gr-mode:restart' },
    { label: 'neighbor graceful-restart-helper', snippet: 'neighbor ${1:192.0.2.10} graceful-restart-helper', knob: 'neighbor:gr-mode:helper' },
    { label: 'neighbor graceful-restart-disable', snippet: 'neighbor ${1:192.0.2.10} graceful-restart-disable', knob: 'neighbor:gr-mode:disable' },
    { label: 'neighbor timers', snippet: 'neighbor ${1:192.0.2.10} timers ${2:60} ${3:180}', knob: 'neighbor:timers' },
    { label: 'neighbor timers connect', snippet: 'neighbor ${1:192.0.2.10} timers connect ${2:10}', knob: 'neighbor:timers-connect' },
    { label: 'neighbor bfd', snippet: 'neighbor ${1:192.0.2.10} bfd', knob: 'neighbor:bfd' },
    { label: 'neighbor bfd profile', snippet: 'neighbor ${1:192.0.2.10} bfd profile ${2:name}', knob: 'neighbor:bfd-profile' },
    { label: 'neighbor bfd check-control-plane-failure', snippet: 'neighbor ${1:192.0.2.10} bfd check-control-plane-failure', knob: 'neighbor:bfd-check-control-plane-failure' },
    { label: 'neighbor update-source', snippet: 'neighbor ${1:192.0.2.10} update-source ${2:192.0.2.1}', knob: 'neighbor:update-source' },
  ],
  interface: [
    { label: 'ip address', snippet: 'ip address ${1:192.0.2.1/24}', knob: '' },
    { label: 'ipv6 address', snippet: 'ipv6 address ${1:2001:db8::1/64}', knob: '' },
  ],
  bfd: [
    { label: 'profile', snippet: 'profile ${1:name}\n detect-multiplier ${2:3}\nexit', knob: '' },
    { label: 'peer', snippet: 'peer ${1:192.0.2.10}\nexit', knob: '' },
  ],
};

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
    // The block of the line above decides (an empty line belongs to the block before it).
    let block = tree.blockOfLine[line];
    for (let l = line; l >= 0 && (!block || tree.lines[l]!.kind !== 'command'); l--) block = tree.blockOfLine[l];
    let kind: FrrBlockKind = block?.kind ?? 'root';
    if (kind === 'address-family') kind = 'router-bgp';
    const items = COMMANDS[kind] ?? [];
    return items.map((c) => {
      const doc = knobDoc(c.knob);
      return { label: c.label, kind: CompletionItemKind.Keyword, insertText: c.snippet, insertTextFormat: InsertTextFormat.Snippet, ...(doc ? { documentation: doc } : {}) };
    });
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
