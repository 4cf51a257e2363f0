/**
 * The command table and its matcher: matches, abbreviations, near misses, version ranges, completion.
 * Cases at FRR's boundaries follow what vtysh -C of FRR 8.4.4 accepts (test/oracle/expected-frr-8.4.4.json).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { CommandMatchResult, MatchOptions } from '../../../server/src/core/frr/commands';
import {
  COMMANDS,
  COMMAND_BLOCKS,
  KNOWN_KEYWORDS,
  completionsFor,
  hoverFor,
  matchCommand,
  matchInChain,
  probeMismatches,
  rangeFor,
  sinceIn,
  specFor,
  specsFor,
  syntaxFor,
  typoDistance,
  versionNeeded,
} from '../../../server/src/core/frr/commands';
import type { FrrBlockKind } from '../../../server/src/core/frr/syntax';

const words = (line: string): string[] => line.trim().split(/\s+/);
const m = (line: string, block: FrrBlockKind = 'router-bgp', opts: MatchOptions = {}): CommandMatchResult => matchCommand(words(line), block, opts);

/** A compact description of a result, for table tests. */
function brief(r: CommandMatchResult): string {
  if (r.kind === 'none') return 'none';
  if (r.kind === 'match') return `match ${r.spec.id}${r.partial ? ' partial' : ''}`;
  const extra = r.suggestion ?? r.candidates?.join('|') ?? (r.range ? `${r.range.min}-${r.range.max}${r.validSince ? ` since ${r.validSince}` : ''}` : '');
  return `${r.problem} ${r.spec.id} @${r.wordIndex}${extra ? ` ${extra}` : ''}`;
}

