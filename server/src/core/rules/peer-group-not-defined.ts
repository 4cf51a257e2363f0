// FRR503: a line names a peer-group that is not defined before it. Docs: docs/rules/FRR503.md
import { defineRule } from './define';
import { reportFrrFamily } from './frr-lines';

export default defineRule({
  code: 'FRR503',
  name: 'peer-group-not-defined',
  summary: 'a neighbor or listen range joins a peer-group that is not defined before it, so bgpd refuses it',
  // Warning, not the catalog's error: FRR's own syntax check (`vtysh -C`) accepts the line and only bgpd
  // drops it when it loads the file; grlint reports no error where FRR's checker is silent.
  defaultSeverity: 'warning',
  scope: 'frr',
  fixAvailability: 'none',
  messages: {
    undefined: 'peer-group "{group}" is not defined before this line in router bgp {instance}',
  },
  check(ctx) {
    reportFrrFamily(ctx, 'FRR503');
  },
});
