// The extension as a user installs it: from the .vsix (bundles only, no node_modules, no sources).
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, editDocument, grlintExtension, openDocument, positionOf, revertDocument, screenshot, waitFor, waitForDiagnostics } from '../suite/helpers';

suite('installed from the .vsix', () => {
  test('the installed extension holds the bundles and no sources or node_modules', () => {
    const root = grlintExtension().extensionPath;
    for (const f of ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js', 'syntaxes/frr.tmLanguage.json', 'language-configuration.json']) {
      assert.ok(existsSync(join(root, f)), `${f} is installed`);
    }
    for (const f of ['node_modules', 'client/src', 'server/src', 'test', 'package-lock.json']) {
      assert.ok(!existsSync(join(root, f)), `${f} is not installed`);
    }
  });

  test('opening frr.conf gives it the frr language and activates grlint', async () => {
    const doc = await openDocument('frr.conf');
    assert.equal(doc.languageId, 'frr');
    const ext = grlintExtension();
    await waitFor(() => ext.isActive, 'grlint to activate');
  });

  test('the packaged server reports GR101 for a helper that disables graceful restart', async () => {
    const doc = await openDocument('frr.conf');
    try {
      await editDocument(doc, (e) => e.insert(doc.uri, positionOf(doc, ' address-family ipv4 unicast'), ' neighbor 192.0.2.10 graceful-restart-disable\n'));
      const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'GR101'));
      assert.equal(diags.find((d) => codeOf(d) === 'GR101')?.severity, vscode.DiagnosticSeverity.Error);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      await screenshot('problems-panel');
    } finally {
      await revertDocument(doc);
    }
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0);
  });
});
