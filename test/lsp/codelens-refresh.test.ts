/**
 * The verdict shown in a code lens above a router neighbor depends on the BGPPeer in another file.
 * An editor asks again for the lenses of the document being edited, not of the others, so the server
 * sends `workspace/codeLens/refresh` when a lens title changes, and only then: with the other files'
 * diagnostics, once no change has come in for OTHER_FILES_DELAY_MS. Needs `npm run build`.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type ProtocolConnection } from 'vscode-languageserver-protocol';
import { source, TOR1_PEER } from '../helpers/fixture';
import { startLspClient, type LspClient } from '../helpers/lsp-client';
import { OTHER_FILES_DELAY_MS } from '../../server/src/lsp/server';

const PEER = TOR1_PEER;
const ROUTER = source`
  router bgp 64512
   bgp router-id 192.0.2.1
   neighbor 192.0.2.10 remote-as 64513
  exit
`;

describe('code lens refresh across files', () => {
  let client: LspClient;
  let conn: ProtocolConnection;
  let refreshes = 0;
  /** Called at the next refresh request. */
  let onRefresh: (() => void) | undefined;
  const nextRefresh = (): Promise<void> => new Promise((resolve) => (onRefresh = resolve));
  let version = 1;
  const uri = (name: string): string => client.uri(name);

  /** Resolves once diagnostics for `name` at `v` were published (every new version is answered). */
  const publishedFor = async (name: string, v: number): Promise<void> => {
    await client.publication(name, (p) => p.version === v);
  };
  const lensTitles = async (name: string): Promise<string[]> => {
    const l = (await conn.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(name) } })) as { command: { title: string } }[];
    return l.map((x) => x.command.title);
  };
  const setPeer = async (text: string): Promise<void> => {
    version++;
    await conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri('metallb.yaml'), version }, contentChanges: [{ text }] });
    await publishedFor('metallb.yaml', version);
  };

  before(async () => {
    client = await startLspClient(
      { 'tor1/frr.conf': ROUTER, 'metallb.yaml': PEER },
      {
        capabilities: { workspace: { codeLens: { refreshSupport: true } } },
        onRequest: {
          'workspace/codeLens/refresh': () => {
            refreshes++;
            onRefresh?.();
            return null;
          },
        },
      },
    );
    conn = client.conn;
    await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('metallb.yaml'), languageId: 'yaml', version, text: PEER } });
    await publishedFor('metallb.yaml', version);
  });

  after(() => client?.close());

  it('asks the editor to refresh lenses when an edit of the BGPPeer changes the router neighbor\'s verdict', async () => {
    assert.deepEqual(await lensTitles('tor1/frr.conf'), ['GR: routes kept 120 s if BGPPeer "tor1" restarts']);
    const before = refreshes;
    const refreshed = nextRefresh();
    await setPeer(PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false'));
    await refreshed;
    const titles = await lensTitles('tor1/frr.conf');
    assert.equal(refreshes, before + 1);
    assert.equal(titles.length, 1);
    assert.match(titles[0]!, /^GR: routes lost if BGPPeer "tor1" restarts/);
  });

  it('does not when no lens title changes', async () => {
    const before = refreshes;
    await setPeer(PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false') + '# a comment\n');
    // No event says that nothing was sent: the server is given several times the delay after which it
    // would have asked.
    await new Promise((r) => setTimeout(r, 4 * OTHER_FILES_DELAY_MS));
    await lensTitles('tor1/frr.conf');
    assert.equal(refreshes, before);
    const refreshed = nextRefresh();
    await setPeer(PEER);
    await refreshed;
    assert.deepEqual(await lensTitles('tor1/frr.conf'), ['GR: routes kept 120 s if BGPPeer "tor1" restarts']);
    assert.equal(refreshes, before + 1);
  });
});
