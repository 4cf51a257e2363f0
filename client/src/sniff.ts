import * as vscode from 'vscode';

/**
 * A line that only an FRR configuration starts with. FRR writes `frr version` first, and `router bgp`
 * opens the block grlint reads; both at the start of a line.
 */
const FRR_LINE = /^(?:frr version|router bgp)\b/m;

/** Only the head of a file is read: an frr.conf states one of the lines above long before this. */
const SNIFF_CHARS = 64 * 1024;

/** Languages VS Code gives a `*.conf` file by default (`properties` from the built-in ini extension). */
const GENERIC_LANGUAGES = new Set(['properties', 'plaintext']);

/**
 * Gives the `frr` language to `*.conf` files that VS Code opened as `properties` or plain text but that hold
 * FRR configuration. The manifest's `firstLine` pattern cannot do this: VS Code consults it only when no file
 * extension matched, and the built-in ini extension claims `.conf`. Each URI is switched at most once, so a
 * user who sets another language afterwards keeps it.
 */
export function sniffFrrConfFiles(): vscode.Disposable {
  const switched = new Set<string>();
  const sniff = (doc: vscode.TextDocument): void => {
    const key = doc.uri.toString();
    if (switched.has(key)) return;
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return;
    if (!doc.uri.path.endsWith('.conf') || !GENERIC_LANGUAGES.has(doc.languageId)) return;
    if (!FRR_LINE.test(doc.getText().slice(0, SNIFF_CHARS))) return;
    switched.add(key);
    // The language change closes and reopens the document; failure only means the file stays as it was.
    void Promise.resolve(vscode.languages.setTextDocumentLanguage(doc, 'frr')).catch(() => switched.delete(key));
  };
  vscode.workspace.textDocuments.forEach(sniff);
  return vscode.workspace.onDidOpenTextDocument(sniff);
}
