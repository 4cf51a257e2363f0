/**
 * buildModel keeps what it built for parse results that did not change (the cluster side as a whole, each
 * rendering, each selection of nodes) and rebuilds the ends of an edited frr.conf. A build that reuses
 * those must equal a build from fresh parse results, after edits that shift offsets or change values.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateLspWorkspace } from '../../../bench/fabric';
import { buildModel, parseFile, type ModelOptions, type ParsedFile } from '../../../server/src/core/project';
import type { Model } from '../../../server/src/core/model/types';

// Links back into parse trees and documents (cycles) are left out; everything else is compared by value.
const SKIP = new Set(['parent', 'block', 'blocks', 'line', 'tree', 'doc', 'instance', 'statements', 'listenRange', 'opener', 'closer', 'frr']);

function digest(m: Model): string {
  return JSON.stringify(
    {
      docs: m.docs.map((d) => [d.id, d.kind, d.text, d.frrVersion, d.notes, d.renderedFrom]),
      ends: m.ends,
      instances: m.ends.map((e) => [e.instance.doc.id, e.instance.asn, e.instance.vrf, e.instance.routerId, e.statements.map((s) => [s.range, s.command])]),
      sessions: m.sessions,
      pairing: m.pairing,
    },
    (k, v) => (SKIP.has(k) ? undefined : v),
  );
}

const w = generateLspWorkspace({ peers: 12, lines: 200 });
const FRR = '/w/border1/frr.conf';
const PEERS = '/w/cluster/bgppeers.yaml';
const NODES = '/w/cluster/nodes.yaml';
const n0 = w.neighbors[0]!;
const n5 = w.neighbors[5]!;

/** A build that may reuse the one before, checked against a build from fresh parse results (made after it). */
function check(parsed: ParsedFile[], opts: ModelOptions): Model {
  const reused = buildModel(parsed, opts);
  assertFresh(reused, parsed, opts);
  return reused;
}

function assertFresh(m: Model, parsed: ParsedFile[], opts: ModelOptions): void {
  const fresh = buildModel(
    parsed.map((f) => parseFile({ ...f.file })),
    opts,
  );
  assert.ok(digest(m) === digest(fresh), 'the reused build differs from a fresh one');
}

describe('buildModel reuse across edits', () => {
  const opts: ModelOptions = { metallbMode: 'frr-k8s' };
  const peers = parseFile({ uri: PEERS, text: w.peers });
  const nodes = parseFile({ uri: NODES, text: w.nodes });
  const frr = (text: string): ParsedFile => parseFile({ uri: FRR, text, languageId: 'frr' });

  it('an frr.conf edit that shifts every later offset: new router ends, the same cluster ends', () => {
    const before = buildModel([frr(w.frr), peers, nodes], opts);
    const line = ` neighbor ${n0} peer-group K8S\n`;
    const text = w.frr.replace(line, `${line} neighbor ${n0} graceful-restart-disable\n`);
    const edited = [frr(text), peers, nodes];
    const after = buildModel(edited, opts);
    const cluster = (m: Model) => m.ends.filter((e) => e.side !== 'frr');
    assert.equal(cluster(after).length, 12);
    cluster(after).forEach((e, i) => assert.equal(e, cluster(before)[i], 'cluster ends are reused'));
    // The same parse results again: the same ends and sessions (pairing reads nothing but the ends).
    const again = buildModel(edited, opts);
    assert.equal(again.sessions, after.sessions);
    assert.notEqual(after.sessions, before.sessions);
    assertFresh(after, edited, opts);
    // The router end of n5 moved by the inserted line; its settings come from the new text.
    const end = (m: Model) => m.ends.find((e) => e.side === 'frr' && e.label === `neighbor ${n5}`)!;
    const shift = ` neighbor ${n0} graceful-restart-disable\n`.length;
    assert.equal(end(after).decl.range.start, end(before).decl.range.start + shift);
    const disabled = after.ends.find((e) => e.side === 'frr' && e.label === `neighbor ${n0}`)!;
    assert.equal(disabled.gr.mode.value, 'disable');
    assert.equal(after.sessions.find((s) => s.a === disabled || s.b === disabled)!.verdicts.some((v) => !v.kept), true);
  });

  it('a Node edit changes the selections, and the cluster ends with them', () => {
    const router = frr(w.frr);
    const base = buildModel([router, peers, nodes], opts);
    const moved = parseFile({ uri: NODES, text: w.nodes.replace(`address: ${n5}\n`, 'address: 10.99.0.5\n') });
    const after = check([router, peers, moved], opts);
    const peer = (m: Model) => m.ends.find((e) => e.label === 'BGPPeer "border1-node005"')!;
    assert.deepEqual(peer(base).nodes?.addresses, [n5]);
    assert.deepEqual(peer(after).nodes?.addresses, ['10.99.0.5']);
    assert.equal(after.sessions.length, base.sessions.length - 1, 'the peer no longer pairs with the neighbor of its old address');
  });

  it('node hints and the configured FRR version are inputs too', () => {
    const files = [frr(w.frr), peers, nodes];
    // Each build follows a build of the same parse results with other options.
    buildModel(files, opts);
    const hints = { ...opts, nodes: [{ name: 'node005', addresses: ['10.99.0.5'] }] };
    const hinted = buildModel(files, hints);
    const peer = hinted.ends.find((e) => e.label === 'BGPPeer "border1-node005"')!;
    assert.deepEqual(peer.nodes?.addresses, [n5, '10.99.0.5']);
    assertFresh(hinted, files, hints);
    buildModel(files, opts);
    const version = { ...opts, frrVersionFor: (uri: string) => (uri === PEERS ? '8.4.1' : undefined) };
    const versioned = buildModel(files, version);
    assert.equal(versioned.ends.find((e) => e.side === 'metallb')!.frrVersion?.value, '8.4.1');
    assertFresh(versioned, files, version);
    buildModel(files, version);
    assert.equal(buildModel(files, opts).ends.find((e) => e.side === 'metallb')!.frrVersion, undefined);
  });
});
