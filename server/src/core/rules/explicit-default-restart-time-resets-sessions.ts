// GR109: an explicit `restart-time 120` resets GR sessions on every reload of FRR 10.5/10.6. Docs: docs/rules/GR109.md
import type { BgpStatement, GrStatement } from '../frr/views';
import { FRR_DEFAULTS, instancesOf, instanceStatements } from '../model/effective';
import { versionInRange } from '../model/version';
import type { RelatedLocation } from '../finding';
import { defineRule } from './define';
import { deleteLineEdit, originLoc } from './fix-helpers';
import { statementText } from './gr-common';
import { writtenDocs } from './timer-helpers';

/** Affected releases: 10.5 (`ec2feb5ed4`) up to the fix `a2ab62764f`, which is in no release up to 10.6.x. */
const AFFECTED_FROM = '10.5';
const AFFECTED_TO = '10.7';

function isRestartTime(s: BgpStatement): s is GrStatement {
  return s.kind === 'gr-timer' && s.name === 'restart-time' && !s.negated;
}

export default defineRule({
  code: 'GR109',
  name: 'explicit-default-restart-time-resets-sessions',
  summary: 'an explicit bgp graceful-restart restart-time 120 resets all GR sessions on every frr-reload of FRR 10.5/10.6',
  defaultSeverity: 'warning',
  scope: 'frr',
  fixAvailability: 'sometimes',
  messages: {
    explicitDefault: '"{line}" writes out the default restart-time on FRR {version}: every frr-reload applies it again and resets all graceful-restart sessions',
  },
  check(ctx) {
    for (const doc of writtenDocs(ctx)) {
      const version = doc.frrVersion?.value;
      // Version-gated: silent when the version is unknown.
      if (version === undefined || !versionInRange(version, AFFECTED_FROM, AFFECTED_TO)) continue;
      const wide = doc.frr.globalGr.filter(isRestartTime);
      const scopes: { lines: GrStatement[]; outer: GrStatement[] }[] = [{ lines: wide, outer: [] }];
      for (const inst of instancesOf(doc)) scopes.push({ lines: instanceStatements(inst).gr.filter(isRestartTime), outer: wide });
      const versionLoc = doc.frrVersion ? originLoc(doc.frrVersion.origin) : undefined;
      for (const scope of scopes) {
        for (const s of scope.lines) {
          if (s.kind !== 'gr-timer' || s.value?.value !== FRR_DEFAULTS.restartTime) continue;
          const text = statementText(doc, s);
          // Deleting the line keeps the restart-time at 120 only when no other restart-time line would take over.
          const alone = scope.lines.length === 1 && scope.outer.length === 0;
          const e = alone ? deleteLineEdit(doc, s.line) : undefined;
          const related: RelatedLocation[] = versionLoc ? [{ loc: versionLoc, message: `FRR ${version}` }] : [];
          ctx.report({
            messageId: 'explicitDefault',
            data: { line: text, version },
            loc: doc.resolve(s.range),
            related,
            fixes: e ? [{ title: `Remove "${text}"`, applicability: 'safe', edits: [e] }] : [],
          });
        }
      }
    }
  },
});