describe('command table', () => {
  it('has unique ids, a doc for every command and blocks for every command', () => {
    const ids = COMMANDS.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const c of COMMANDS) {
      assert.ok(c.doc.length > 20 && !c.doc.includes('\n'), `${c.id} has a one-paragraph doc`);
      assert.ok(c.blocks.length > 0, `${c.id} has blocks`);
    }
  });

  it('models every command of the catalog', () => {
    for (const id of [
      'router-bgp', 'neighbor-remote-as', 'neighbor-interface', 'neighbor-interface-remote-as', 'neighbor-peer-group-define',
      'neighbor-peer-group', 'neighbor-gr', 'neighbor-gr-helper', 'neighbor-gr-disable', 'neighbor-timers', 'neighbor-timers-connect',
      'neighbor-bfd', 'neighbor-bfd-profile', 'neighbor-bfd-check-control-plane-failure', 'neighbor-update-source', 'neighbor-password',
      'bgp-router-id', 'timers-bgp', 'bgp-listen-range', 'bgp-gr', 'bgp-gr-restart-time', 'bgp-gr-stalepath-time', 'bgp-gr-select-defer-time',
      'bgp-gr-rib-stale-time', 'bgp-gr-preserve-fw-state', 'bgp-gr-notification', 'bgp-gr-disable-eor', 'bgp-gr-disable', 'bgp-llgr-stale-time',
      'interface', 'ip-address', 'ipv6-address', 'bfd', 'bfd-profile', 'bfd-peer', 'frr-version', 'frr-defaults', 'address-family',
      'exit', 'exit-address-family', 'exit-vrf', 'end',
    ]) {
      assert.ok(specFor(id), id);
    }
  });

  it('gives the ranges of each FRR version, the newest when the version is unknown', () => {
    const rt = specFor('bgp-gr-restart-time')!;
    assert.deepEqual(rangeFor(rt, 'seconds', '7.0'), { min: 1, max: 3600 });
    assert.deepEqual(rangeFor(rt, 'seconds', '7.1'), { since: '7.1', min: 1, max: 4095 });
    assert.deepEqual(rangeFor(rt, 'seconds', '8.1.2'), { since: '7.1', min: 1, max: 4095 });
    assert.deepEqual(rangeFor(rt, 'seconds', '8.2'), { since: '8.2', min: 0, max: 4095 });
    assert.deepEqual(rangeFor(rt, 'seconds'), { since: '8.2', min: 0, max: 4095 });
    const llgr = specFor('bgp-llgr-stale-time')!;
    assert.equal(rangeFor(llgr, 'seconds', '8.4.4')!.max, 4294967295);
    assert.equal(rangeFor(llgr, 'seconds', '8.5')!.max, 16777215);
    assert.equal(rangeFor(llgr, 'seconds')!.max, 16777215);
    assert.deepEqual(rangeFor(specFor('bgp-gr-stalepath-time')!, 'seconds', '10.6'), { since: '7.1', min: 1, max: 4095 });
    assert.deepEqual(rangeFor(specFor('bgp-gr-select-defer-time')!, 'seconds'), { min: 0, max: 3600 });
    assert.deepEqual(rangeFor(specFor('bgp-gr-rib-stale-time')!, 'seconds'), { min: 1, max: 3600 });
    assert.deepEqual(rangeFor(specFor('timers-bgp')!, 'hold'), { min: 0, max: 65535 });
    assert.deepEqual(rangeFor(specFor('neighbor-timers-connect')!, 'seconds'), { min: 1, max: 65535 });
  });

  it('records the version each command appeared in (domain.md §4.8)', () => {
    const since = (id: string, block: FrrBlockKind = 'router-bgp'): string | undefined => sinceIn(specFor(id)!, block);
    assert.equal(since('neighbor-gr'), '7.4');
    assert.equal(since('neighbor-gr-helper'), '7.4');
    assert.equal(since('neighbor-gr-disable'), '7.4');
    assert.equal(since('neighbor-bfd-check-control-plane-failure'), '7.2');
    assert.equal(since('bgp-gr-notification'), '8.3');
    assert.equal(since('bgp-llgr-stale-time'), '8.2');
    assert.equal(since('bgp-gr-disable'), '7.4');
    assert.equal(since('bgp-gr-select-defer-time'), '7.4');
    assert.equal(since('bgp-gr-rib-stale-time'), '7.4');
    assert.equal(since('bgp-gr'), undefined);
    assert.equal(since('bgp-gr', 'root'), '10.2');
    assert.equal(since('bgp-gr-disable', 'root'), '10.2');
  });

  it('writes the syntax with the ranges of a version', () => {
    assert.equal(syntaxFor(specFor('bgp-gr-restart-time')!, '7.0'), 'bgp graceful-restart restart-time (1-3600)');
    assert.equal(syntaxFor(specFor('bgp-gr-restart-time')!), 'bgp graceful-restart restart-time (0-4095)');
    assert.equal(syntaxFor(specFor('neighbor-timers')!), 'neighbor <A.B.C.D|X:X::X:X|WORD> timers (0-65535) (0-65535)');
  });

  it('lists the commands of a block', () => {
    const ids = specsFor('interface').map((s) => s.id);
    assert.ok(ids.includes('ip-address') && ids.includes('ipv6-address') && !ids.includes('neighbor-timers'));
  });
});

