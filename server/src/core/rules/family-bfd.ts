/** BFD family rules, in code order. */
import type { Rule } from './define';
import bfdTearsDownGracefulRestart from './bfd-tears-down-graceful-restart';

export const BFD_RULES: readonly Rule[] = [bfdTearsDownGracefulRestart];
