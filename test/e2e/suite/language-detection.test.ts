// Language detection for *.conf files, which VS Code gives the properties language (built-in ini extension).
// Runs last: the documents it opens outside the workspace stay known to the server for the rest of the run.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { grlintExtension, waitFor, waitForEvent } from './helpers';

suite('language detection', () => {
  test('a *.conf file is given frr when its content is FRR, and left alone otherwise', async () => {
    await waitFor(() => grlintExtension().isActive, 'grlint to activate');
    const dir = mkdtempSync(join(tmpdir(), 'grlint-sniff-'));
    try {
      const other = vscode.Uri.file(join(dir, 'app.conf'));
      const edge = vscode.Uri.file(join(dir, 'edge.conf'));
      writeFileSync(other.fsPath, '[server]\nport = 8080\n');
      writeFileSync(edge.fsPath, 'frr version 8.4.4\nhostname edge\nrouter bgp 65100\n neighbor 198.51.100.9 remote-as 65101\nexit\n');
      const switched = waitForEvent(
        vscode.workspace.onDidOpenTextDocument,
        (d) => d.uri.toString() === edge.toString() && d.languageId === 'frr',
        'edge.conf to reopen as frr',
      );
      // VS Code itself gives *.conf the properties language (built-in ini extension); grlint sniffs the content.
      const otherDoc = await vscode.workspace.openTextDocument(other);
      assert.equal(otherDoc.languageId, 'properties');
      await vscode.workspace.openTextDocument(edge);
      const edgeDoc = await switched;
      assert.equal(edgeDoc.languageId, 'frr');
      // Documents are sniffed in the order they open, so app.conf had its turn before edge.conf switched.
      const otherNow = vscode.workspace.textDocuments.find((d) => d.uri.toString() === other.toString());
      assert.equal(otherNow?.languageId, 'properties');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
