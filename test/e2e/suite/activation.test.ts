// The extension in a real editor: activation, language assignment, contributed commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { grlintExtension, openDocument, screenshot, waitFor } from './helpers';

suite('activation', () => {
  test('opening frr.conf gives it the frr language and activates grlint', async () => {
    const doc = await openDocument('frr.conf');
    assert.equal(doc.languageId, 'frr');
    const ext = grlintExtension();
    // Nothing here calls ext.activate(): the manifest's activation events must do it.
    await waitFor(() => ext.isActive, 'grlint to activate');
    await screenshot('frr-conf-opened');
  });

  test('a MetalLB YAML file stays yaml (grlint adds diagnostics, not a language)', async () => {
    const doc = await openDocument('metallb/bgppeer.yaml');
    assert.equal(doc.languageId, 'yaml');
    const langs = await vscode.languages.getLanguages();
    assert.ok(langs.includes('frr'), 'the frr language is registered');
    assert.equal(langs.filter((l) => l === 'yaml').length, 1);
  });

  test('the commands are contributed and registered', async () => {
    await waitFor(() => grlintExtension().isActive, 'grlint to activate');
    const all = await vscode.commands.getCommands(true);
    for (const id of ['grlint.showSessions', 'grlint.previewRendered']) assert.ok(all.includes(id), `${id} is registered`);
    const manifest = grlintExtension().packageJSON as { contributes: { commands: { command: string; title: string; category: string }[] } };
    const titles = manifest.contributes.commands.map((c) => `${c.category}: ${c.title}`);
    assert.deepEqual(titles.sort(), ['grlint: Preview Rendered frr.conf', 'grlint: Show BGP Sessions']);
  });
});