describe('matchCommand', () => {
  const cases: [string, FrrBlockKind, string | undefined, string][] = [
    // Plain matches and FRR's abbreviations (vtysh 8.4.4 accepts all of these).
    ['bgp graceful-restart restart-time 120', 'router-bgp', '8.4.4', 'match bgp-gr-restart-time'],
    ['bgp graceful-restart restart 60', 'router-bgp', '8.4.4', 'match bgp-gr-restart-time'],
    ['bgp graceful-restart stale 60', 'router-bgp', '8.4.4', 'match bgp-gr-stalepath-time'],
    ['bgp graceful-restart-d', 'router-bgp', '8.4.4', 'match bgp-gr-disable'],
    ['bgp graceful-restart', 'router-bgp', '8.4.4', 'match bgp-gr'],
    ['nei 192.0.2.2 timer 3 9', 'router-bgp', '8.4.4', 'match neighbor-timers'],
    ['neighbor 192.0.2.2 timers conn 10', 'router-bgp', '8.4.4', 'match neighbor-timers-connect'],
    ['neighbor 192.0.2.2 graceful-restart-h', 'router-bgp', '8.4.4', 'match neighbor-gr-helper'],
    ['neighbor eth0 interface v6only remote-as external', 'router-bgp', '8.4.4', 'match neighbor-interface-remote-as'],
    ['neighbor 192.0.2.3 remote-as ext', 'router-bgp', '8.4.4', 'match neighbor-remote-as'],
    ['neighbor PG peer-group', 'router-bgp', '8.4.4', 'match neighbor-peer-group-define'],
    ['neighbor 192.0.2.3 peer-group PG', 'address-family', '8.4.4', 'match neighbor-peer-group'],
    ['no neighbor 192.0.2.2 timers', 'router-bgp', '8.4.4', 'match neighbor-timers partial'],
    ['no bgp graceful-restart notification', 'router-bgp', '8.4.4', 'match bgp-gr-notification'],
    ['router bgp 64512 vrf red', 'root', '8.4.4', 'match router-bgp'],
    ['router bgp', 'root', '8.4.4', 'match router-bgp'],
    ['ip address 192.0.2.1/30', 'interface', '8.4.4', 'match ip-address'],
    ['ip address 192.0.2.1 peer 192.0.2.2/32', 'interface', '8.4.4', 'match ip-address-peer'],
    ['ip address 2001:db8::1/64', 'interface', '8.4.4', 'match ip-address-v6'],
    ['echo receive-interval disabled', 'bfd-profile', '8.4.4', 'match bfd-echo-receive-interval'],
    // Values outside FRR's ranges.
    ['bgp graceful-restart restart-time 4096', 'router-bgp', '8.4.4', 'out-of-range bgp-gr-restart-time @3 0-4095'],
    ['bgp graceful-restart restart-time -1', 'router-bgp', '8.4.4', 'out-of-range bgp-gr-restart-time @3 0-4095'],
    ['bgp graceful-restart restart-time 0', 'router-bgp', '8.1', 'out-of-range bgp-gr-restart-time @3 1-4095 since 8.2'],
    ['bgp graceful-restart restart-time 4000', 'router-bgp', '7.0', 'out-of-range bgp-gr-restart-time @3 1-3600 since 7.1'],
    ['bgp graceful-restart stalepath-time 0', 'router-bgp', '8.4.4', 'out-of-range bgp-gr-stalepath-time @3 1-4095'],
    ['bgp graceful-restart select-defer-time 3601', 'router-bgp', '8.4.4', 'out-of-range bgp-gr-select-defer-time @3 0-3600'],
    ['bgp graceful-restart rib-stale-time 0', 'router-bgp', '8.4.4', 'out-of-range bgp-gr-rib-stale-time @3 1-3600'],
    ['bgp long-lived-graceful-restart stale-time 16777216', 'router-bgp', '8.4.4', 'match bgp-llgr-stale-time'],
    ['bgp long-lived-graceful-restart stale-time 16777216', 'router-bgp', '10.0', 'out-of-range bgp-llgr-stale-time @3 1-16777215'],
    ['bgp long-lived-graceful-restart stale-time 16777216', 'router-bgp', undefined, 'out-of-range bgp-llgr-stale-time @3 1-16777215'],
    ['bgp long-lived-graceful-restart stale-time 0', 'router-bgp', '8.4.4', 'out-of-range bgp-llgr-stale-time @3 1-4294967295'],
    ['timers bgp 3 65536', 'router-bgp', '8.4.4', 'out-of-range timers-bgp @3 0-65535'],
    ['neighbor 192.0.2.2 timers 65536 9', 'router-bgp', '8.4.4', 'out-of-range neighbor-timers @3 0-65535'],
    ['neighbor 192.0.2.2 timers connect 0', 'router-bgp', '8.4.4', 'out-of-range neighbor-timers-connect @4 1-65535'],
    ['neighbor 192.0.2.3 remote-as 4294967296', 'router-bgp', '8.4.4', 'out-of-range neighbor-remote-as @3 1-4294967295'],
    ['router bgp 0', 'root', '8.4.4', 'out-of-range router-bgp @2 1-4294967295'],
    ['router bgp 1.10', 'root', '8.4.4', 'out-of-range router-bgp @2 1-4294967295 since 9.0'],
    ['router bgp 1.10', 'root', '9.0', 'match router-bgp'],
    ['ip address 192.0.2.1/33', 'interface', '8.4.4', 'out-of-range ip-address @2 0-32'],
    ['ipv6 address 2001:db8::1/129', 'interface', '8.4.4', 'out-of-range ipv6-address @2 0-128'],
    ['detect-multiplier 1', 'bfd-profile', '8.4.4', 'out-of-range bfd-detect-multiplier @1 2-255 since 10.3'],
    ['detect-multiplier 1', 'bfd-profile', undefined, 'match bfd-detect-multiplier'],
    ['receive-interval 9', 'bfd-profile', '8.4.4', 'out-of-range bfd-receive-interval @1 10-60000'],
    ['no bgp graceful-restart restart-time 99999', 'router-bgp', '8.4.4', 'match bgp-gr-restart-time'],
    // Malformed values.
    ['ip address 192.0.2.300/24', 'interface', '8.4.4', 'invalid-value ip-address @2'],
    ['ipv6 address 192.0.2.1/24', 'interface', '8.4.4', 'invalid-value ipv6-address @2'],
    ['bgp graceful-restart restart-time abc', 'router-bgp', '8.4.4', 'invalid-value bgp-gr-restart-time @3'],
    // Misspellings, with the nearest modelled keyword.
    ['bgp graceful-restart restart-tme 60', 'router-bgp', '8.4.4', 'unknown-keyword bgp-gr-restart-time @2 restart-time'],
    ['bgp graceful-restrat', 'router-bgp', '8.4.4', 'unknown-keyword bgp-gr @1 graceful-restart'],
    ['bgp graceful-restart-disabel', 'router-bgp', '8.4.4', 'unknown-keyword bgp-gr-disable @1 graceful-restart-disable'],
    ['timers bgpp 3 9', 'router-bgp', '8.4.4', 'unknown-keyword timers-bgp @1 bgp'],
    ['neighbor 192.0.2.2 timerz 3 9', 'router-bgp', '8.4.4', 'unknown-keyword neighbor-timers @2 timers'],
    ['neighbor 192.0.2.3 peer-gruop PG', 'router-bgp', '8.4.4', 'unknown-keyword neighbor-peer-group @2 peer-group'],
    ['neighbor 192.0.2.2 bfd chek-control-plane-failure', 'router-bgp', '8.4.4', 'unknown-keyword neighbor-bfd-check-control-plane-failure @3 check-control-plane-failure'],
    ['neighbor 192.0.2.3 remote-as externall', 'router-bgp', '8.4.4', 'unknown-keyword neighbor-remote-as @3 external'],
    ['no bgp graceful-restart notificaton', 'router-bgp', '8.4.4', 'unknown-keyword bgp-gr-notification @3 notification'],
    ['address-family ipv4 unicst', 'router-bgp', '8.4.4', 'unknown-keyword address-family @2 unicast'],
    ['ip address 192.0.2.1 255.255.255.0', 'interface', '8.4.4', 'unknown-keyword ip-address-peer @3'],
    // Ambiguous abbreviations, incomplete lines, extra words.
    ['bgp gr', 'router-bgp', '8.4.4', 'ambiguous bgp-gr @1 graceful-restart|graceful-restart-disable'],
    ['bgp graceful-restart s 60', 'router-bgp', '8.4.4', 'ambiguous bgp-gr-stalepath-time @2 select-defer-time|stalepath-time'],
    ['bgp graceful-restart s 60', 'router-bgp', '7.0', 'match bgp-gr-stalepath-time'],
    ['neighbor 192.0.2.2 graceful-restart-', 'router-bgp', '8.4.4', 'ambiguous neighbor-gr-helper @2 graceful-restart-disable|graceful-restart-helper'],
    ['bgp graceful-restart restart-time', 'router-bgp', '8.4.4', 'incomplete bgp-gr-restart-time @3'],
    ['neighbor 192.0.2.2 timers 3', 'router-bgp', '8.4.4', 'incomplete neighbor-timers @4'],
    ['bgp listen range 192.0.2.128/25', 'router-bgp', '8.4.4', 'incomplete bgp-listen-range @4'],
    ['ip address 192.0.2.1', 'interface', '8.4.4', 'incomplete ip-address-peer @3'],
    ['bgp graceful-restart restart-time 60 60', 'router-bgp', '8.4.4', 'extra bgp-gr-restart-time @4'],
    // Real FRR commands that grlint does not model, and lines it cannot judge: never a near miss.
    ['bgp graceful-shutdown', 'router-bgp', '8.4.4', 'none'],
    ['bgp log-neighbor-changes', 'router-bgp', '8.4.4', 'none'],
    ['bgp hard-administrative-reset', 'router-bgp', '8.4.4', 'match bgp-hard-administrative-reset'],
    ['neighbor 192.0.2.2 activate', 'router-bgp', '8.4.4', 'none'],
    ['neighbor 192.0.2.2 description a b c', 'router-bgp', '8.4.4', 'none'],
    ['neighbor 192.0.2.2 timers delayopen 30', 'router-bgp', '8.4.4', 'match neighbor-timers-delayopen'],
    ['neighbor 192.0.2.2 bfd multihop', 'router-bgp', '8.4.4', 'none'],
    ['neighbor 192.0.2.2 bfd foo', 'router-bgp', '8.4.4', 'none'],
    ['neighbor 192.0.2.2 tim 3 9', 'router-bgp', '8.4.4', 'match neighbor-timers'],
    ['neighbor 192.0.2.2 ebgp-multihop', 'router-bgp', '8.4.4', 'none'],
    ['neighbor 192.0.2.2', 'router-bgp', '8.4.4', 'none'],
    ['bgp', 'router-bgp', '8.4.4', 'none'],
    ['network 192.0.2.0/24', 'router-bgp', '8.4.4', 'none'],
    ['ip address 1.2.3.4/24 foo', 'interface', '8.4.4', 'unknown-keyword ip-address @3'],
    ['ip address 1.2.3.4/24 lab x', 'interface', '8.4.4', 'match ip-address'],
    ['log-session-changes', 'bfd-profile', '8.4.4', 'match bfd-log-session-changes'], // modelled since FRR506 judges it (FRR 10.4)
    ['frr defaults bogus', 'root', '8.4.4', 'match frr-defaults'],
    ['frr version not-a-version', 'root', undefined, 'match frr-version'],
    ['frr version 8.4.4 built by hand', 'root', undefined, 'match frr-version'],
    ['neighbor 192.0.2.2 password s3cret', 'router-bgp', '8.4.4', 'match neighbor-password'],
    // FRR's LINE is one word: a password with a space is rejected (vtysh -C of FRR 8.4.4).
    ['neighbor 192.0.2.2 password two words', 'router-bgp', '8.4.4', 'extra neighbor-password @4'],
    ['ip address 10.0.0.1/24 label foo bar', 'interface', '8.4.4', 'extra ip-address @5'],
  ];
  for (const [line, block, version, want] of cases) {
    it(`${line} (${block}, FRR ${version ?? 'unknown'}) → ${want}`, () => {
      assert.equal(brief(m(line, block, version !== undefined ? { version } : {})), want);
    });
  }

  it('reports a misspelled first word only when the block does not know the word', () => {
    const unknown = { version: '8.4.4', knownFirstWord: () => false };
    assert.equal(brief(m('neighbour 192.0.2.2 remote-as 64513', 'router-bgp', unknown)), 'unknown-keyword neighbor-remote-as @0 neighbor');
    assert.equal(brief(m('BGP graceful-restart', 'router-bgp', unknown)), 'unknown-keyword bgp-gr @0 bgp');
    assert.equal(brief(m('neighbour 192.0.2.2 remote-as 64513', 'router-bgp', { version: '8.4.4', knownFirstWord: () => true })), 'none');
    assert.equal(brief(m('neighbour 192.0.2.2 remote-as 64513', 'router-bgp', { version: '8.4.4' })), 'none');
    // No suggestion unless the corrected line is a valid command.
    assert.equal(brief(m('neighbour 192.0.2.2 frobnicate', 'router-bgp', unknown)), 'none');
  });

  it('gives the arguments and the role of every word', () => {
    const r = m('no neighbor 192.0.2.2 timers 3 9');
    assert.equal(r.kind, 'match');
    if (r.kind !== 'match') return;
    assert.equal(r.negated, true);
    assert.deepEqual(Object.fromEntries(Object.entries(r.args).map(([k, v]) => [k, [v.text, v.wordIndex, v.value ?? null]])), {
      peer: ['192.0.2.2', 2, null],
      keepalive: ['3', 4, 3],
      hold: ['9', 5, 9],
    });
    assert.deepEqual(r.roles.map((x) => (x.kind === 'keyword' ? x.keyword : x.kind === 'arg' ? `<${x.name}>` : 'no')), ['no', 'neighbor', '<peer>', 'timers', '<keepalive>', '<hold>']);
    const a = m('nei 192.0.2.2 tim 3 9');
    assert.ok(a.kind === 'match' && a.roles[0]!.kind === 'keyword' && a.roles[0]!.abbreviated);
  });

  it('says which version a matched command needs', () => {
    const need = (line: string, block: FrrBlockKind, version: string | undefined): string | undefined => {
      const r = m(line, block, version !== undefined ? { version } : {});
      assert.equal(r.kind, 'match', line);
      return r.kind === 'match' ? versionNeeded(r, version) : undefined;
    };
    assert.equal(need('neighbor 192.0.2.2 graceful-restart', 'router-bgp', '7.3'), '7.4');
    assert.equal(need('neighbor 192.0.2.2 graceful-restart', 'router-bgp', '7.4'), undefined);
    assert.equal(need('neighbor 192.0.2.2 bfd check-control-plane-failure', 'router-bgp', '7.1'), '7.2');
    assert.equal(need('bgp graceful-restart notification', 'router-bgp', '8.2'), '8.3');
    assert.equal(need('bgp long-lived-graceful-restart stale-time 10', 'router-bgp', '8.1'), '8.2');
    assert.equal(need('bgp graceful-restart', 'root', '8.4.4'), '10.2');
    assert.equal(need('bgp graceful-restart', 'root', '10.2.1'), undefined);
    assert.equal(need('neighbor 192.0.2.2 remote-as auto', 'router-bgp', '10.1'), '10.2');
    assert.equal(need('neighbor 192.0.2.2 bfd strict', 'router-bgp', '8.4.4'), '10.4');
    assert.equal(need('neighbor 192.0.2.2 bfd strict', 'router-bgp', undefined), undefined);
  });

  it('runs a line in the innermost block that has it, as FRR walks up', () => {
    const r = matchInChain(words('neighbor 192.0.2.2 timers 3 9'), ['address-family', 'router-bgp', 'root']);
    assert.ok(r.kind === 'match' && r.block === 'router-bgp');
    const p = matchInChain(words('neighbor 192.0.2.2 peer-group PG'), ['address-family', 'router-bgp', 'root']);
    assert.ok(p.kind === 'match' && p.block === 'address-family');
    assert.equal(matchInChain(words('neighbor 192.0.2.2 timers 3 9'), ['interface', 'root']).kind, 'none');
  });

  it('never throws on odd input', () => {
    for (const line of ['', 'no', 'no no', '(((', '<a|b>', '$x', 'neighbor', 'bgp graceful-restart restart-time 99999999999999999999999', '\u0000']) {
      assert.doesNotThrow(() => matchCommand(line.split(' '), 'router-bgp', { version: '8.4.4' }));
    }
    assert.equal(matchCommand([], 'root').kind, 'none');
  });

  it('measures typos as Damerau-Levenshtein distance', () => {
    assert.equal(typoDistance('peer-gruop', 'peer-group'), 1);
    assert.equal(typoDistance('restart-tme', 'restart-time'), 1);
    assert.equal(typoDistance('abc', 'abc'), 0);
    assert.equal(typoDistance('', 'abc'), 3);
  });

  it('knows every keyword of the modelled commands in KNOWN_KEYWORDS, so abbreviations of them are never typos', () => {
    assert.ok(KNOWN_KEYWORDS['neighbor *']!.includes('graceful-restart-helper'));
    assert.ok(KNOWN_KEYWORDS['bgp graceful-restart']!.includes('restart-time'));
    assert.ok(KNOWN_KEYWORDS.bgp!.includes('graceful-shutdown'));
  });
});

