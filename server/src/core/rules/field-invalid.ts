// MLB402: a field of the wrong type, out of range or not in its enum, per the CRD. Docs: docs/rules/MLB402.md
import { defineRule } from './define';
import { controllerOf, describeNode, describeType, projectIssues, subjectOf } from './mlb-schema';

/** `"internal" or "external"`, `"a", "b" or "c"`. */
function alternatives(values: readonly string[]): string {
  const q = values.map((v) => JSON.stringify(v));
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

export default defineRule({
  code: 'MLB402',
  name: 'field-invalid',
  summary: 'a MetalLB or frr-k8s field of the wrong type, out of range or not in its enum, which admission rejects',
  defaultSeverity: 'error',
  scope: 'k8s',
  fixAvailability: 'none',
  reads: 'k8s',
  messages: {
    type: '{field} of {object} is {actual}, but the CRD wants {expected}',
    enum: '{field} of {object} is "{value}", which is not one of {allowed}',
    minimum: '{field} of {object} is {value}, below the minimum {limit} of the CRD',
    maximum: '{field} of {object} is {value}, above the maximum {limit} of the CRD',
    admissionMaximum: '{field} of {object} is {value}, above the maximum {limit} that {controller} accepts',
    maxLength: '{field} of {object} is {length} characters long, more than the {limit} the CRD allows',
    minItems: '{field} of {object} has {count} items, fewer than the {limit} the CRD requires',
    maxItems: '{field} of {object} has {count} items, more than the {limit} the CRD allows',
    cel: '{field} of {object} breaks a rule of the CRD: {rule}',
    ip: '{field} of {object} is "{value}", which is not an IP address: {controller} rejects it',
  },
  check(ctx) {
    const kinds = ['type', 'enum', 'minimum', 'maximum', 'admission-maximum', 'max-length', 'min-items', 'max-items', 'cel', 'ip'] as const;
    for (const { entry, issue } of projectIssues(ctx, kinds)) {
      const { label, field } = subjectOf(entry.o, issue.path);
      const base = { object: label, field };
      const loc = { uri: entry.uri, range: issue.at };
      switch (issue.kind) {
        case 'type':
          ctx.report({ messageId: 'type', data: { ...base, actual: describeNode(issue.node), expected: describeType(issue.expected) }, loc });
          break;
        case 'enum':
          ctx.report({ messageId: 'enum', data: { ...base, value: String(issue.node.value), allowed: alternatives(issue.allowed) }, loc });
          break;
        case 'minimum':
        case 'maximum':
          ctx.report({ messageId: issue.kind, data: { ...base, value: issue.node.source, limit: issue.limit }, loc });
          break;
        case 'admission-maximum':
          ctx.report({ messageId: 'admissionMaximum', data: { ...base, value: issue.node.source, limit: issue.limit, controller: controllerOf(entry.o) }, loc });
          break;
        case 'max-length':
          ctx.report({ messageId: 'maxLength', data: { ...base, length: issue.length, limit: issue.limit }, loc });
          break;
        case 'min-items':
        case 'max-items':
          ctx.report({ messageId: issue.kind === 'min-items' ? 'minItems' : 'maxItems', data: { ...base, count: issue.count, limit: issue.limit }, loc });
          break;
        case 'cel':
          ctx.report({ messageId: 'cel', data: { ...base, rule: issue.message }, loc });
          break;
        case 'ip':
          ctx.report({ messageId: 'ip', data: { ...base, value: issue.value, controller: controllerOf(entry.o) }, loc });
          break;
      }
    }
  },
});
