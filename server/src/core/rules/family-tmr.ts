/** TMR family rules, in code order. */
import type { Rule } from './define';

export const TMR_RULES: readonly Rule[] = [];