describe('completionsFor', () => {
  const labels = (block: FrrBlockKind, before: string, version?: string): string[] =>
    completionsFor(block, before === '' ? [] : words(before), version !== undefined ? { version } : {}).map((c) => c.label);

  it('offers the commands of a block', () => {
    const l = labels('router-bgp', '');
    for (const k of ['neighbor', 'bgp', 'timers', 'address-family', 'exit']) assert.ok(l.includes(k), k);
    assert.ok(!l.includes('ip'));
    assert.deepEqual(labels('interface', '').sort(), ['end', 'exit', 'ip', 'ipv6']);
  });

  it('offers the next keyword, without hidden commands or those newer than the version', () => {
    assert.deepEqual(labels('router-bgp', 'bgp graceful-restart'), ['restart-time', 'stalepath-time', 'select-defer-time', 'rib-stale-time', 'preserve-fw-state', 'notification']);
    assert.deepEqual(labels('router-bgp', 'bgp graceful-restart', '7.0'), ['restart-time', 'stalepath-time', 'preserve-fw-state']);
    assert.ok(labels('router-bgp', 'neighbor 192.0.2.2').includes('graceful-restart-helper'));
    assert.ok(!labels('router-bgp', 'neighbor 192.0.2.2', '7.3').includes('graceful-restart-helper'));
    assert.deepEqual(labels('router-bgp', 'neighbor 192.0.2.2 remote-as', '10.1'), ['ASNUM', 'internal', 'external']);
  });

  it('offers a value with the range of the version and the default', () => {
    const c = completionsFor('router-bgp', words('bgp graceful-restart restart-time'), { version: '8.1' });
    assert.equal(c.length, 1);
    assert.equal(c[0]!.label, '(1-4095)');
    assert.equal(c[0]!.kind, 'value');
    assert.match(c[0]!.detail, /default 120 s/);
    assert.match(c[0]!.documentation, /Restart Time/);
    assert.deepEqual(c[0]!.specIds, ['bgp-gr-restart-time']);
    assert.deepEqual(labels('router-bgp', 'no bgp graceful-restart restart-time'), ['(0-4095)']);
  });

  it('offers nothing after a complete command or inside an unknown one', () => {
    assert.deepEqual(labels('router-bgp', 'bgp graceful-restart restart-time 120'), []);
    assert.deepEqual(labels('router-bgp', 'neighbor 192.0.2.2 activate'), []);
  });
});

