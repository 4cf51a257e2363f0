// FRR502: a neighbor command names a neighbor that is not defined before it. Docs: docs/rules/FRR502.md
import { defineRule } from './define';
import { reportFrrFamily } from './frr-lines';

export default defineRule({
  code: 'FRR502',
  name: 'neighbor-not-defined',
  summary: 'a neighbor command comes before the neighbor has a remote-as or peer-group, so bgpd refuses it',
  // Warning, not the catalog's error: FRR's own syntax check (`vtysh -C`) accepts the line and only bgpd
  // drops it when it loads the file; grlint reports no error where FRR's checker is silent.
  defaultSeverity: 'warning',
  scope: 'frr',
  fixAvailability: 'none',
  messages: {
    undefined: 'neighbor {peer} has no remote-as or peer-group before this line in router bgp {instance}',
    notAName: '"{peer}" is not an address, and no peer-group or interface neighbor "{peer}" is defined before this line in router bgp {instance}',
  },
  check(ctx) {
    reportFrrFamily(ctx, 'FRR502');
  },
});
