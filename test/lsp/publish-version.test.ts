/**
 * Every new version of an open document is answered with publishDiagnostics carrying that version, also
 * when its diagnostics did not change; files that are not open are published only when they change.
 * Needs `npm run build` (npm test does it).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { source } from '../helpers/fixture';
import { startLspClient, type LspClient } from '../helpers/lsp-client';

const PEER = source`
  apiVersion: metallb.io/v1beta2
  kind: BGPPeer
  metadata:
    name: tor1
    namespace: metallb-system
  spec:
    myASN: 64513
    peerASN: 64512
    peerAddress: 192.0.2.1
    enableGracefulRestart: true
    holdTime: 2s
`;
const ROUTER = source`
  router bgp 64512
   bgp router-id 192.0.2.1
   neighbor NODES peer-group
   neighbor NODES remote-as 64513
   neighbor NODES description nodes
   neighbor 192.0.2.10 peer-group NODES
   neighbor 192.0.2.10 graceful-restart-disable
  exit
`;

describe('language server: publishDiagnostics per document version', () => {
  let client: LspClient;
  let conn: ProtocolConnection;
  let seen: readonly PublishDiagnosticsParams[];
  const uri = (name: string): string => client.uri(name);
  const published = (name: string, pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 8000): Promise<PublishDiagnosticsParams> =>
    client.publication(name, pred, timeoutMs);
  const visible = (p: PublishDiagnosticsParams): string => JSON.stringify(p.diagnostics.map((d) => [d.range, d.code, d.message]));

  before(async () => {
    client = await startLspClient({ 'metallb.yaml': PEER, 'tor1/frr.conf': ROUTER });
    ({ conn, published: seen } = client);
  });

  after(() => client?.close());

  it('answers an edit that changes no finding with the same diagnostics and the new version', async () => {
    void conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('tor1/frr.conf'), languageId: 'frr', version: 1, text: ROUTER } });
    const first = await published('tor1/frr.conf', (p) => p.version === 1);
    assert.ok(first.diagnostics.some((d) => d.code === 'GR101'), visible(first));
    // The BGPPeer file (on disk, not open) has a finding of its own (a hold time of 2 s), published once.
    await published('metallb.yaml', (p) => p.diagnostics.length > 0);
    const yamlBefore = seen.filter((p) => p.uri === uri('metallb.yaml')).length;

    // Rename the peer-group's description: same length, nothing a rule reads.
    const edited = ROUTER.replace('description nodes', 'description NODES');
    assert.notEqual(edited, ROUTER);
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri('tor1/frr.conf'), version: 2 }, contentChanges: [{ text: edited }] });
    const second = await published('tor1/frr.conf', (p) => p.version === 2);
    assert.equal(visible(second), visible(first));

    // A third version, then a wait for it: the BGPPeer file (not open, unchanged) was not republished.
    void conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri('tor1/frr.conf'), version: 3 }, contentChanges: [{ text: ROUTER }] });
    await published('tor1/frr.conf', (p) => p.version === 3);
    assert.equal(seen.filter((p) => p.uri === uri('metallb.yaml')).length, yamlBefore);
  });
});
