// MLB404: a required field is missing, or none of a required pair is set. Docs: docs/rules/MLB404.md
import { defineRule } from './define';
import { controllerOf, projectIssues, subjectOf } from './mlb-schema';

export default defineRule({
  code: 'MLB404',
  name: 'field-required',
  summary: 'a required MetalLB or frr-k8s field is missing, or none of a required pair is set',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    missing: 'missing required field {field} in {object}',
    zero: '{field} of {object} is {value}, which {controller} treats as unset, but it is required',
    none: 'neither {first} nor {second} is set in {object}, and {controller} requires one of them',
  },
  check(ctx) {
    for (const { entry, issue } of projectIssues(ctx, ['required', 'zero', 'none-of'])) {
      const loc = { uri: entry.uri, range: issue.at };
      const controller = controllerOf(entry.o);
      if (issue.kind === 'required') {
        const { label, field } = subjectOf(entry.o, [...issue.path, issue.field]);
        ctx.report({ messageId: 'missing', data: { object: label, field }, loc });
      } else if (issue.kind === 'zero') {
        const { label, field } = subjectOf(entry.o, issue.path);
        const v = issue.entry.value;
        const value = v.kind === 'scalar' && !v.redacted ? v.source : 'empty';
        ctx.report({ messageId: 'zero', data: { object: label, field, value, controller }, loc });
      } else {
        const [a, b] = issue.group.fields.map((f) => subjectOf(entry.o, [...issue.path, f]));
        ctx.report({ messageId: 'none', data: { object: a!.label, first: a!.field, second: b!.field, controller }, loc });
      }
    }
  },
});
