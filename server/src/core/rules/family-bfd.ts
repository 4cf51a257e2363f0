/** BFD family rules, in code order. */
import type { Rule } from './define';
import bfdTearsDownGracefulRestart from './bfd-tears-down-graceful-restart';
import bfdProfileUndefined from './bfd-profile-undefined';
import controlPlaneCheckBothSides from './control-plane-check-both-sides';
import bfdOneSided from './bfd-one-sided';

export const BFD_RULES: readonly Rule[] = [bfdTearsDownGracefulRestart, bfdProfileUndefined, controlPlaneCheckBothSides, bfdOneSided];
