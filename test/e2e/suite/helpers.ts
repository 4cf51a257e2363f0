// Helpers for end-to-end tests that run inside a real VS Code extension host (code-server, see test/e2e/run.mjs).
// Every wait is on an editor event or a deadline-bounded condition; none sleeps for a fixed time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** The extension under test (`publisher.name` from package.json). */
export const EXTENSION_ID = 'grlint.grlint';

/** Default deadline of a wait, in milliseconds. */
export const WAIT_MS = 30_000;

/** The fixture workspace folder (test/e2e/workspace), as opened by the runner. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner opens test/e2e/workspace as the workspace folder');
  return folder.uri;
}

/** The URI of a file in the fixture workspace, by its path relative to the folder. */
export function workspaceFile(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), relative);
}

/** Opens a document (a fixture path or a URI) in an editor and returns it. */
export async function openDocument(file: string | vscode.Uri): Promise<vscode.TextDocument> {
  const uri = typeof file === 'string' ? workspaceFile(file) : file;
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/**
 * Resolves with the first value `event` fires that `predicate` accepts, or rejects after `timeoutMs`.
 * Subscribe before the action that triggers the event, then await the promise after it.
 */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  predicate: (value: T) => boolean,
  what: string,
  timeoutMs = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const sub = event((value) => {
      if (!predicate(value)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(value);
    });
  });
}

/**
 * Waits for a condition that VS Code has no event for (such as an extension becoming active), checking it
 * every 50 ms until `timeoutMs`. Prefer waitForEvent wherever an event exists.
 */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The grlint extension, asserting that the editor knows it. */
export function grlintExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed in the editor`);
  return ext;
}

/** A diagnostic's code as a string (`code` may be a plain value or `{ value, target }`). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** grlint's diagnostics of a document (source `grlint`). */
export function grlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'grlint');
}

/**
 * Resolves with grlint's diagnostics of `uri` as soon as `predicate` accepts them (at once when it already
 * does), waiting on `onDidChangeDiagnostics`; rejects after `timeoutMs` and names what it saw last.
 */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: vscode.Diagnostic[]) => boolean,
  timeoutMs = WAIT_MS,
): Promise<vscode.Diagnostic[]> {
  const key = uri.toString();
  const now = grlintDiagnostics(uri);
  if (predicate(now)) return now;
  try {
    await waitForEvent(
      vscode.languages.onDidChangeDiagnostics,
      (e) => e.uris.some((u) => u.toString() === key) && predicate(grlintDiagnostics(uri)),
      `grlint diagnostics of ${uri.path}`,
      timeoutMs,
    );
  } catch (error) {
    const last = grlintDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line + 1}: ${d.message}`);
    throw new Error(`${(error as Error).message}; last seen: ${last.length ? last.join(' | ') : 'none'}`);
  }
  return grlintDiagnostics(uri);
}

/** Applies an edit to a document and resolves when VS Code reports the document changed. */
export async function editDocument(doc: vscode.TextDocument, build: (edit: vscode.WorkspaceEdit) => void): Promise<void> {
  const changed = waitForEvent(vscode.workspace.onDidChangeTextDocument, (e) => e.document === doc, `an edit of ${doc.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  build(edit);
  assert.ok(await vscode.workspace.applyEdit(edit), `the edit of ${doc.uri.path} applies`);
  await changed;
}

/** Throws away unsaved changes of a document (the fixture files on disk stay as they are). */
export async function revertDocument(doc: vscode.TextDocument): Promise<void> {
  if (!doc.isDirty) return;
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(doc.isDirty, false, `${doc.uri.path} is reverted`);
}

/** The quick-fixes the editor offers for a diagnostic (from every provider, grlint's included). */
export async function quickFixesFor(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return (actions ?? []).filter((a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'));
}

/** Applies a code action (its edit, then its command) as the lightbulb would. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `"${action.title}" applies`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** The markdown / text of every hover the editor shows at a position. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The code lenses of a document, resolved (titles filled in). */
export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
}

/** The position of the first occurrence of `text` in a document (asserting that it occurs). */
export function positionOf(doc: vscode.TextDocument, text: string): vscode.Position {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${doc.uri.path} contains ${JSON.stringify(text)}`);
  return doc.positionAt(offset);
}

// ---- The runner's hooks: the browser side of the editor (screenshots, DOM), served by test/e2e/run.mjs. ----

const HOOKS = process.env.GRLINT_E2E_HOOKS;

/** True when the suite runs under test/e2e/run.mjs, which serves the hooks below. */
export function hooksAvailable(): boolean {
  return HOOKS !== undefined && HOOKS !== '';
}

async function callHook<T>(name: string, body: Record<string, unknown>): Promise<T> {
  assert.ok(hooksAvailable(), `runner hook ${name} needs test/e2e/run.mjs (GRLINT_E2E_HOOKS is not set)`);
  const res = await fetch(`${HOOKS}/${name}`, { method: 'POST', body: JSON.stringify(body) });
  const answer = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`runner hook ${name} failed: ${answer.error ?? res.status}`);
  return answer;
}

/**
 * Saves a screenshot of the editor page (or of the first element matching `selector`) as
 * test-results/<name>.png and returns its path. Skipped (undefined) outside the runner.
 */
export async function screenshot(name: string, selector?: string): Promise<string | undefined> {
  if (!hooksAvailable()) return undefined;
  return (await callHook<{ path: string }>('screenshot', { name, selector })).path;
}

/**
 * Waits until an element matching a CSS selector (and containing `hasText`, when given) is visible in the
 * editor page, or with `inFrames` in any of its frames (webviews such as the markdown preview); returns its text.
 */
export async function waitForSelector(
  selector: string,
  options: { hasText?: string; inFrames?: boolean; timeoutMs?: number } = {},
): Promise<string> {
  const { hasText, inFrames = false, timeoutMs = WAIT_MS } = options;
  return (await callHook<{ text: string }>('waitForSelector', { selector, hasText, inFrames, timeoutMs })).text;
}

/** The text of every element matching a CSS selector in the editor page (none: an empty list). */
export async function textsOf(selector: string): Promise<string[]> {
  return (await callHook<{ texts: string[] }>('texts', { selector })).texts;
}
