/** GR family rules, in code order. */
import type { Rule } from './define';

export const GR_RULES: readonly Rule[] = [];
