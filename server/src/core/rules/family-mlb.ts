/** MLB family rules, in code order. */
import type { Rule } from './define';

export const MLB_RULES: readonly Rule[] = [];
