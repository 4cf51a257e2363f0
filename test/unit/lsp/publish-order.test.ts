/**
 * The order in which the server publishes after an edit: the edited document's diagnostics at once, the
 * other files' once no change has come in for OTHER_FILES_DELAY_MS, and not at all for a lint that a
 * newer change has replaced. The server runs in process on a recording connection, with node's mock
 * timers, so that changes land exactly before or after the delay.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { OTHER_FILES_DELAY_MS, startServer } from '../../../server/src/lsp/server';
import { source, TOR1_PEER } from '../../helpers/fixture';

const PEER = TOR1_PEER;
/** The BGPPeer without graceful restart: the router's GR101 (its helper side is off) goes away. */
const PEER_NO_GR = PEER.replace('enableGracefulRestart: true', 'enableGracefulRestart: false');
const ROUTER = source`
  router bgp 64512
   bgp router-id 192.0.2.1
   bgp graceful-restart-disable
   neighbor 192.0.2.10 remote-as 64513
  exit
`;

const PEER_URI = 'file:///ws/metallb.yaml';
const ROUTER_URI = 'file:///ws/tor1/frr.conf';

type Handler = (...args: unknown[]) => unknown;

/** What the server sent, in order: diagnostics by uri and version, and requests by method. */
type Sent = { readonly uri: string; readonly version: number | undefined; readonly codes: string } | { readonly request: string };

/** A connection that records what the server sends and lets the test call the server's handlers. */
function recordingServer(): { call: (name: string, ...args: unknown[]) => unknown; sent: Sent[] } {
  const handlers = new Map<string, Handler>();
  const sent: Sent[] = [];
  const disposable = { dispose: (): void => undefined };
  const fixed: Record<string, unknown> = {
    sendDiagnostics: (p: PublishDiagnosticsParams) => {
      sent.push({ uri: p.uri, version: p.version, codes: p.diagnostics.map((d) => d.code).join(',') });
      return Promise.resolve();
    },
    sendRequest: (type: string | { method: string }) => {
      sent.push({ request: typeof type === 'string' ? type : type.method });
      return Promise.resolve(null);
    },
    console: { log: () => undefined, error: () => undefined, warn: () => undefined, info: () => undefined },
    client: { register: () => Promise.resolve(disposable) },
    workspace: { getConfiguration: () => Promise.resolve(null) },
    listen: () => undefined,
  };
  const connection = new Proxy(
    {},
    {
      get: (_, prop) => {
        if (typeof prop !== 'string') return undefined;
        if (prop in fixed) return fixed[prop];
        if (!prop.startsWith('on')) return undefined;
        return (...args: unknown[]) => {
          handlers.set(prop === 'onRequest' ? `onRequest:${String(args[0])}` : prop, args[args.length - 1] as Handler);
          return disposable;
        };
      },
      set: () => true,
    },
  ) as Connection;
  startServer(connection);
  const call = (name: string, ...args: unknown[]): unknown => {
    const h = handlers.get(name);
    assert.ok(h, `the server registers ${name}`);
    return h(...args);
  };
  return { call, sent };
}

/** Lets every queued turn of the event loop run (the server's lints; its timers are mocked). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
}

async function openBoth(): Promise<ReturnType<typeof recordingServer>> {
  const server = recordingServer();
  server.call('onInitialize', { processId: null, rootUri: null, capabilities: { workspace: { codeLens: { refreshSupport: true } } } });
  server.call('onInitialized', {});
  server.call('onDidOpenTextDocument', { textDocument: { uri: PEER_URI, languageId: 'yaml', version: 1, text: PEER } });
  server.call('onDidOpenTextDocument', { textDocument: { uri: ROUTER_URI, languageId: 'frr', version: 1, text: ROUTER } });
  await settle();
  mock.timers.tick(OTHER_FILES_DELAY_MS);
  return server;
}

/** Replaces the BGPPeer's whole text (a full-document change). */
function setPeer(server: ReturnType<typeof recordingServer>, version: number, text: string): void {
  server.call('onDidChangeTextDocument', { textDocument: { uri: PEER_URI, version }, contentChanges: [{ text }] });
}

/** What was sent, as `peer v2`, `router v1` or a request's method. */
function order(sent: readonly Sent[]): string[] {
  return sent.map((s) => ('uri' in s ? `${s.uri === ROUTER_URI ? 'router' : 'peer'} v${s.version ?? '-'}` : s.request));
}

describe('publishing after an edit', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('publishes the edited document at once and the other files it changes once no change has come for the delay', async () => {
    const server = await openBoth();
    const opened = server.sent.find((s) => 'uri' in s && s.uri === ROUTER_URI);
    assert.ok(opened && 'codes' in opened);
    assert.equal(opened.codes, 'GR101');
    server.sent.length = 0;

    setPeer(server, 2, PEER_NO_GR);
    await settle();
    assert.deepEqual(order(server.sent), ['peer v2']);
    mock.timers.tick(OTHER_FILES_DELAY_MS - 1);
    assert.deepEqual(order(server.sent), ['peer v2']);
    mock.timers.tick(1);
    assert.deepEqual(order(server.sent), ['peer v2', 'router v1']);
    const router = server.sent[1]!;
    assert.ok('codes' in router);
    assert.equal(router.codes, '', "the router's GR101 goes with the BGPPeer's graceful restart");
  });

  it('does not publish the other files for a lint that a newer change replaced', async () => {
    const server = await openBoth();
    server.sent.length = 0;

    // The second change comes within the delay and undoes the first: the router's diagnostics end where
    // they started, and nothing is published for it (GR101 is not sent away and back).
    setPeer(server, 2, PEER_NO_GR);
    await settle();
    mock.timers.tick(OTHER_FILES_DELAY_MS - 1);
    setPeer(server, 3, PEER);
    await settle();
    mock.timers.tick(OTHER_FILES_DELAY_MS);
    assert.deepEqual(order(server.sent), ['peer v2', 'peer v3']);
  });

  it('leaves the other files to the next lint when the delay ends while a change waits for it', async () => {
    const server = await openBoth();
    server.sent.length = 0;

    setPeer(server, 2, PEER_NO_GR);
    await settle();
    // The change is in, its lint not yet run: the other files' diagnostics of the last lint, whose
    // offsets refer to texts that changed, are not published.
    setPeer(server, 3, PEER);
    mock.timers.tick(OTHER_FILES_DELAY_MS);
    await settle();
    mock.timers.tick(OTHER_FILES_DELAY_MS);
    assert.deepEqual(order(server.sent), ['peer v2', 'peer v3']);
  });
});
