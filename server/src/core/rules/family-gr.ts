/** GR family rules, in code order. */
import type { Rule } from './define';
import helperDisablesGracefulRestart from './helper-disables-graceful-restart';
import restartingSideLacksPreserveFwState from './restarting-side-lacks-preserve-fw-state';

export const GR_RULES: readonly Rule[] = [helperDisablesGracefulRestart, restartingSideLacksPreserveFwState];
