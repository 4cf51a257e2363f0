/**
 * buildModel memoizes documents and ends per parse result. Re-linting with some files re-parsed (as the
 * language server does after an edit) must give exactly what a lint of fresh parses gives.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateFabric } from '../../../bench/fabric';
import { DEFAULT_CONFIG, type GrlintConfig } from '../../../server/src/core/config';
import { lint, type LintResult } from '../../../server/src/core/lint';
import { parseFile, type ParsedFile, type SourceFile } from '../../../server/src/core/project';

const CONFIG: GrlintConfig = { ...DEFAULT_CONFIG, metallb: { ...DEFAULT_CONFIG.metallb, mode: 'frr-k8s' } };

function digest(r: LintResult): string {
  return JSON.stringify({
    findings: r.findings,
    docs: r.model.docs.map((d) => [d.id, d.kind, d.text, d.frrVersion, d.notes]),
    ends: r.model.ends.map((e) => [e.id, e.label, e.gr, e.timers, e.bfd, e.nodes, e.frrVersion]),
    sessions: r.model.sessions.map((s) => [s.id, s.verdicts.map((v) => [v.kept, v.seconds, v.reasons])]),
    pairing: r.model.pairing.map((n) => [n.kind, n.end.id, n.candidates.map((c) => c.id)]),
  });
}

describe('model memoization across lints', () => {
  const f = generateFabric({ leaves: 4, seed: 11 });
  const sources: SourceFile[] = [...f.routers, ...f.yaml];
  const edits: { what: string; uri: string; edit: (t: string) => string; config?: GrlintConfig }[] = [
    { what: 'a BFD profile used by BGPPeers changes', uri: '/bench/cluster/bfdprofiles.yaml', edit: (t) => t.replace('receiveInterval: 300', 'receiveInterval: 200') },
    { what: 'a raw config appended to FRRConfigurations changes', uri: '/bench/cluster/rack003/peers.yaml', edit: (t) => t.replace(/stalepath-time \d+/, 'stalepath-time 42') },
    { what: 'a node leaves the rack a raw config selects', uri: '/bench/cluster/rack003/nodes.yaml', edit: (t) => t.replace(/topology\.kubernetes\.io\/zone: rack003/, 'topology.kubernetes.io/zone: elsewhere') },
    { what: 'a router disables graceful restart for a node', uri: '/bench/routers/leaf000/frr.conf', edit: (t) => t.replace(/( neighbor 10\.2\.0\.10 peer-group K8S\n)/, '$1 neighbor 10.2.0.10 graceful-restart-disable\n') },
    { what: 'a router loses its frr version line', uri: '/bench/routers/leaf001/frr.conf', edit: (t) => t.replace(/^frr version .*\n/, '') },
    { what: 'the configured FRR version changes', uri: '', edit: (t) => t, config: { ...CONFIG, frrVersion: '8.4.1' } },
    { what: 'topology hints give a router more addresses', uri: '', edit: (t) => t, config: { ...CONFIG, frrVersion: '8.4.1', topology: { routers: [{ files: ['**/leaf001/**'], addresses: ['10.2.0.1'] }], nodes: [] } } },
    { what: 'the metallb mode changes', uri: '', edit: (t) => t, config: { ...CONFIG, metallb: { ...CONFIG.metallb, mode: 'frr' } } },
  ];

  it('re-lints with reused parse results exactly as a fresh lint', () => {
    let texts = new Map(sources.map((s) => [s.uri, s.text]));
    let parsed = new Map<string, ParsedFile>(sources.map((s) => [s.uri, parseFile(s)]));
    // Warm the memo.
    lint([...parsed.values()], { config: CONFIG });
    for (const e of edits) {
      if (e.uri) {
        const before = texts.get(e.uri);
        assert.ok(before !== undefined, e.uri);
        const after = e.edit(before);
        assert.notEqual(after, before, `${e.what}: the edit applies`);
        texts = new Map(texts).set(e.uri, after);
        parsed = new Map(parsed).set(e.uri, parseFile({ uri: e.uri, text: after }));
      }
      const config = e.config ?? CONFIG;
      const reused = lint([...parsed.values()], { config });
      const fresh = lint([...texts].map(([uri, text]) => parseFile({ uri, text })), { config });
      // (assert.ok: the digests are megabytes; a diff of them would drown the report.)
      assert.ok(digest(reused) === digest(fresh), `${e.what}: the re-lint differs from a fresh lint`);
    }
  });
});
