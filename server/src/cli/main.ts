// Entry point of the `grlint` command (server/out/cli.js).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
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
  startLsp: () => startServer(createConnection(ProposedFeatures.all)),
};

void run(process.argv.slice(2), io).then((code) => {
  if (code >= 0) process.exitCode = code;
});
