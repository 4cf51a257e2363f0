import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cli, read, workspace } from '../../helpers/cli';
import { source, TOR1_PEER } from '../../helpers/fixture';

const PEER = TOR1_PEER;
const ROUTER_OK = source`
  router bgp 64512
   bgp router-id 192.0.2.1
   neighbor 192.0.2.10 remote-as 64513
  exit
`;
const ROUTER_DISABLED = source`
  router bgp 64512
   bgp router-id 192.0.2.1
   neighbor 192.0.2.10 remote-as 64513
   neighbor 192.0.2.10 graceful-restart-disable
  exit
`;

describe('grlint CLI', () => {
  it('exits 0 and says so on a clean workspace', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'tor1/frr.conf': ROUTER_OK });
    const r = await cli(dir, []);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, 'No problems found.\n');
  });

  it('exits 1 on an error finding and prints file:line:col, the underlined line and the summary', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'tor1/frr.conf': ROUTER_DISABLED });
    const r = await cli(dir, ['.']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^tor1\/frr\.conf:4:2: error: neighbor 192\.0\.2\.10 on tor1 disables graceful restart.*\[GR101 helper-disables-graceful-restart\]$/m);
    assert.match(r.stdout, /^4 \|  neighbor 192\.0\.2\.10 graceful-restart-disable$/m);
    assert.match(r.stdout, /^ {2}\| {2}\^{44}$/m);
    assert.match(r.stdout, /related: BGPPeer "tor1" is in restart mode \(metallb\.yaml:10:26\)/);
    assert.match(r.stdout, /Found 1 problem \(1 error\)\. 1 more with --unsafe-fixes\.\n$/);
  });

  it('colours only on a TTY and never with NO_COLOR', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'frr.conf': ROUTER_DISABLED });
    assert.doesNotMatch((await cli(dir, [])).stdout, /\u001b\[/);
    assert.match((await cli(dir, [], { tty: true })).stdout, /\u001b\[/);
    assert.doesNotMatch((await cli(dir, [], { tty: true, env: { NO_COLOR: '1' } })).stdout, /\u001b\[/);
  });

  it('--rule turns a finding off and --rule to warning with --max-warnings decides the exit code', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'frr.conf': ROUTER_DISABLED });
    assert.equal((await cli(dir, ['--rule', 'GR101=off'])).code, 0);
    assert.equal((await cli(dir, ['--rule', 'GR101=warning'])).code, 0);
    assert.equal((await cli(dir, ['--rule', 'GR101=warning', '--max-warnings', '0'])).code, 1);
    assert.equal((await cli(dir, ['--rule', 'GR101=warning', '--max-warnings', '1'])).code, 0);
  });

  it('exits 2 on usage errors', async () => {
    const dir = workspace({ 'frr.conf': ROUTER_OK });
    assert.equal((await cli(dir, ['--format', 'xml'])).code, 2);
    assert.equal((await cli(dir, ['--nope'])).code, 2);
    assert.equal((await cli(dir, ['--rule', 'XX999=off'])).code, 2);
    assert.equal((await cli(dir, ['missing-file.conf'])).code, 2);
  });

  it('exits 2 with GRL902 on a bad .grlint.yaml', async () => {
    const dir = workspace({ 'frr.conf': ROUTER_OK, '.grlint.yaml': 'rules:\n  GR999: off\nbogus: 1\n' });
    const r = await cli(dir, []);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown rule "GR999"/);
    assert.match(r.stderr, /unknown key "bogus"/);
    assert.match(r.stderr, /GRL902 config-invalid/);
  });

  it('uses the .grlint.yaml found upward to set severities', async () => {
    const dir = workspace({ 'site/metallb.yaml': PEER, 'site/frr.conf': ROUTER_DISABLED, '.grlint.yaml': 'rules:\n  GR101: info\n' });
    const r = await cli(dir, ['site']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /site\/frr\.conf:4:2: info:/);
  });

  it('--format json prints the documented schema', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'frr.conf': ROUTER_DISABLED });
    const r = await cli(dir, ['--format', 'json']);
    const j = JSON.parse(r.stdout);
    assert.equal(j.version, 1);
    assert.deepEqual(Object.keys(j.findings[0]).sort(), ['code', 'fixes', 'helpUri', 'location', 'message', 'messageId', 'name', 'related', 'severity'].sort());
    assert.deepEqual(j.findings[0].location, { file: 'frr.conf', startLine: 4, startColumn: 2, endLine: 4, endColumn: 46 });
    assert.equal(j.findings[0].fixes[0].applicability, 'unsafe');
    assert.deepEqual(j.summary, { files: 2, errors: 1, warnings: 0, infos: 0 });
  });

  it('--format sarif prints SARIF 2.1.0 with rules, locations, related locations and fixes', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'frr.conf': ROUTER_DISABLED });
    const s = JSON.parse((await cli(dir, ['--format', 'sarif'])).stdout);
    assert.equal(s.version, '2.1.0');
    const run = s.runs[0];
    assert.ok(run.tool.driver.rules.some((x: { id: string; helpUri: string }) => x.id === 'GR101' && x.helpUri.endsWith('/GR101.md')));
    const res = run.results[0];
    assert.equal(res.ruleId, 'GR101');
    assert.equal(res.level, 'error');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'frr.conf');
    assert.equal(res.locations[0].physicalLocation.region.startLine, 4);
    assert.equal(res.relatedLocations[0].physicalLocation.artifactLocation.uri, 'metallb.yaml');
    assert.equal(res.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '');
  });

  it('--format github prints workflow commands', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'frr.conf': ROUTER_DISABLED });
    const r = await cli(dir, ['--format', 'github']);
    assert.match(r.stdout, /^::error file=frr\.conf,line=4,col=2,endLine=4,endColumn=46,title=GR101 helper-disables-graceful-restart::neighbor 192\.0\.2\.10 on \S+ disables/m);
  });

  it('--fix leaves unsafe fixes alone, --fix --unsafe-fixes applies them, and a second run changes nothing', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'frr.conf': ROUTER_DISABLED });
    let r = await cli(dir, ['--fix']);
    assert.equal(r.code, 1);
    assert.equal(read(dir, 'frr.conf'), ROUTER_DISABLED);
    r = await cli(dir, ['--fix', '--unsafe-fixes']);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(read(dir, 'frr.conf'), ROUTER_OK);
    r = await cli(dir, ['--fix', '--unsafe-fixes']);
    assert.equal(r.code, 0);
    assert.equal(read(dir, 'frr.conf'), ROUTER_OK);
  });

  it('--diff prints the fix as a unified diff without writing', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'frr.conf': ROUTER_DISABLED });
    const r = await cli(dir, ['--diff', '--unsafe-fixes']);
    assert.match(r.stdout, /^-  ?neighbor 192\.0\.2\.10 graceful-restart-disable$/m);
    assert.equal(read(dir, 'frr.conf'), ROUTER_DISABLED);
  });

  it('reads stdin with --stdin-filename', async () => {
    const dir = workspace({ 'metallb.yaml': PEER });
    const r = await cli(dir, ['metallb.yaml', '-', '--stdin-filename', 'frr.conf'], { stdin: ROUTER_DISABLED });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^frr\.conf:4:2: error:/m);
  });

  it('lists the rules and explains one', async () => {
    const dir = workspace({});
    const rules = await cli(dir, ['rules']);
    assert.match(rules.stdout, /^GR101 +helper-disables-graceful-restart +error/m);
    const ex = await cli(dir, ['explain', 'gr101']);
    assert.match(ex.stdout, /^# GR101 helper-disables-graceful-restart/);
    assert.equal((await cli(dir, ['explain', 'XX1'])).code, 2);
  });

  it('prints sessions with the verdict in both directions, and as JSON', async () => {
    const dir = workspace({ 'metallb.yaml': PEER, 'tor1/frr.conf': ROUTER_OK });
    const t = await cli(dir, ['sessions']);
    assert.match(t.stdout, /if BGPPeer "tor1" restarts: routes kept 120 s by tor1$/m);
    assert.match(t.stdout, /if tor1 restarts: routes lost: tor1 is in helper mode toward BGPPeer "tor1", not restart/);
    const j = JSON.parse((await cli(dir, ['sessions', '--format', 'json'])).stdout);
    assert.equal(j.sessions.length, 1);
    assert.deepEqual(
      j.sessions[0].verdicts.map((v: { kept: boolean; seconds: number | null }) => [v.kept, v.seconds]),
      [
        [true, 120],
        [false, null],
      ],
    );
  });

  it('renders the frr.conf of a BGPPeer with provenance comments', async () => {
    const dir = workspace({ 'metallb.yaml': PEER });
    const r = await cli(dir, ['render', 'metallb.yaml']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^ ! from spec\.enableGracefulRestart: true \(metallb\.yaml:10\)\n neighbor 192\.0\.2\.1 graceful-restart$/m);
    assert.match(r.stdout, /^ bgp graceful-restart preserve-fw-state$/m);
  });
});
