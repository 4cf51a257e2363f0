/** FRR family rules, in code order. */
import type { Rule } from './define';

export const FRR_RULES: readonly Rule[] = [];
