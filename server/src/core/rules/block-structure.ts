// FRR505: a line that the block structure makes FRR reject. Docs: docs/rules/FRR505.md
import { defineRule } from './define';
import { reportFrrFamily } from './frr-lines';

export default defineRule({
  code: 'FRR505',
  name: 'block-structure',
  summary: 'a block closer with no open block, an address-family or other modelled command outside the block it belongs to',
  defaultSeverity: 'warning',
  scope: 'frr',
  fixAvailability: 'none',
  messages: {
    strayCloser: '"{word}" closes no open block',
    misplacedAddressFamily: '"{command}" is outside a router bgp block',
    misplaced: '"{command}" is not valid {where}: it belongs {expected}',
    afterExit: '"{command}" comes after the top-level "exit" on line {line}, where FRR stops reading',
    byteOrderMark: 'the file starts with a byte order mark, which FRR reads as part of the first command and rejects',
    loneCarriageReturn: 'a carriage return without a line feed: FRR ends lines only at a line feed and reads this line and the next as one',
  },
  check(ctx) {
    reportFrrFamily(ctx, 'FRR505');
  },
});
