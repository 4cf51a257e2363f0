// MLB405: two fields that admission accepts only one of are both set. Docs: docs/rules/MLB405.md
import { defineRule } from './define';
import { controllerOf, projectIssues, subjectOf } from './mlb-schema';

export default defineRule({
  code: 'MLB405',
  name: 'fields-mutually-exclusive',
  summary: 'peerASN with dynamicASN, peerAddress with interface, or password with passwordSecret, which admission rejects',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    both: '{object} sets both {first} and {second}, which {controller} rejects',
  },
  check(ctx) {
    for (const { entry, issue } of projectIssues(ctx, ['both-of'])) {
      const [a, b] = issue.entries.map((e) => subjectOf(entry.o, [...issue.path, e.key]));
      ctx.report({
        messageId: 'both',
        data: { object: a!.label, first: a!.field, second: b!.field, controller: controllerOf(entry.o) },
        loc: { uri: entry.uri, range: issue.at },
        related: [{ loc: { uri: entry.uri, range: issue.entries[0]!.keyRange }, message: `${a!.field} is set here` }],
      });
    }
  },
});
