import * as vscode from 'vscode';

/** The URI scheme of grlint's read-only views (sessions report, rendered frr.conf). */
export const VIEW_SCHEME = 'grlint';

/**
 * Read-only documents whose text the extension sets: a content provider on the `grlint:` scheme.
 * Setting the text of a URI again refreshes every editor and preview that shows it.
 */
export class VirtualDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Sets the text of `uri` (scheme `grlint`) and tells open views to reload it. */
  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
    this.texts.clear();
  }
}
