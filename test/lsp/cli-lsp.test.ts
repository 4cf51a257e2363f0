/** `grlint lsp --stdio` starts the same language server from the CLI bundle (for Neovim, Helix, Emacs). */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'node:test';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createProtocolConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_NODE_FLAGS } from '../../server/src/lsp/node-flags';
import { workspace } from '../helpers/cli';

const CLI = resolve(__dirname, '../../server/out/cli.js');

it('grlint lsp --stdio answers initialize and publishes diagnostics', { timeout: 20000 }, async () => {
  const dir = workspace({ 'frr.conf': 'router bgp 64512\n neighbor 192.0.2.10 remote-as 64513\n neighbor 192.0.2.10 timers 30 20\nexit\n' });
  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  try {
    const diagnostics = new Promise<PublishDiagnosticsParams>((res) => conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      if (p.diagnostics.length) res(p);
    }));
    conn.listen();
    const root = pathToFileURL(dir).toString();
    const init = (await conn.sendRequest('initialize', { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'ws' }], capabilities: {} })) as {
      serverInfo: { name: string };
      capabilities: { hoverProvider: boolean };
    };
    assert.equal(init.serverInfo.name, 'grlint');
    assert.equal(init.capabilities.hoverProvider, true);
    void conn.sendNotification('initialized', {});
    // Fails before the test's own timeout, so that `finally` stops the server (a pending await would leave
    // it running, and the test runner waiting for it).
    let timer: NodeJS.Timeout | undefined;
    const p = await Promise.race([
      diagnostics,
      new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error('no diagnostics from grlint lsp within 15 s')), 15000))),
    ]).finally(() => clearTimeout(timer));
    assert.equal(p.uri, pathToFileURL(resolve(dir, 'frr.conf')).toString());
    assert.ok(p.diagnostics.some((d) => d.code === 'TMR202'), JSON.stringify(p.diagnostics.map((d) => d.code)));
    // The server answering is the bundled server.js, started with the Node flags VS Code gives it.
    if (existsSync(`/proc/${child.pid}/task/${child.pid}/children`)) {
      const kids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      assert.equal(kids.length, 1, 'one server process');
      const argv = readFileSync(`/proc/${kids[0]}/cmdline`, 'utf8').split('\0');
      for (const f of SERVER_NODE_FLAGS) assert.ok(argv.includes(f), argv.join(' '));
      assert.ok(argv.some((a) => a.endsWith('server.js')) && argv.includes('--stdio'), argv.join(' '));
    }
  } finally {
    conn.dispose();
    child.kill();
  }
});
