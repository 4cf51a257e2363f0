/** TMR family rules, in code order. */
import type { Rule } from './define';
import holdTimeInvalid from './hold-time-invalid';

export const TMR_RULES: readonly Rule[] = [holdTimeInvalid];
