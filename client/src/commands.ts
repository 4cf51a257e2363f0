import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestFailureMessage } from './messages';
import { RENDER_REQUEST, SESSIONS_REQUEST } from './protocol';
import { VIEW_SCHEME, VirtualDocuments } from './virtual-documents';

/** The read-only document that shows the BGP sessions report (markdown, opened in the markdown preview). */
export const SESSIONS_URI = vscode.Uri.from({ scheme: VIEW_SCHEME, path: '/BGP sessions.md' });
/** The read-only document that shows the rendered frr.conf (given the `frr` language when shown). */
export const RENDERED_URI = vscode.Uri.from({ scheme: VIEW_SCHEME, path: '/Rendered frr.conf' });

/**
 * Registers `grlint.showSessions` and `grlint.previewRendered`. Each asks the server (custom requests
 * `grlint/sessions` and `grlint/render`) and shows the answer in a read-only `grlint:` document.
 * A command resolves to the URI it showed, or to `undefined` after telling the user why it showed nothing.
 */
export function registerCommands(
  getClient: () => LanguageClient | undefined,
  views: VirtualDocuments,
  log: vscode.LogOutputChannel,
): vscode.Disposable {
  async function ask<R>(
    method: string,
    send: (client: LanguageClient) => Promise<R>,
  ): Promise<{ ok: true; value: R } | { ok: false }> {
    const client = getClient();
    if (client === undefined) {
      tell('warning', 'grlint: the language server is not running (the setting grlint.enable is off).');
      return { ok: false };
    }
    try {
      return { ok: true, value: await send(client) };
    } catch (error) {
      log.error(`${method} failed: ${error instanceof Error ? error.message : String(error)}`);
      tell('error', requestFailureMessage(method, error));
      return { ok: false };
    }
  }

  async function showSessions(): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document.uri;
    const params = active && active.scheme !== VIEW_SCHEME ? { uri: active.toString() } : {};
    const answer = await ask(SESSIONS_REQUEST.method, (c) => c.sendRequest(SESSIONS_REQUEST, params));
    if (!answer.ok) return undefined;
    if (!answer.value) {
      tell('info', 'grlint: the workspace describes no BGP sessions.');
      return undefined;
    }
    views.set(SESSIONS_URI, answer.value);
    await vscode.commands.executeCommand('markdown.showPreview', SESSIONS_URI);
    return SESSIONS_URI;
  }

  async function previewRendered(): Promise<vscode.Uri | undefined> {
    const answer = await ask(RENDER_REQUEST.method, (c) => c.sendRequest(RENDER_REQUEST, {}));
    if (!answer.ok) return undefined;
    if (!answer.value) {
      tell('info', 'grlint: the workspace holds no MetalLB or frr-k8s objects to render.');
      return undefined;
    }
    views.set(RENDERED_URI, answer.value);
    let doc = await vscode.workspace.openTextDocument(RENDERED_URI);
    if (doc.languageId !== 'frr') doc = await vscode.languages.setTextDocumentLanguage(doc, 'frr');
    await vscode.window.showTextDocument(doc, { preview: true });
    return RENDERED_URI;
  }

  function tell(level: 'info' | 'warning' | 'error', message: string): void {
    // Not awaited: a notification resolves only when the user dismisses it.
    if (level === 'info') void vscode.window.showInformationMessage(message);
    else if (level === 'warning') void vscode.window.showWarningMessage(message);
    else void vscode.window.showErrorMessage(message);
  }

  return vscode.Disposable.from(
    vscode.commands.registerCommand('grlint.showSessions', showSessions),
    vscode.commands.registerCommand('grlint.previewRendered', previewRendered),
  );
}
