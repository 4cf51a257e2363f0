/**
 * An editor's side of the language server, for the suites in test/lsp: the built `server/out/server.js`
 * (`node scripts/build.mjs`) over stdio, on a temporary workspace, initialized and with every
 * `textDocument/publishDiagnostics` recorded. What a suite opens, edits and asks stays in the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  createProtocolConnection,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type ClientCapabilities,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { workspace } from './cli';

const SERVER = resolve(__dirname, '../../server/out/server.js');

export interface LspClientOptions {
  /** The client capabilities sent in `initialize` (default: none). */
  readonly capabilities?: ClientCapabilities;
  /**
   * Answers to requests from the server, by method. Added to, or replacing, the defaults:
   * `workspace/configuration` answers null for every item, `client/registerCapability` answers null.
   */
  readonly onRequest?: Readonly<Record<string, (params: unknown) => unknown>>;
}

export interface LspClient {
  /** The connection to the server, listening and past `initialized`. */
  readonly conn: ProtocolConnection;
  /** The server's process (`node server.js --stdio`). */
  readonly child: ChildProcess;
  /** The temporary workspace folder, sent as the only workspace folder. */
  readonly dir: string;
  /** The file: URI of a workspace-relative path. */
  uri(name: string): string;
  /** Every publishDiagnostics received, oldest first; the same array grows as more arrive. */
  readonly published: readonly PublishDiagnosticsParams[];
  /**
   * The latest publication for `name` if `pred` accepts it, else the first later one that it accepts.
   * Earlier publications are not considered, so that "GR101 is gone" after an edit is not answered by a
   * publication from before the edit. Rejects after `timeoutMs`, or when the server exits, with an
   * error that lists what was published for `name`.
   */
  publication(name: string, pred: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Closes the connection, kills the server and removes the workspace folder. */
  close(): void;
}

/**
 * Writes `files` (workspace-relative path → text) to a temporary folder, starts the server on it and
 * returns once `initialize` was answered and `initialized` sent.
 */
export async function startLspClient(files: Record<string, string>, options: LspClientOptions = {}): Promise<LspClient> {
  if (!existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`node scripts/build.mjs\` first`);
  const dir = workspace(files);
  const uri = (name: string): string => pathToFileURL(join(dir, name)).toString();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));

  const published: PublishDiagnosticsParams[] = [];
  const latest = new Map<string, PublishDiagnosticsParams>();
  /** Pending `publication` calls: each is offered every new publication, and failed when the server exits. */
  const waiters = new Set<{ offer(p: PublishDiagnosticsParams): void; fail(why: string): void }>();
  let exited: string | undefined;

  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    latest.set(p.uri, p);
    for (const w of [...waiters]) w.offer(p);
  });
  child.on('exit', (code, signal) => {
    exited = `the server exited (code ${code}, signal ${signal})`;
    for (const w of [...waiters]) w.fail(exited);
  });
  const handlers: Record<string, (params: unknown) => unknown> = {
    'workspace/configuration': (params) => (params as { items: unknown[] }).items.map(() => null),
    'client/registerCapability': () => null,
    ...options.onRequest,
  };
  for (const [method, handler] of Object.entries(handlers)) conn.onRequest(method, handler);
  conn.listen();

  const seenFor = (name: string): string => {
    const mine = published.filter((p) => p.uri === uri(name));
    if (mine.length === 0) return `nothing was published for ${name}`;
    const one = (p: PublishDiagnosticsParams): string => `${p.version === undefined ? 'no version' : `version ${p.version}`} [${p.diagnostics.map((d) => d.code).join(', ')}]`;
    return `published for ${name}, oldest first: ${mine.map(one).join('; ')}`;
  };

  const client: LspClient = {
    conn,
    child,
    dir,
    uri,
    published,
    publication(name, pred, timeoutMs = 8000) {
      const u = uri(name);
      const last = latest.get(u);
      if (last && pred(last)) return Promise.resolve(last);
      if (exited) return Promise.reject(new Error(`${exited}; ${seenFor(name)}`));
      return new Promise((res, rej) => {
        const settle = (): void => {
          clearTimeout(timer);
          waiters.delete(waiter);
        };
        const waiter = {
          offer(p: PublishDiagnosticsParams): void {
            if (p.uri !== u || !pred(p)) return;
            settle();
            res(p);
          },
          fail(why: string): void {
            settle();
            rej(new Error(`${why} while waiting for a matching publishDiagnostics of ${name}; ${seenFor(name)}`));
          },
        };
        const timer = setTimeout(() => waiter.fail(`${timeoutMs} ms passed`), timeoutMs);
        waiters.add(waiter);
      });
    },
    close() {
      conn.dispose();
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };

  try {
    const root = pathToFileURL(dir).toString();
    await conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: root,
      workspaceFolders: [{ uri: root, name: 'ws' }],
      capabilities: options.capabilities ?? {},
    });
    await conn.sendNotification(InitializedNotification.type, {});
  } catch (e) {
    client.close();
    throw e;
  }
  return client;
}
