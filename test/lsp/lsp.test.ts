/** The language server over stdio, as an editor drives it. Needs `npm run build` (npm test does it). */
import assert from 'node:assert/strict';
import { type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { type Diagnostic, type ProtocolConnection, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { source, TOR1_PEER } from '../helpers/fixture';
import { startLspClient, type LspClient } from '../helpers/lsp-client';

const PEER = TOR1_PEER;
const ROUTER = source`
  router bgp 64512
   bgp router-id 192.0.2.1
   neighbor NODES peer-group
   neighbor NODES remote-as 64513
   neighbor 192.0.2.10 peer-group NODES
   neighbor 192.0.2.10 graceful-restart-disable
  exit
`;

describe('language server over stdio', () => {
  let client: LspClient;
  let child: ChildProcess;
  let conn: ProtocolConnection;
  const docs = new Map<string, TextDocument>();

  const uri = (name: string): string => client.uri(name);
  /** Resolves with the diagnostics of the latest or a later publication that satisfies `pred`. */
  const diagnostics = async (name: string, pred: (d: Diagnostic[]) => boolean, timeoutMs = 8000): Promise<Diagnostic[]> =>
    (await client.publication(name, (p) => pred(p.diagnostics), timeoutMs)).diagnostics;
  const open = (name: string, languageId: string, text: string): void => {
    const d = TextDocument.create(uri(name), languageId, 1, text);
    docs.set(name, d);
    void conn.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId, version: 1, text } });
  };
  const change = (name: string, edits: TextEdit[]): void => {
    const d = docs.get(name)!;
    const next = TextDocument.create(d.uri, d.languageId, d.version + 1, TextDocument.applyEdits(d, edits));
    docs.set(name, next);
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version: next.version }, contentChanges: [{ text: next.getText() }] });
  };

  before(async () => {
    client = await startLspClient(
      { 'metallb.yaml': PEER, 'tor1/frr.conf': ROUTER },
      { capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, configuration: true } } },
    );
    ({ child, conn } = client);
  });

  after(() => client?.close());

  it('publishes diagnostics for a file on disk that is not open, with code, docs link, source and related information', async () => {
    const d = await diagnostics('tor1/frr.conf', (x) => x.some((y) => y.code === 'GR101'));
    const gr = d.find((y) => y.code === 'GR101')!;
    assert.equal(gr.source, 'grlint');
    assert.match(gr.codeDescription!.href, /docs\/rules\/GR101\.md$/);
    assert.deepEqual(gr.range, { start: { line: 5, character: 1 }, end: { line: 5, character: 45 } });
    assert.equal(gr.relatedInformation![0]!.location.uri, uri('metallb.yaml'));
  });

  it('updates the router file when the BGPPeer changes in the editor, without saving', async () => {
    open('metallb.yaml', 'yaml', PEER);
    open('tor1/frr.conf', 'frr', ROUTER);
    await diagnostics('tor1/frr.conf', (x) => x.some((y) => y.code === 'GR101'));
    const line = PEER.split('\n').findIndex((l) => l.includes('enableGracefulRestart'));
    change('metallb.yaml', [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '  enableGracefulRestart: false\n' }]);
    await diagnostics('tor1/frr.conf', (x) => !x.some((y) => y.code === 'GR101'));
    change('metallb.yaml', [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '  enableGracefulRestart: true\n' }]);
    await diagnostics('tor1/frr.conf', (x) => x.some((y) => y.code === 'GR101'));
  });

  it('offers the quick-fix as a versioned edit that, applied, makes the finding go away', async () => {
    const d = (await diagnostics('tor1/frr.conf', (x) => x.some((y) => y.code === 'GR101'))).find((y) => y.code === 'GR101')!;
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('tor1/frr.conf') },
      range: d.range,
      context: { diagnostics: [d] },
    })) as { title: string; edit?: WorkspaceEdit; isPreferred?: boolean }[];
    const fix = actions.find((a) => a.title.startsWith('Remove'));
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(actions.some((a) => a.title === 'Disable GR101 for this line'));
    const change0 = fix.edit!.documentChanges![0] as { textDocument: { uri: string; version: number }; edits: TextEdit[] };
    assert.equal(change0.textDocument.version, docs.get('tor1/frr.conf')!.version);
    change('tor1/frr.conf', change0.edits);
    await diagnostics('tor1/frr.conf', (x) => !x.some((y) => y.code === 'GR101'));
  });

  it('applies every safe fix of a document with source.fixAll.grlint, and nothing unsafe', async () => {
    open('fixall.frr', 'frr', 'router bgp 65010\n neighbor 192.0.2.99 remote-as 65011\n neighbor 192.0.2.99 timers 30 20\n bgp graceful-restart-disable\n bgp graceful-restart\nexit\n');
    await diagnostics('fixall.frr', (x) => x.some((y) => y.code === 'TMR202') && x.some((y) => y.code === 'GR108'));
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri('fixall.frr') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.grlint'] },
    })) as { kind: string; edit: WorkspaceEdit }[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.kind, 'source.fixAll.grlint');
    const edits = (actions[0]!.edit.documentChanges![0] as { edits: TextEdit[] }).edits;
    change('fixall.frr', edits);
    // TMR202 (keepalive to hold / 3), GR108 (the overridden mode line) and GR102 (preserve-fw-state) are safe.
    assert.equal(
      docs.get('fixall.frr')!.getText(),
      'router bgp 65010\n neighbor 192.0.2.99 remote-as 65011\n neighbor 192.0.2.99 timers 6 20\n bgp graceful-restart\n bgp graceful-restart preserve-fw-state\nexit\n',
    );
    await diagnostics('fixall.frr', (x) => !x.some((y) => y.code === 'TMR202' || y.code === 'GR108' || y.code === 'GR102'));
  });

  it('answers hover with the effective values and the session verdicts', async () => {
    const h = (await conn.sendRequest('textDocument/hover', { textDocument: { uri: uri('tor1/frr.conf') }, position: { line: 4, character: 3 } })) as {
      contents: { value: string };
    } | null;
    assert.ok(h);
    assert.match(h.contents.value, /\*\*neighbor peer-group\*\*/);
    assert.match(h.contents.value, /neighbor .*peer-group/);
    assert.match(h.contents.value, /Session with BGPPeer "tor1"/);
    assert.match(h.contents.value, /if BGPPeer "tor1" restarts: routes kept 120 s/);
  });

  it('completes graceful-restart commands inside router bgp and CR keys in YAML', async () => {
    const c = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: uri('tor1/frr.conf') }, position: { line: 2, character: 1 } })) as { label: string }[];
    assert.ok(c.some((i) => i.label === 'neighbor') && c.some((i) => i.label === 'bgp'), JSON.stringify(c.map((i) => i.label)));
    open('typing.frr', 'frr', 'router bgp 64512\n bgp graceful-restart \nexit\n');
    const g = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: uri('typing.frr') }, position: { line: 1, character: 22 } })) as { label: string; documentation?: { value: string } }[];
    const rt = g.find((i) => i.label === 'restart-time');
    assert.ok(rt, JSON.stringify(g.map((i) => i.label)));
    assert.match(rt.documentation?.value ?? '', /\S/);
    assert.ok(!g.some((i) => i.label === 'neighbor'), 'only what can follow "bgp graceful-restart"');
    const y = (await conn.sendRequest('textDocument/completion', { textDocument: { uri: uri('metallb.yaml') }, position: { line: 7, character: 2 } })) as { label: string }[];
    assert.ok(y.some((i) => i.label === 'holdTime'), JSON.stringify(y.map((i) => i.label)));
    assert.ok(!y.some((i) => i.label === 'peerASN'), 'present keys are not offered again');
  });

  it('goes from a peer-group member to the peer-group and from the BGPPeer to the router neighbor', async () => {
    const d = (await conn.sendRequest('textDocument/definition', { textDocument: { uri: uri('tor1/frr.conf') }, position: { line: 4, character: 33 } })) as { uri: string; range: { start: { line: number } } }[];
    assert.equal(d[0]!.range.start.line, 2);
    const b = (await conn.sendRequest('textDocument/definition', { textDocument: { uri: uri('metallb.yaml') }, position: { line: 3, character: 9 } })) as { uri: string; range: { start: { line: number } } }[];
    assert.equal(b[0]!.uri, uri('tor1/frr.conf'));
    assert.equal(b[0]!.range.start.line, 4);
  });

  it('shows a code lens with the verdict above the BGPPeer', async () => {
    const l = (await conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uri('metallb.yaml') } })) as { command: { title: string } }[];
    assert.ok(l.some((x) => x.command.title === 'GR: routes kept 120 s if this speaker restarts (neighbor 192.0.2.10)'), JSON.stringify(l));
  });

  it('survives a malformed document and keeps answering', async () => {
    open('broken.yaml', 'yaml', 'apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nspec: [\n  {{{: - - :\n\t\u0000');
    open('broken.frr', 'frr', '\uFEFFrouter bgp x\n exit-address-family\n neighbor\n bgp graceful-restart restart-time 99999999999999999999\n');
    const s = (await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri('broken.frr') } })) as unknown[];
    assert.ok(Array.isArray(s));
    const h = await conn.sendRequest('textDocument/hover', { textDocument: { uri: uri('broken.yaml') }, position: { line: 3, character: 2 } });
    assert.ok(h === null || typeof h === 'object');
    assert.equal(child.exitCode, null, 'the server is still running');
  });
});
