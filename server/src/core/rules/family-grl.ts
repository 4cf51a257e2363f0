/** GRL family rules, in code order. */
import type { Rule } from './define';

export const GRL_RULES: readonly Rule[] = [];
