/**
 * Rules that declare `reads` ('k8s': the YAML files only; 'cluster': also the cluster-side ends) are
 * replayed by lint while those inputs are the same objects. A re-lint after an frr.conf edit must not
 * run them again and must give exactly what a lint of fresh parses gives; an edit of a YAML file runs
 * them again; a rule that reads more than it declares is an internal error.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateFabric } from '../../../bench/fabric';
import { DEFAULT_CONFIG, type GrlintConfig } from '../../../server/src/core/config';
import { lint, type LintResult } from '../../../server/src/core/lint';
import { parseFile, type ParsedFile } from '../../../server/src/core/project';
import { RULES } from '../../../server/src/core/rules';
import { defineRule, type Rule } from '../../../server/src/core/rules/define';

const CONFIG: GrlintConfig = { ...DEFAULT_CONFIG, metallb: { ...DEFAULT_CONFIG.metallb, mode: 'frr-k8s' } };

const findings = (r: LintResult): string => JSON.stringify(r.findings);

describe('rules that declare what they read', () => {
  const f = generateFabric({ leaves: 8, seed: 3 });
  const calls = new Map<string, number>();
  // The registry's rules, counting the runs of each (new rule objects: a cache of their own).
  const rules: Rule[] = RULES.map((r) => ({
    ...r,
    check: (ctx) => {
      calls.set(r.code, (calls.get(r.code) ?? 0) + 1);
      r.check(ctx);
    },
  }));
  const scoped = rules.filter((r) => r.reads).map((r) => r.code);
  const parsed = new Map<string, ParsedFile>([...f.routers, ...f.yaml].map((s) => [s.uri, parseFile(s)]));
  const texts = new Map([...f.routers, ...f.yaml].map((s) => [s.uri, s.text]));
  const relint = (): LintResult => lint([...parsed.values()], { config: CONFIG, rules });
  const fresh = (): LintResult => lint([...texts].map(([uri, text]) => parseFile({ uri, text })), { config: CONFIG });
  const edit = (uri: string, change: (t: string) => string): void => {
    const text = change(texts.get(uri)!);
    assert.notEqual(text, texts.get(uri), `the edit of ${uri} applies`);
    texts.set(uri, text);
    parsed.set(uri, parseFile({ uri, text }));
  };

  it('covers the k8s rules with findings in this fabric', () => {
    assert.ok(['MLB401', 'MLB403', 'MLB407', 'GR103'].every((c) => scoped.includes(c)));
    assert.ok(!scoped.includes('BFD301') && !scoped.includes('TMR202'), 'rules that read the model or frr.conf are not scoped');
  });

  it('an frr.conf edit replays them, exactly as a fresh lint', () => {
    relint();
    const before = new Map(calls);
    const router = '/bench/routers/leaf001/frr.conf';
    edit(router, (t) => t.replace(/^(router bgp \d+\n)/m, '$1 bgp graceful-restart-disable\n'));
    const r = relint();
    for (const code of scoped) assert.equal(calls.get(code), before.get(code), `${code} is not run again`);
    assert.equal(calls.get('GR101'), (before.get('GR101') ?? 0) + 1);
    const codes = new Set(r.findings.map((x) => x.code));
    for (const code of ['MLB401', 'MLB403', 'MLB407', 'GR103']) assert.ok(codes.has(code), `${code} findings are replayed`);
    assert.ok(findings(r) === findings(fresh()), 'the replayed lint differs from a fresh one');
  });

  it('a YAML edit that shifts offsets and changes values runs them again', () => {
    relint();
    const before = new Map(calls);
    const peers = '/bench/cluster/rack001/peers.yaml';
    // A comment line shifts every offset; the peer without graceful restart enables it (GR103 changes).
    edit(peers, (t) => `# moved\n${t.replace(/enableGracefulRestart: false/g, 'enableGracefulRestart: true')}`);
    edit('/bench/cluster/rack007/peers.yaml', (t) => t.replace(/enableGracefulRestart: false/g, 'enableGracefulRestart: true'));
    const r = relint();
    for (const code of scoped) assert.equal(calls.get(code), (before.get(code) ?? 0) + 1, `${code} runs again`);
    assert.equal(r.findings.filter((x) => x.code === 'GR103').length, 0);
    const moved = r.findings.find((x) => x.code === 'MLB401' && x.loc.uri === peers)!;
    assert.equal(texts.get(peers)!.slice(moved.loc.range.start, moved.loc.range.end), 'metallb.io/v1beta1');
    assert.ok(findings(r) === findings(fresh()), 'the re-run lint differs from a fresh one');
  });

  it('options and settings are inputs', () => {
    relint();
    const before = calls.get('MLB407')!;
    // MLB407 is silent in native mode.
    const native = lint([...parsed.values()], { config: { ...CONFIG, metallb: { ...CONFIG.metallb, mode: 'native' } }, rules });
    assert.equal(calls.get('MLB407'), before + 1);
    assert.equal(native.findings.filter((x) => x.code === 'MLB407').length, 0);
    assert.ok(relint().findings.some((x) => x.code === 'MLB407'));
    // Node hints change the cluster-side ends (their node selections), which GR103 reads.
    const gr103 = calls.get('GR103')!;
    const hints = { ...CONFIG, topology: { routers: [], nodes: [{ name: 'rack007-node000', addresses: ['10.99.7.1'] }] } };
    lint([...parsed.values()], { config: hints, rules });
    assert.equal(calls.get('GR103'), gr103 + 1);
  });

  it('a rule that reads more than it declares is an internal error', () => {
    const sneaky = (reads: 'k8s' | 'cluster', read: (m: LintResult['model']) => unknown): Rule =>
      defineRule({
        code: 'TST999',
        name: 'sneaky',
        summary: 'reads the model',
        defaultSeverity: 'warning',
        scope: 'k8s',
        fixAvailability: 'none',
        reads,
        messages: { x: 'x' },
        check(ctx) {
          read(ctx.model);
        },
      });
    const files = [...parsed.values()];
    assert.match(String(lint(files, { rules: [sneaky('k8s', (m) => m.ends)] }).internalErrors[0]?.error), /TST999 reads model\.ends/);
    assert.match(String(lint(files, { rules: [sneaky('cluster', (m) => m.sessions)] }).internalErrors[0]?.error), /TST999 reads model\.sessions/);
    const cluster = lint(files, { rules: [sneaky('cluster', (m) => assert.ok(m.ends.length > 0 && m.ends.every((e) => e.side !== 'frr')))] });
    assert.deepEqual(cluster.internalErrors, []);
  });
});
