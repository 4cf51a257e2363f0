/** GR113 through the CLI: enableGracefulRestart compared with a git base revision (HEAD or --base REV). */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, workspace } from '../../helpers/cli';

const peer = (gr: boolean): string =>
  `apiVersion: metallb.io/v1beta2\nkind: BGPPeer\nmetadata:\n  name: tor1\n  namespace: metallb-system\nspec:\n  myASN: 64513\n  peerASN: 64512\n  peerAddress: 192.0.2.1\n  enableGracefulRestart: ${gr}\n`;

function git(dir: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: dir, stdio: 'ignore' });
}

describe('GR113 with git', () => {
  it('flags a BGPPeer whose enableGracefulRestart differs from HEAD, and from --base REV', async () => {
    const dir = workspace({ 'peers.yaml': peer(false) });
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'base');
    writeFileSync(join(dir, 'peers.yaml'), peer(true));
    const r = await cli(dir, ['--rule', 'GRL903=off']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /peers\.yaml:10:26: error: .*\[GR113 graceful-restart-toggled\]/);
    // Committed: HEAD now agrees, but the first commit does not.
    git(dir, 'commit', '-q', '-am', 'toggle');
    assert.doesNotMatch((await cli(dir, [])).stdout, /GR113/);
    assert.match((await cli(dir, ['--base', 'HEAD~1'])).stdout, /GR113/);
  });

  it('is silent outside a git work tree', async () => {
    const dir = workspace({ 'peers.yaml': peer(true) });
    assert.doesNotMatch((await cli(dir, [])).stdout, /GR113/);
  });
});
