// The VS Code extension: starts the bundled grlint language server and shows what it answers. No lint logic here.
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { sniffFrrConfFiles } from './sniff';
import { VIEW_SCHEME, VirtualDocuments } from './virtual-documents';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/node-flags';

/**
 * The documents grlint is given: FRR configuration, and every YAML file. grlint contributes no YAML language
 * or grammar; the server decides per YAML document whether it holds MetalLB or frr-k8s objects and ignores
 * the rest, so other YAML extensions keep working unchanged.
 */
export const DOCUMENT_SELECTOR = [
  { language: 'frr', scheme: 'file' },
  { language: 'frr', scheme: 'untitled' },
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
];

let client: LanguageClient | undefined;
let log: vscode.LogOutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('grlint', { log: true });
  log = output;
  const views = new VirtualDocuments();
  context.subscriptions.push(
    output,
    views,
    vscode.workspace.registerTextDocumentContentProvider(VIEW_SCHEME, views),
    registerCommands(() => client, views, output),
    sniffFrrConfFiles(),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('grlint.enable')) void restart(context);
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  if (client !== undefined || !vscode.workspace.getConfiguration('grlint').get<boolean>('enable', true)) return;
  const module = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009', ...SERVER_NODE_FLAGS] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: log,
    // The server registers the file watchers it needs itself (client/registerCapability).
    synchronize: { configurationSection: 'grlint' },
  };
  // The id `grlint` makes the client read `grlint.trace.server`.
  const next = new LanguageClient('grlint', 'grlint', serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
  } catch (error) {
    log?.error(`the grlint language server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function stop(): Promise<void> {
  const current = client;
  client = undefined;
  if (current === undefined) return;
  try {
    await current.stop();
  } catch (error) {
    log?.warn(`stopping the grlint language server: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}
