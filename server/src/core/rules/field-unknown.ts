// MLB403: a field the CRD does not have; strict field validation rejects it. Docs: docs/rules/MLB403.md
import type { Fix } from '../finding';
import { nearestName } from '../k8s/schema';
import { mapEntry } from '../k8s/ynode';
import { defineRule } from './define';
import { projectIssues, subjectOf } from './mlb-schema';
import { replaceScalarEdit } from './timer-helpers';

export default defineRule({
  code: 'MLB403',
  name: 'field-unknown',
  summary: 'a field the MetalLB or frr-k8s CRD does not have, such as a misspelt enableGracefulRestart',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'sometimes',
  reads: 'k8s',
  messages: {
    unknown: 'unknown field "{key}" in {where}',
    suggest: 'unknown field "{key}" in {where}; did you mean "{suggestion}"',
    otherVersion: 'unknown field "{key}" in {where}: {apiVersion} does not have it, {otherVersion} does',
  },
  check(ctx) {
    for (const { entry, issue } of projectIssues(ctx, ['unknown'])) {
      const parentPath = issue.path.slice(0, -1);
      const { label, field } = subjectOf(entry.o, parentPath);
      const data = { key: issue.key, where: field === '' ? label : `${field} of ${label}` };
      const loc = { uri: entry.uri, range: issue.at };
      const group = entry.o.apiVersion?.value.split('/')[0] ?? '';
      if (issue.otherVersion) {
        ctx.report({
          messageId: 'otherVersion',
          data: { ...data, apiVersion: entry.o.apiVersion?.value ?? '', otherVersion: `${group}/${issue.otherVersion}` },
          loc,
        });
        continue;
      }
      // A key that only differs in case, or by a typo of up to a third of its length.
      const suggestion = nearestName(issue.key, issue.known);
      if (suggestion === undefined) {
        ctx.report({ messageId: 'unknown', data, loc });
        continue;
      }
      const fixes: Fix[] = [];
      // Renaming onto a key the mapping already has would make a duplicate key.
      if (!mapEntry(issue.map, suggestion)) {
        const edit = replaceScalarEdit(ctx, entry.uri, issue.entry.keyRange, suggestion);
        if (edit) fixes.push({ title: `Rename "${issue.key}" to "${suggestion}"`, applicability: 'safe', edits: [edit] });
      }
      ctx.report({ messageId: 'suggest', data: { ...data, suggestion }, loc, fixes });
    }
  },
});
