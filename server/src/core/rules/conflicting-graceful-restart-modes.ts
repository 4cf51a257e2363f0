// GR108: several graceful-restart mode lines in one scope; the last one wins. Docs: docs/rules/GR108.md
import type { BgpStatement, GrStatement, NeighborStatement } from '../frr/views';
import { normalizeAddress } from '../model/address';
import { instancesOf, instanceStatements } from '../model/effective';
import type { ModelDoc } from '../model/types';
import { compareVersions } from '../model/version';
import { defineRule, type RuleContext } from './define';
import { deleteLineEdit } from './fix-helpers';
import { statementText } from './gr-common';
import { writtenDocs } from './timer-helpers';

/** The first FRR release with BGP-wide (top-level) graceful-restart configuration (`4e276b93de`). */
const BGP_WIDE_GR = '10.2';

type ModeLine = { readonly statement: BgpStatement; readonly mode: string; readonly negated: boolean };

export default defineRule({
  code: 'GR108',
  name: 'conflicting-graceful-restart-modes',
  summary: 'more than one graceful-restart mode line in one scope; only the last one takes effect',
  defaultSeverity: 'warning',
  scope: 'frr',
  fixAvailability: 'always',
  messages: {
    overridden: '"{overridden}" is overridden by "{winner}" later in {scope}: the last graceful-restart mode line wins',
  },
  check(ctx) {
    // Rendered documents repeat the text of embedded ones; only real and embedded frr.conf text is read.
    for (const doc of writtenDocs(ctx)) {
      // Top-level (BGP-wide) GR lines exist since FRR 10.2; older releases reject them (docs/lab/vtysh-oracle.md).
      if (!doc.frrVersion || compareVersions(doc.frrVersion.value, BGP_WIDE_GR) >= 0) {
        checkScope(ctx, doc, doc.frr.globalGr.filter(isMode).map(globalLine), 'the top-level configuration');
      }
      for (const inst of instancesOf(doc)) {
        const stmts = instanceStatements(inst);
        const asn = inst.asn ?? inst.blocks[0]?.asnText?.value ?? '';
        const where = `router bgp ${asn}${inst.vrf ? ` vrf ${inst.vrf}` : ''}`.replace(/ $/, '');
        checkScope(ctx, doc, stmts.gr.filter(isMode).map(globalLine), where);
        const byTarget = new Map<string, { label: string; lines: ModeLine[] }>();
        for (const s of stmts.neighborGrModes) {
          const key = normalizeAddress(s.target.value) ?? s.target.value;
          let t = byTarget.get(key);
          if (!t) byTarget.set(key, (t = { label: `${stmts.peerGroups.has(s.target.value) ? 'peer-group' : 'neighbor'} ${s.target.value}`, lines: [] }));
          t.lines.push(peerLine(s));
        }
        for (const t of byTarget.values()) checkScope(ctx, doc, t.lines, `${t.label} of ${where}`);
      }
    }
  },
});

function isMode(s: BgpStatement): s is GrStatement & { kind: 'gr-mode' } {
  return s.kind === 'gr-mode';
}

function globalLine(s: GrStatement & { kind: 'gr-mode' }): ModeLine {
  return { statement: s, mode: s.mode, negated: s.negated };
}

function peerLine(s: NeighborStatement): ModeLine {
  return { statement: s, mode: s.command.kind === 'gr-mode' ? s.command.mode : '', negated: s.negated };
}

/**
 * Replays FRR's GR state machines (bgpd.c `local_GLOBAL_GR_FSM`, `local_Peer_GR_FSM`): a mode line moves
 * to its mode, so a different earlier mode line that is still in effect is overridden; the `no` form of
 * the current mode returns to the default (helper, or inherit), and any other `no` form is ignored.
 */
function checkScope(ctx: RuleContext, doc: ModelDoc, lines: readonly ModeLine[], scope: string): void {
  let active: ModeLine | undefined;
  for (const l of lines) {
    if (l.negated) {
      if (active && active.mode === l.mode) active = undefined;
      continue;
    }
    if (active && active.mode !== l.mode) report(ctx, doc, active, l, scope);
    active = l;
  }
}

function report(ctx: RuleContext, doc: ModelDoc, overridden: ModeLine, winner: ModeLine, scope: string): void {
  const text = statementText(doc, overridden.statement);
  const e = deleteLineEdit(doc, overridden.statement.line);
  ctx.report({
    messageId: 'overridden',
    data: { overridden: text, winner: statementText(doc, winner.statement), scope },
    loc: doc.resolve(overridden.statement.range),
    related: [{ loc: doc.resolve(winner.statement.range), message: 'this line takes effect' }],
    fixes: e ? [{ title: `Remove "${text}"`, applicability: 'safe', edits: [e] }] : [],
  });
}
