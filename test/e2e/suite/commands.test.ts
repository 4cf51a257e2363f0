// The commands ask the language server (grlint/sessions, grlint/render) and show its answer read-only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { grlintExtension, hooksAvailable, openDocument, screenshot, waitFor, waitForSelector } from './helpers';

suite('commands', () => {
  suiteSetup(async () => {
    await waitFor(() => grlintExtension().isActive, 'grlint to activate');
  });

  test('Show BGP Sessions shows the session between the BGPPeer and tor1, with both verdicts', async () => {
    await openDocument('frr.conf');
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('grlint.showSessions');
    assert.ok(uri, 'the command showed a document');
    assert.equal(uri.scheme, 'grlint');
    const doc = await vscode.workspace.openTextDocument(uri);
    const text = doc.getText();
    assert.match(text, /^## 1\. BGPPeer "tor1" ↔ tor1: neighbor 192\.0\.2\.10$/m);
    assert.match(text, /\*\*If BGPPeer "tor1" restarts:\*\* routes kept \*\*120 s\*\* by tor1/);
    assert.match(text, /\*\*If tor1 restarts:\*\* routes \*\*lost\*\*/);
    assert.match(text, /^\| GR mode \| restart \(metallb\/bgppeer\.yaml:11\) \| helper \(default\) \|$/m);
    if (hooksAvailable()) {
      // The markdown preview (a webview) renders the report.
      const heading = await waitForSelector('h1', { hasText: 'BGP sessions', inFrames: true });
      assert.equal(heading.trim(), 'BGP sessions');
      await waitForSelector('li', { hasText: 'routes kept 120 s by tor1', inFrames: true });
      await waitForSelector('table', { hasText: 'preserve-fw-state', inFrames: true });
      await screenshot('sessions-preview');
    }
  });

  test('Preview Rendered frr.conf shows what MetalLB renders from the BGPPeer, as frr', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('grlint.previewRendered');
    assert.ok(uri, 'the command showed a document');
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), uri.toString());
    assert.equal(editor?.document.languageId, 'frr');
    const text = editor.document.getText();
    assert.match(text, /^router bgp 64513$/m);
    assert.match(text, /^ neighbor 192\.0\.2\.1 graceful-restart$/m);
    assert.match(text, /^ bgp graceful-restart preserve-fw-state$/m);
    await screenshot('rendered-frr-conf');
  });
});