describe('hoverFor', () => {
  it('describes a value word with the range of the version and the command\'s doc', () => {
    const h = hoverFor(words('bgp graceful-restart restart-time 120'), ['router-bgp', 'root'], 3, { version: '8.1' });
    assert.ok(h);
    assert.equal(h.spec.id, 'bgp-gr-restart-time');
    assert.equal(h.syntax, 'bgp graceful-restart restart-time (1-4095)');
    assert.deepEqual(h.role, { kind: 'arg', name: 'seconds', type: 'number', placeholder: '(0-4095)' });
    assert.deepEqual(h.range, { min: 1, max: 4095 });
    assert.equal(h.spec.default, '120 s');
  });

  it('describes a keyword of a line FRR runs in an enclosing block, and a near miss', () => {
    const h = hoverFor(words('neighbor 192.0.2.2 graceful-restart'), ['address-family', 'router-bgp', 'root'], 2);
    assert.equal(h?.block, 'router-bgp');
    assert.equal(h?.since, '7.4');
    assert.deepEqual(h?.role, { kind: 'keyword', keyword: 'graceful-restart', abbreviated: false });
    assert.equal(hoverFor(words('bgp graceful-restart restart-time 5000'), ['router-bgp'], 1)?.spec.id, 'bgp-gr-restart-time');
    assert.equal(hoverFor(words('neighbor 192.0.2.2 activate'), ['address-family', 'router-bgp', 'root'], 2), undefined);
  });
});

