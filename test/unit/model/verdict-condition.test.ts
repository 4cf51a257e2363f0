// The restart verdict's conditional reasons (bfd-down-while-established) and its `otherwise` outcome,
// as measured in the live lab (docs/lab/measurements.md §3.6): the headline stays "lost", the safe side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../../server/src/core/lint';
import { parseFile } from '../../../server/src/core/project';
import { sessionsJson } from '../../../server/src/core/report/sessions';
import type { Verdict } from '../../../server/src/core/model/types';

const restarter = (lines: readonly string[]): string =>
  ['frr version 8.4.4', 'hostname ra', 'router bgp 65001', ' bgp router-id 192.0.2.1', ' neighbor 192.0.2.2 remote-as 65002', ...lines, 'exit', ''].join('\n');
const helper = (lines: readonly string[]): string =>
  ['frr version 8.4.4', 'hostname rb', 'router bgp 65002', ' bgp router-id 192.0.2.2', ' neighbor 192.0.2.1 remote-as 65001', ...lines, 'exit', ''].join('\n');
const GR = [' bgp graceful-restart', ' bgp graceful-restart preserve-fw-state', ' bgp graceful-restart restart-time 10'];

function verdictOfA(a: string, b: string): Verdict {
  const r = lint([parseFile({ uri: '/w/a.frr.conf', text: a }), parseFile({ uri: '/w/b.frr.conf', text: b })]);
  assert.equal(r.model.sessions.length, 1);
  const s = r.model.sessions[0]!;
  return s.verdicts.find((v) => v.restarting.speaker === 'ra')!;
}

test('BFD without check-control-plane-failure: lost, on the condition that BFD Down comes while Established; otherwise kept', () => {
  const v = verdictOfA(restarter([...GR, ' neighbor 192.0.2.2 bfd']), helper([' neighbor 192.0.2.1 bfd']));
  assert.equal(v.kept, false);
  assert.equal(v.seconds, null);
  assert.deepEqual(v.reasons.map((r) => r.code), ['bfd-tears-down']);
  const c = v.reasons[0]!.condition;
  assert.equal(c?.code, 'bfd-down-while-established');
  assert.match(c!.holds, /^BFD Down reaches rb while the session is still established/);
  assert.match(c!.fails, /^ra's bgpd closes the session before BFD goes down/);
  assert.deepEqual(v.otherwise, { kept: true, seconds: 10, reasons: [], boundBy: 'restart-time' });
});

test('otherwise keeps the unconditional reasons: BFD and no preserve-fw-state is lost either way', () => {
  const v = verdictOfA(
    restarter([' bgp graceful-restart', ' bgp graceful-restart restart-time 10', ' neighbor 192.0.2.2 bfd']),
    helper([' neighbor 192.0.2.1 bfd']),
  );
  assert.deepEqual(v.reasons.map((r) => r.code), ['bfd-tears-down', 'no-preserve-fw-state']);
  assert.equal(v.otherwise?.kept, false);
  assert.deepEqual(v.otherwise?.reasons.map((r) => r.code), ['no-preserve-fw-state']);
});

test('no otherwise when no reason is conditional, or when nothing is lost', () => {
  const cpf = verdictOfA(restarter([...GR, ' neighbor 192.0.2.2 bfd']), helper([' neighbor 192.0.2.1 bfd', ' neighbor 192.0.2.1 bfd check-control-plane-failure']));
  assert.equal(cpf.kept, true);
  assert.equal(cpf.otherwise, undefined);
  const disabled = verdictOfA(restarter([...GR, ' neighbor 192.0.2.2 bfd']), helper([' neighbor 192.0.2.1 bfd', ' neighbor 192.0.2.1 graceful-restart-disable']));
  assert.deepEqual(disabled.reasons.map((r) => r.code), ['helper-disabled']);
  assert.equal(disabled.otherwise, undefined);
});

test('sessions JSON carries the condition and the otherwise outcome', () => {
  const a = restarter([...GR, ' neighbor 192.0.2.2 bfd']);
  const b = helper([' neighbor 192.0.2.1 bfd']);
  const r = lint([parseFile({ uri: '/w/a.frr.conf', text: a }), parseFile({ uri: '/w/b.frr.conf', text: b })]);
  const j = sessionsJson(r.model, (loc) => loc.uri);
  const v = j.sessions[0]!.verdicts.find((x) => x.restarting === 'ra')!;
  assert.equal(v.reasonCode, 'bfd-tears-down');
  assert.equal(v.reasons[0]!.condition?.code, 'bfd-down-while-established');
  assert.deepEqual(v.otherwise, { kept: true, seconds: 10, reasonCode: null, boundBy: 'restart-time', text: 'routes kept 10 s' });
  const other = j.sessions[0]!.verdicts.find((x) => x.restarting === 'rb')!;
  assert.equal('otherwise' in other, false);
});
