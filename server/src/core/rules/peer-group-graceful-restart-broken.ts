// GR111: a peer-group GR mode that the file's FRR version does not apply to its members. Docs: docs/rules/GR111.md
import type { RelatedLocation } from '../finding';
import { FRR_PEER_GROUP_GR_MODE_IGNORED, instancesOf, instanceStatements } from '../model/effective';
import { compareVersions, versionInRange } from '../model/version';
import { defineRule } from './define';
import { originLoc } from './fix-helpers';
import { statementText } from './gr-common';
import { writtenDocs } from './timer-helpers';

/** 10.2.0 refuses the line (`15403f521a`; FRR issue #17496); 10.2.1 and 10.3 fixed it (`0a85b1ba04`). */
const REFUSED_VERSION = '10.2.0';

export default defineRule({
  code: 'GR111',
  name: 'peer-group-graceful-restart-broken',
  summary: 'a graceful-restart mode on a peer-group, which FRR before 10.2.1 does not apply to the members (10.2.0 refuses it)',
  defaultSeverity: 'warning',
  scope: 'frr',
  fixAvailability: 'none',
  messages: {
    refused:
      '"{line}" sets a graceful-restart mode on peer-group {group}, which FRR {version} refuses: its members keep the mode they inherit from the router',
    ignored:
      '"{line}" sets a graceful-restart mode on peer-group {group}, which FRR {version} accepts but does not apply to the members: they keep the mode they inherit from the router',
  },
  check(ctx) {
    for (const doc of writtenDocs(ctx)) {
      const version = doc.frrVersion?.value;
      // Version-gated: silent when the version is unknown. `10.2` is 10.2.0.
      if (version === undefined || !versionInRange(version, FRR_PEER_GROUP_GR_MODE_IGNORED.from, FRR_PEER_GROUP_GR_MODE_IGNORED.to)) continue;
      const messageId = compareVersions(version, REFUSED_VERSION) === 0 ? 'refused' : 'ignored';
      const versionLoc = doc.frrVersion ? originLoc(doc.frrVersion.origin) : undefined;
      for (const inst of instancesOf(doc)) {
        const { peerGroups, neighborGrModes } = instanceStatements(inst);
        for (const s of neighborGrModes) {
          if (s.command.kind !== 'gr-mode' || s.negated || !peerGroups.has(s.target.value)) continue;
          const related: RelatedLocation[] = versionLoc ? [{ loc: versionLoc, message: `FRR ${version}` }] : [];
          ctx.report({
            messageId,
            data: { line: statementText(doc, s), group: s.target.value, version },
            loc: doc.resolve(s.range),
            related,
          });
        }
      }
    }
  },
});
