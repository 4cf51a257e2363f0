/** FRR family rules, in code order. */
import blockStructure from './block-structure';
import commandTooNew from './command-too-new';
import commandUnknown from './command-unknown';
import type { Rule } from './define';
import neighborNotDefined from './neighbor-not-defined';
import peerGroupNotDefined from './peer-group-not-defined';
import valueOutOfRange from './value-out-of-range';

export const FRR_RULES: readonly Rule[] = [valueOutOfRange, neighborNotDefined, peerGroupNotDefined, commandUnknown, blockStructure, commandTooNew];
