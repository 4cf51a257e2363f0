/**
 * The language server's path (each version parsed from the previous one's parse, every cache warm from
 * the versions before) gives the findings and sessions a fresh parse of the same texts gives, over random
 * sequences of edits to a router paired with BGPPeers: lines added and removed above, inside and below
 * `router bgp`, GR, timer and BFD settings toggled, blocks closed early, characters typed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { generateLspWorkspace } from '../../../bench/fabric';
import type { GrlintConfig } from '../../../server/src/core/config';
import { DEFAULT_CONFIG } from '../../../server/src/core/config';
import type { LintResult } from '../../../server/src/core/lint';
import { lint } from '../../../server/src/core/lint';
import type { ParsedFile } from '../../../server/src/core/project';
import { parseFile } from '../../../server/src/core/project';
import { reparseFile } from '../../../server/src/core/reparse';

const CONFIG: GrlintConfig = { ...DEFAULT_CONFIG, metallb: { ...DEFAULT_CONFIG.metallb, mode: 'frr-k8s' } };
const w = generateLspWorkspace({ seed: 11, peers: 30, lines: 400 });
const FRR = '/w/border1/frr.conf';
const others = [parseFile({ uri: '/w/cluster/bgppeers.yaml', text: w.peers }), parseFile({ uri: '/w/cluster/nodes.yaml', text: w.nodes })];

/** Lines an engineer adds to a router configuration, good and bad. */
const newLine = fc.oneof(
  fc.nat({ max: w.neighbors.length - 1 }).chain((i) =>
    fc.constantFrom(
      ` neighbor ${w.neighbors[i]} graceful-restart-disable`,
      ` neighbor ${w.neighbors[i]} graceful-restart-helper`,
      ` neighbor ${w.neighbors[i]} timers 1 3`,
      ` neighbor ${w.neighbors[i]} timers connect 0`,
      ` neighbor ${w.neighbors[i]} bfd check-control-plane-failure`,
      ` neighbor ${w.neighbors[i]} remote-as 64999`,
      ` neighbor ${w.neighbors[i]} peer-group K8S`,
      ` no neighbor ${w.neighbors[i]} bfd`,
      ` neighbor ${w.neighbors[i]} password s3cret`,
    ),
  ),
  fc.constantFrom(
    ' bgp graceful-restart-disable', ' no bgp graceful-restart preserve-fw-state', ' bgp graceful-restart restart-time 300',
    ' bgp graceful-restart stalepath-time 60', ' timers bgp 30 90', ' neighbor K8S bfd profile fast', 'exit', ' exit-address-family',
    'router bgp 65200', 'bfd', ' profile fast', '  receive-interval 300', '! grlint-disable-next-line GR101', 'frr version 8.1',
    ' neighbor K8S timers 3 9', ' bgp graceful-restart restart-time 0', '', ' address-family ipv4 unicast',
  ),
);

type Edit = { kind: 'insert'; at: number; line: string } | { kind: 'delete'; at: number } | { kind: 'type'; at: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), line: newLine }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('type' as const), at: fc.nat(), text: fc.constantFrom('x', ' ', '1', '\n', '-', 'no ') }) },
);

function apply(text: string, e: Edit): string {
  const lines = text.split('\n');
  // Edits land mostly in the first 80 lines (the router bgp block and what is before it).
  const i = e.at % Math.min(lines.length, 80);
  if (e.kind === 'insert') lines.splice(i, 0, e.line);
  else if (e.kind === 'delete') lines.splice(i, 1);
  else {
    const at = (e.at * 7919) % (text.length + 1);
    return text.slice(0, at) + e.text + text.slice(at);
  }
  return lines.join('\n');
}

/** What a user sees: every finding (code, place, message, related, fixes) and every session verdict. */
function visible(r: LintResult): unknown {
  return {
    findings: r.findings.map((f) => ({ ...f })),
    sessions: r.model.sessions.map((s) => JSON.stringify(s, (k, v) => (k === 'instance' || k === 'statements' || k === 'listenRange' ? undefined : v))),
    internalErrors: r.internalErrors.length,
  };
}

describe('incremental lint (the language server path)', () => {
  it('equals a fresh parse and lint after every edit of random edit sequences', () => {
    let versions = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 4, maxLength: 12 }), (edits) => {
        let text = w.frr;
        let prev: ParsedFile | undefined = parseFile({ uri: FRR, text, languageId: 'frr' });
        lint([prev, ...others], { config: CONFIG });
        for (const e of edits) {
          text = apply(text, e);
          prev = reparseFile(prev, { uri: FRR, text, languageId: 'frr' });
          const incremental = lint([prev, ...others], { config: CONFIG });
          const fresh = lint([parseFile({ uri: FRR, text, languageId: 'frr' }), ...others], { config: CONFIG });
          assert.deepStrictEqual(visible(incremental), visible(fresh));
          versions++;
        }
      }),
      // A fixed amount of work (no time limit: on a loaded machine a time limit compared fewer versions).
      { numRuns: 10 },
    );
    assert.ok(versions >= 40, `${versions} versions compared`);
  });
});