describe('matchCommand failure probe', () => {
  // The matcher finds the deepest failures of a line no command matches with a probe that builds nothing;
  // it must place every failure (word index and kind) exactly where the full match does.
  const vocabulary = [...new Set(COMMANDS.flatMap((c) => c.syntax.split(/[\s|(){}[\]<>]+/)).filter((w) => /^[a-z][a-z0-9-]*$/.test(w)))];
  const word = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...vocabulary) },
    { weight: 1, arbitrary: fc.constantFrom('graceful', 'neigh', 'r', 'no') }, // abbreviations
    { weight: 3, arbitrary: fc.constantFrom('0', '1', '65535', '4294967296', '-5', '10.0.0.1', '2001:db8::1', '10.0.0.0/8', '64512.1', 'K8S', 'eth0', 'x') },
  );
  it('places each failure where matchSeq does, for any words in any block, with or without no', () => {
    assert.ok(vocabulary.length > 50, `${vocabulary.length} keywords`);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), fc.constantFrom(...COMMAND_BLOCKS), fc.boolean(), fc.constantFrom(undefined, '7.5', '10.2'), (ws, block, negated, version) => {
        assert.equal(probeMismatches(ws, block, negated, version), 0);
      }),
      { numRuns: 3000 },
    );
  });
});
