/** GR family rules, in code order. */
import type { Rule } from './define';
import helperDisablesGracefulRestart from './helper-disables-graceful-restart';

export const GR_RULES: readonly Rule[] = [helperDisablesGracefulRestart];
