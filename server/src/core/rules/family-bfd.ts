/** BFD family rules, in code order. */
import type { Rule } from './define';

export const BFD_RULES: readonly Rule[] = [];
