import type { Connection } from 'vscode-languageserver';
import { TextDocumentSyncKind } from 'vscode-languageserver';

/** Wires grlint's language features onto an LSP connection and starts listening. */
export function startServer(connection: Connection): void {
  connection.onInitialize(() => ({
    capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental },
    serverInfo: { name: 'grlint' },
  }));
  connection.listen();
}
