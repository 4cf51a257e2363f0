// `npm run test:oracle`: FRR 8.4.4 itself against grlint's FRR rules, line by line, over every frr.conf text of
// the shared corpus and every boundary snippet (agreement.ts). Prints the agreement table and the total time.
// The live part skips (with the reason) when vtysh is not installed; the helpers are tested without FRR.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareBgpd, compareVtysh, explain, formatReport, runAgreement, unreadFrom, type AgreementReport } from './agreement';
import { DOCUMENTED_DIFFERENCES } from './documented-differences';
import { lintEmbeddedFrrFamily, lintFrrFamily, withFrrVersion, type FrrFamilyDiagnostic } from './grlint-hook';
import { bgpdVersion, VTYSH_BATCH_RESET, vtyshVersion, type BgpdResult, type VtyshRejection, type VtyshResult } from './vtysh';

const started = Date.now();

function rejection(line: number, text: string, node = 25, nodeName = 'BGP_NODE'): VtyshRejection {
  return { line, node, nodeName, text, message: '% Unknown command', kind: 'unknown' };
}

function diag(line: number, code: string, severity: FrrFamilyDiagnostic['severity'] = 'error'): FrrFamilyDiagnostic {
  return { line, code, severity, message: '' };
}

describe('agreement helpers (no FRR needed)', () => {
  const t = { set: 'frr topotests' as const, name: 'x/frr.conf', lineOffset: 0 };

  it('compares modelled lines only, in both directions, and leaves unread lines out', () => {
    const text = [
      'router bgp 64512', // 1 accepted
      ' bgp graceful-restart restart-time 4096', // 2 rejected, FRR501
      ' neighbor 192.0.2.2 timers 3 9', // 3 rejected, grlint silent
      ' bgp graceful-restart stalepath-time 10', // 4 accepted, FRR501 error
      ' neighbor 192.0.2.9 timers 3 9', // 5 accepted, FRR502 warning
      ' redistribute connected', // 6 rejected, not modelled
      ' bgp graceful-restrat', // 7 rejected, not modelled by modelled.ts but judged by grlint
      'exit', // 8
      'bfd', // 9
      ' profile P', // 10
      '  frobnicate 1', // 11 rejected in a BFD node
      'exit', // 12
      'router bgp 64512', // 13 never read
    ].join('\n');
    const v: VtyshResult = {
      exitCode: 0,
      complete: false,
      rejections: [rejection(2, ''), rejection(3, ''), rejection(6, ''), rejection(7, ''), rejection(11, '', 88, 'BFD_PROFILE_NODE')],
      other: [],
    };
    const diags = [diag(2, 'FRR501'), diag(4, 'FRR501'), diag(5, 'FRR502', 'warning'), diag(7, 'FRR504'), diag(13, 'FRR505', 'warning')];
    const c = compareVtysh({ ...t, text }, v, diags, 13);
    const brief = c.map((x) => `${x.line} ${x.family} ${x.vtysh} ${x.agree ? 'agree' : x.direction}`);
    assert.deepEqual(brief, [
      '1 router bgp accepted agree',
      '2 graceful-restart rejected agree',
      '3 timers rejected missed rejection',
      '4 graceful-restart accepted false positive',
      '5 timers accepted agree',
      '7 judged by grlint rejected agree',
      '9 bfd accepted agree',
      '10 bfd accepted agree',
      '11 bfd rejected missed rejection',
      '13 router bgp unread agree',
    ]);
    assert.deepEqual(c.find((x) => x.line === 5)?.acceptedWarnings, ['FRR502 warning']);
    assert.equal(c.find((x) => x.line === 11)?.vtyshMessage, '% Unknown command[BFD_PROFILE_NODE]');
  });

  it('finds the line where vtysh quit by bisection over exit lines', async () => {
    const text = 'router bgp 1\nexit\nexit\nrouter bgp 2\nexit\nhostname x\nexit\n';
    const probes: number[] = [];
    // A fake vtysh: quits on the second top-level exit (line 3).
    const check = async (prefix: string): Promise<VtyshResult> => {
      const n = prefix.split('\n').length - 1;
      probes.push(n);
      return { exitCode: 0, complete: n < 3, rejections: [], other: [] };
    };
    assert.equal(await unreadFrom(text, { exitCode: 0, complete: false, rejections: [], other: [] }, check), 4);
    assert.ok(probes.length <= 3, `${probes.length} probes`);
    assert.equal(await unreadFrom(text, { exitCode: 2, complete: true, rejections: [], other: [] }, check), Infinity);
  });

  it('compares bgpd refusals with FRR502/FRR503 and TMR201, and leaves cascades out', () => {
    const text = [
      'router bgp 64512', // 1
      ' neighbor 192.0.2.2 remote-as auto', // 2 refused by vtysh (newer)
      ' neighbor 192.0.2.2 timers 3 9', // 3 bgpd: undefined (cascade of line 2)
      ' neighbor 192.0.2.9 timers 3 9', // 4 bgpd: undefined, FRR502
      ' neighbor 192.0.2.8 timers 3 9', // 5 bgpd: undefined, grlint silent
      ' neighbor PG peer-group', // 6
      ' neighbor PG timers 3 2', // 7 bgpd: % Invalid value, TMR201
      ' neighbor PG timers 3 9', // 8 bgpd accepts, grlint TMR201 (false positive)
      'exit',
      'router bgp 64599', // 10 refused by bgpd
      ' neighbor 192.0.2.7 timers 1 1', // 11 refused silently (cascade), TMR201
      'exit',
    ].join('\n');
    const v: VtyshResult = { exitCode: 2, complete: true, rejections: [rejection(2, '')], other: [] };
    const undef = ['% Specify remote-as or peer-group commands first'];
    const b: BgpdResult = {
      exitCode: 0,
      attributed: true,
      other: [],
      notes: [],
      rejections: [
        { line: 2, text: '', messages: [], category: '' },
        { line: 3, text: '', messages: undef, category: '' },
        { line: 4, text: '', messages: undef, category: '' },
        { line: 5, text: '', messages: undef, category: '' },
        { line: 7, text: '', messages: ['% Invalid value'], category: '' },
        { line: 10, text: '', messages: ['BGP is already running; AS is 64512'], category: '' },
        { line: 11, text: '', messages: [], category: '' },
      ],
    };
    const diags = [diag(4, 'FRR502', 'warning'), diag(7, 'TMR201'), diag(8, 'TMR201'), diag(11, 'TMR201')];
    const r = compareBgpd({ ...t, text }, v, b, diags, Infinity);
    assert.deepEqual(
      r.lines.map((x) => `${x.line} ${x.kind.startsWith('undefined') ? 'FRR502/3' : 'TMR201'} ${x.verdict}${x.direction ? ` ${x.direction}` : ''}`),
      ['3 FRR502/3 cascade', '4 FRR502/3 agree', '5 FRR502/3 disagree missed rejection', '7 TMR201 agree', '8 TMR201 disagree false positive', '11 TMR201 cascade'],
    );
    assert.equal(r.checked, 9); // lines 3-9, 11 and 12 (router bgp lines, blank, "!" and vtysh-rejected lines are not checked)
  });

  it('explains a disagreement only by a documented difference of the same tool, direction, text and file', () => {
    const d = { tool: 'vtysh' as const, set: 'frr topotests' as const, name: 'frr/tests/topotests/bgp_link_state/r2/frr.conf', line: 15, text: ' exit-address-family', direction: 'missed rejection' as const, message: '', codes: [] };
    assert.equal(explain(d), 'newer address family: its exit-address-family is stray');
    assert.equal(explain({ ...d, name: 'frr/tests/topotests/other/r1/frr.conf' }), undefined);
    assert.equal(explain({ ...d, direction: 'false positive' }), undefined);
    assert.equal(explain({ ...d, tool: 'bgpd' }), undefined);
  });

  it('documents every difference with its reason and FRR source', () => {
    assert.ok(DOCUMENTED_DIFFERENCES.length <= 10, 'the list stays small');
    assert.equal(new Set(DOCUMENTED_DIFFERENCES.map((d) => d.id)).size, DOCUMENTED_DIFFERENCES.length);
    for (const d of DOCUMENTED_DIFFERENCES) {
      assert.ok(d.reason.length > 40, d.id);
      assert.match(d.source, /\b[0-9a-f]{10}\b/, `${d.id}: an FRR commit`);
      assert.match(d.source, /FRR \d+\.\d+|FRR master/, `${d.id}: an FRR version`);
    }
  });

  it('judges a file as the given FRR version even when it has its own frr version line', () => {
    const text = 'frr version 10.3\r\nrouter bgp 64512\n neighbor 192.0.2.2 remote-as auto\nexit\n';
    assert.deepEqual(withFrrVersion(text, '8.4.4'), { text: 'frr version 8.4.4\r\nrouter bgp 64512\n neighbor 192.0.2.2 remote-as auto\nexit\n', lines: new Set([1]) });
    assert.deepEqual(lintFrrFamily(text).map((d) => d.code), []);
    assert.deepEqual(lintFrrFamily(text, { frrVersion: '8.4.4' }).map((d) => `${d.line} ${d.code} ${d.severity}`), ['3 FRR506 warning']);
    // Without a frr version line the config's frrVersion applies.
    assert.deepEqual(lintFrrFamily('router bgp 64512\n bgp long-lived-graceful-restart stale-time 16777216\nexit\n', { frrVersion: '8.4.4' }), []);
    assert.deepEqual(lintFrrFamily('router bgp 64512\n bgp long-lived-graceful-restart stale-time 16777216\nexit\n', { frrVersion: '8.5' }).map((d) => d.code), ['FRR501']);
  });

  it('maps findings on frr.conf text embedded in YAML to lines of that text', () => {
    const yaml = [
      'apiVersion: frrk8s.metallb.io/v1beta1',
      'kind: FRRConfiguration',
      'metadata:',
      '  name: raw',
      '  namespace: frr-k8s-system',
      'spec:',
      '  raw:',
      '    rawConfig: |-',
      '      router bgp 64512',
      '       bgp graceful-restart restart-time 4096',
      '      exit',
    ].join('\n');
    const e = lintEmbeddedFrrFamily('raw.yaml', yaml, { frrVersion: '8.4.4' });
    assert.equal(e.length, 1);
    assert.equal(e[0]!.hostLine, 9);
    assert.equal(e[0]!.text.split('\n')[1], ' bgp graceful-restart restart-time 4096');
    assert.deepEqual(e[0]!.diagnostics.map((d) => `${d.line} ${d.code}`), ['2 FRR501']);
  });

  it('resets vtysh to the top level with lines that are harmless there', () => {
    assert.deepEqual(VTYSH_BATCH_RESET, ['configure terminal', 'hostname grlint-oracle-reset']);
  });
});

