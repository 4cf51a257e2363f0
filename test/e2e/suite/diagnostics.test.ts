// Diagnostics, a quick-fix and a hover from the real server, seen through the editor's API and its UI.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyCodeAction,
  codeLenses,
  codeOf,
  editDocument,
  grlintDiagnostics,
  grlintExtension,
  hooksAvailable,
  hoverText,
  openDocument,
  positionOf,
  quickFixesFor,
  revertDocument,
  screenshot,
  waitFor,
  waitForDiagnostics,
  waitForSelector,
  workspaceFile,
} from './helpers';

/** Puts tor1's neighbor (the MetalLB speaker) in GR disable mode, while the BGPPeer asks for restart mode. */
const DISABLE_LINE = ' neighbor 192.0.2.10 graceful-restart-disable\n';
/** The line the disable line goes before: still inside `router bgp`. */
const ANCHOR = ' address-family ipv4 unicast';

suite('diagnostics', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    await waitFor(() => grlintExtension().isActive, 'grlint to activate');
    doc = await openDocument('frr.conf');
  });

  // Each test that edits the document reverts it, pass or fail, so that the next one starts clean.
  teardown(async () => {
    await revertDocument(doc);
  });

  test('the reference workspace is silent', async () => {
    // Silence only counts once the server has linted the text: make it report, revert, and see it withdraw.
    const original = doc.getText();
    await editDocument(doc, (e) => e.insert(doc.uri, positionOf(doc, ANCHOR), DISABLE_LINE));
    await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'GR101'));
    await revertDocument(doc);
    assert.equal(doc.getText(), original);
    await waitForDiagnostics(doc.uri, (ds) => ds.length === 0);
    // One more round trip: the server sent every diagnostic of that lint before it answers this.
    await hoverText(doc.uri, positionOf(doc, '192.0.2.10 remote-as'));
    assert.deepEqual(grlintDiagnostics(workspaceFile('metallb/bgppeer.yaml')), []);
    assert.deepEqual(grlintDiagnostics(doc.uri), []);
  });

  test('a helper that disables graceful restart is reported (GR101), shown, and fixed by its quick-fix', async () => {
    const at = positionOf(doc, ANCHOR);
    await editDocument(doc, (e) => e.insert(doc.uri, at, DISABLE_LINE));
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => codeOf(d) === 'GR101'));
    const gr101 = diags.find((d) => codeOf(d) === 'GR101')!;
    // The lens above the neighbor, asked through the editor, now gives the new verdict.
    const lensTitles = (await codeLenses(doc.uri)).map((l) => l.command?.title ?? '');
    assert.ok(lensTitles.some((t) => t.startsWith('GR: routes lost if BGPPeer "tor1" restarts')), lensTitles.join(' | '));
    assert.equal(gr101.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(gr101.range.start.line, at.line);
    assert.equal(doc.getText(gr101.range), DISABLE_LINE.trim());
    assert.ok(gr101.relatedInformation?.some((r) => r.location.uri.path.endsWith('/metallb/bgppeer.yaml')), 'related: the BGPPeer');

    if (hooksAvailable()) {
      // What the editor shows above the neighbor, not only what the provider answers, has the new verdict.
      await waitForSelector('.codelens-decoration', { hasText: 'GR: routes lost if BGPPeer "tor1" restarts' });
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const row = await waitForSelector('.markers-panel .monaco-list-row', { hasText: 'GR101' });
      assert.match(row, /disables graceful restart/);
      await screenshot('problems-panel');
      const editor = await vscode.window.showTextDocument(doc);
      editor.selection = new vscode.Selection(gr101.range.start, gr101.range.start);
      await vscode.commands.executeCommand('editor.action.showHover');
      const hover = await waitForSelector('.monaco-hover .hover-contents', { hasText: 'GR101' });
      assert.match(hover, /disables graceful restart/);
      await screenshot('hover-gr101');
      // Hidden again, or it would cover the next test's screenshot.
      await vscode.commands.executeCommand('editor.action.hideHover');
      await vscode.commands.executeCommand('workbench.action.closePanel');
    }

    const fixes = await quickFixesFor(doc.uri, gr101);
    const fix = fixes.find((f) => f.title.startsWith(`Remove "${DISABLE_LINE.trim()}"`));
    assert.ok(fix, `the removal among the quick-fixes: ${fixes.map((f) => f.title).join(' | ')}`);
    await applyCodeAction(fix);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => codeOf(d) === 'GR101'));
    assert.ok(!doc.getText().includes(DISABLE_LINE), 'the fix removed the disable line');
  });

  test('editing the router changes the code lens shown above the BGPPeer, open in another editor', async function () {
    // The lens of a file nobody edited changes only when the server asks the editor to refresh lenses.
    if (!hooksAvailable()) this.skip();
    const peer = await vscode.workspace.openTextDocument(workspaceFile('metallb/bgppeer.yaml'));
    await vscode.window.showTextDocument(peer, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true });
    try {
      await waitForSelector('.codelens-decoration', { hasText: 'GR: routes kept 120 s if this speaker restarts' });
      await editDocument(doc, (e) => e.insert(doc.uri, positionOf(doc, ANCHOR), DISABLE_LINE));
      const shown = await waitForSelector('.codelens-decoration', { hasText: 'GR: routes lost if this speaker restarts' });
      assert.match(shown, /disables graceful restart/);
      await screenshot('code-lens-both-ends');
      await revertDocument(doc);
      await waitForSelector('.codelens-decoration', { hasText: 'GR: routes kept 120 s if this speaker restarts' });
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
    }
  });

  test('hovering the neighbor shows its effective graceful-restart values and the session verdict', async () => {
    const text = await hoverText(doc.uri, positionOf(doc, '192.0.2.10 remote-as'));
    assert.match(text, /effective values/);
    assert.match(text, /helper/);
    assert.match(text, /kept 120 s/);
  });

  test('a code lens above the neighbor and above the BGPPeer gives the restart verdict', async () => {
    // The server computes lenses from the same lint the diagnostics come from, on request.
    const lenses = await codeLenses(doc.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes('GR: routes kept 120 s if BGPPeer "tor1" restarts'), titles.join(' | '));
    const peer = await codeLenses(workspaceFile('metallb/bgppeer.yaml'));
    assert.ok(peer.some((l) => /^GR: routes kept 120 s if this speaker restarts/.test(l.command?.title ?? '')), peer.map((l) => l.command?.title).join(' | '));
  });
});
