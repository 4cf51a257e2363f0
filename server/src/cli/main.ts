// Entry point of the `grlint` command (server/out/cli.js).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NODE_FLAGS } from '../lsp/node-flags';
import { startServer } from '../lsp/server';
import { run } from './run';

const io = {
  cwd: process.cwd(),
  env: process.env,
  stdout: { write: (s: string) => void process.stdout.write(s), isTTY: process.stdout.isTTY },
  stderr: { write: (s: string) => void process.stderr.write(s) },
  readStdin: async (): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  startLsp,
};

/**
 * Starts the language server on stdio. It runs with SERVER_NODE_FLAGS, as under VS Code: when this
 * process lacks them, the bundled server (server.js, next to this file) is started with them and given
 * this process's stdio; this process waits for it and exits with its code.
 */
function startLsp(): void {
  const lspArgs = (): string[] => {
    const i = process.argv.indexOf('lsp', 2);
    return i >= 0 ? process.argv.slice(i + 1) : ['--stdio'];
  };
  const server = join(__dirname, 'server.js');
  if (SERVER_NODE_FLAGS.every((f) => process.execArgv.includes(f)) || !existsSync(server)) {
    startServer(createConnection(ProposedFeatures.all));
    return;
  }
  const child = spawn(process.execPath, [...process.execArgv, ...SERVER_NODE_FLAGS, server, ...lspArgs()], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
  child.on('error', (e) => {
    process.stderr.write(`grlint: cannot start the language server: ${e.message}\n`);
    process.exitCode = 2;
  });
}

void run(process.argv.slice(2), io).then((code) => {
  if (code >= 0) process.exitCode = code;
});