const vVersion = vtyshVersion();
const bVersion = bgpdVersion();
const skip = vVersion === undefined ? 'vtysh is not installed (apt-get install -y frr): the FRR 8.4.4 agreement oracle is skipped' : false;

describe('FRR 8.4.4 and grlint agree on every modelled line of the corpus and the boundary snippets', { skip }, () => {
  let report: AgreementReport;

  before(async () => {
    assert.equal(vVersion, '8.4.4', `vtysh is FRR ${vVersion}; this oracle and documented-differences.ts are for FRR 8.4.4 (Debian 12's frr)`);
    report = await runAgreement({ concurrency: 2, bgpd: bVersion !== undefined, log: (l) => console.log(`oracle: ${l}`) });
  });

  after(() => {
    if (report) console.log(formatReport(report));
    if (bVersion === undefined) console.log('bgpd (/usr/lib/frr/bgpd) is not installed: the bgpd -C comparison was skipped');
    console.log(`test:oracle total time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('checks the whole corpus and every boundary snippet', () => {
    assert.ok(report.sets['frr topotests']!.files >= 2800, 'topotest files');
    assert.ok(report.sets['metallb golden']!.files >= 50 && report.sets['frr-k8s golden']!.files >= 30, 'golden files');
    assert.ok(report.sets['embedded in YAML']!.files >= 1, 'embedded texts');
    assert.ok(report.sets['boundary snippets']!.files >= 260, 'boundary snippets');
    assert.ok(report.total.linesChecked >= 20000 && report.total.rejectedFlagged >= 150, JSON.stringify(report.total));
  });

  it('runs vtysh in batches that give what vtysh gives for each file alone', () => {
    assert.ok(report.batchChecked >= 80, `${report.batchChecked}`);
    assert.deepEqual(report.batchMismatches, []);
  });

  it('flags every modelled line vtysh rejects, and no modelled line vtysh accepts at error severity', () => {
    const undocumented = report.disagreements.filter((d) => d.tool === 'vtysh' && !d.documented);
    assert.deepEqual(undocumented.map((d) => `${d.name}:${d.line} ${d.direction}: ${d.text.trim()} (vtysh: ${d.message}; grlint: ${d.codes.join(', ') || '-'})`), []);
  });

  it('reports FRR502/FRR503 and TMR201 where bgpd -C refuses the line for that reason', { skip: bVersion === undefined ? 'bgpd is not installed' : false }, () => {
    assert.ok(report.bgpd.files >= 300, `${report.bgpd.files} texts`);
    assert.equal(report.bgpd.unattributedFiles, 0);
    const undocumented = report.disagreements.filter((d) => d.tool === 'bgpd' && !d.documented);
    assert.deepEqual(undocumented.map((d) => `${d.name}:${d.line} ${d.direction}: ${d.text.trim()} (bgpd: ${d.message}; grlint: ${d.codes.join(', ') || '-'})`), []);
    const agree = Object.values(report.bgpd.byKind).reduce((n, k) => n + k.agree, 0);
    assert.ok(agree >= 50, `${agree} agreeing semantic lines`);
  });

  it('lists only documented differences that still occur', () => {
    assert.deepEqual(report.documented.filter((d) => d.count === 0).map((d) => d.id), []);
  });
});
