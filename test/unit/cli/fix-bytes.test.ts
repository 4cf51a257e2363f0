/** --fix keeps every byte outside its edits: CRLF, BOM, tabs, comments, and YAML block scalars. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, read, workspace } from '../../helpers/cli';

describe('--fix preserves bytes', () => {
  it('keeps a BOM, CRLF line ends, tabs and comments of an frr.conf', async () => {
    const before = '\uFEFF! ToR\r\nrouter bgp 64512\r\n\tbgp router-id 192.0.2.1\r\n\tneighbor 192.0.2.10 remote-as 64513\r\n\t! keepalive too long\r\n\tneighbor 192.0.2.10 timers 30 20\r\nexit\r\n';
    const dir = workspace({ 'frr.conf': before });
    const r = await cli(dir, ['--fix']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(read(dir, 'frr.conf'), before.replace('timers 30 20', 'timers 6 20'));
    // A second run has nothing left to fix and changes nothing.
    await cli(dir, ['--fix']);
    assert.equal(read(dir, 'frr.conf'), before.replace('timers 30 20', 'timers 6 20'));
  });

  it('edits frr.conf text inside a YAML literal block in place, keeping the block indentation', async () => {
    const before = [
      'apiVersion: frrk8s.metallb.io/v1beta1',
      'kind: FRRConfiguration',
      'metadata:',
      '  name: raw',
      '  namespace: metallb-system',
      'spec:',
      '  raw:',
      '    rawConfig: |',
      '      router bgp 64513',
      '        neighbor 192.0.2.1 remote-as 64512',
      '        ! a comment inside the block stays',
      '        neighbor 192.0.2.1 timers 30 20',
      '',
    ].join('\n');
    const dir = workspace({ 'raw.yaml': before });
    const r = await cli(dir, ['--fix']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(read(dir, 'raw.yaml'), before.replace('timers 30 20', 'timers 6 20'));
  });

  it('prints fixed standard input and leaves the file of the same name alone', async () => {
    const dir = workspace({ 'frr.conf': 'router bgp 64512\n neighbor 192.0.2.10 remote-as 64513\n neighbor 192.0.2.10 timers 30 20\nexit\n' });
    const r = await cli(dir, ['-', '--fix', '--stdin-filename', 'frr.conf'], { stdin: 'router bgp 1\n neighbor 192.0.2.9 remote-as 2\n neighbor 192.0.2.9 timers 30 20\nexit\n' });
    assert.equal(r.stdout, 'router bgp 1\n neighbor 192.0.2.9 remote-as 2\n neighbor 192.0.2.9 timers 6 20\nexit\n');
    assert.match(read(dir, 'frr.conf'), /timers 30 20/);
  });
});
