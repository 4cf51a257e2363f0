/** Quick-fixes from findings, "Disable CODE for this line", and `source.fixAll.grlint`. */
import type { CodeAction, CodeActionParams, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Finding, Fix } from '../core/finding';
import { applyFixPass } from '../core/fix';
import { diagnosticKey, findingKey, toLspRange } from './convert';
import type { Snapshot, Workspace } from './workspace';

export const FIX_ALL_KIND = 'source.fixAll.grlint';

/** A workspace edit for a fix, versioned for open documents; undefined when a buffer moved on since the lint. */
export function fixToEdit(fix: Fix, ws: Workspace): WorkspaceEdit | undefined {
  const byUri = new Map<string, Fix['edits'][number][]>();
  for (const e of fix.edits) {
    const l = byUri.get(e.uri) ?? [];
    l.push(e);
    byUri.set(e.uri, l);
  }
  const changes: TextDocumentEdit[] = [];
  for (const [uri, edits] of byUri) {
    const snap = ws.snapshot(uri);
    if (!snap) return undefined;
    const open = ws.openDocument(uri);
    if (open && snap.version !== null && open.version !== snap.version) return undefined;
    changes.push({
      textDocument: { uri, version: snap.version },
      edits: edits.map((e) => ({ range: toLspRange(snap, e.range), newText: e.newText })),
    });
  }
  return { documentChanges: changes };
}

export function codeActions(params: CodeActionParams, ws: Workspace): CodeAction[] {
  const result = ws.lint();
  const uri = params.textDocument.uri;
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];

  if (wants(FIX_ALL_KIND) && only) {
    const a = fixAll(uri, result.findings, ws);
    if (a) actions.push(a);
    return actions;
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;

  const byKey = new Map(result.findings.filter((f) => f.loc.uri === uri).map((f) => [findingKey(f), f]));
  for (const d of params.context.diagnostics) {
    if (d.source !== 'grlint') continue;
    const f = byKey.get(diagnosticKey(uri, d));
    if (!f) continue;
    const safe = f.fixes.filter((x) => x.applicability === 'safe');
    for (const fix of f.fixes) {
      const edit = fixToEdit(fix, ws);
      if (!edit) continue;
      actions.push({
        title: fix.applicability === 'unsafe' ? `${fix.title} (unsafe)` : fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: fix.applicability === 'safe' && safe.length === 1,
        edit,
      });
    }
    const disable = disableAction(f, ws.snapshot(f.loc.uri));
    if (disable) actions.push({ ...disable, diagnostics: [d] });
  }
  return actions;
}

/** Inserts `! grlint-disable-next-line CODE` (or `# ...` in YAML) above the finding's line, indented like it. */
function disableAction(f: Finding, snap: Snapshot | undefined): CodeAction | undefined {
  if (!snap) return undefined;
  const line = snap.index.positionAt(f.loc.range.start).line;
  const text = snap.index.lineText(line);
  const indent = /^[ \t]*/.exec(text)![0];
  const yaml = /\.(ya?ml|json)$/i.test(f.loc.uri);
  const marker = yaml ? '#' : '!';
  const nl = snap.text.includes('\r\n') ? '\r\n' : '\n';
  const start = snap.index.lineStarts[line]!;
  return {
    title: `Disable ${f.code} for this line`,
    kind: CodeActionKind.QuickFix,
    edit: {
      documentChanges: [
        {
          textDocument: { uri: f.loc.uri, version: snap.version },
          edits: [{ range: toLspRange(snap, { start, end: start }), newText: `${indent}${marker} grlint-disable-next-line ${f.code}${nl}` }],
        },
      ],
    },
  };
}

/** Applies every safe fix whose edits all stay in this document (one non-overlapping pass). */
function fixAll(uri: string, findings: readonly Finding[], ws: Workspace): CodeAction | undefined {
  const snap = ws.snapshot(uri);
  if (!snap) return undefined;
  const fixes = findings
    .filter((f) => f.loc.uri === uri)
    .map((f) => f.fixes.find((x) => x.applicability === 'safe'))
    .filter((x): x is Fix => !!x && x.edits.every((e) => e.uri === uri));
  if (!fixes.length) return undefined;
  const pass = applyFixPass(new Map([[uri, snap.text]]), fixes);
  const edits = pass.applied.flatMap((x) => x.edits);
  if (!edits.length) return undefined;
  return {
    title: 'Fix all grlint safe problems',
    kind: FIX_ALL_KIND,
    edit: { documentChanges: [{ textDocument: { uri, version: snap.version }, edits: edits.map((e) => ({ range: toLspRange(snap, e.range), newText: e.newText })) }] },
  };
}
