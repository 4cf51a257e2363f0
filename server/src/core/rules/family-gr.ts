/** GR family rules, in code order. */
import type { Rule } from './define';
import helperDisablesGracefulRestart from './helper-disables-graceful-restart';
import restartingSideLacksPreserveFwState from './restarting-side-lacks-preserve-fw-state';
import gracefulRestartInconsistentAcrossPeers from './graceful-restart-inconsistent-across-peers';
import stalepathTimeBelowRestartTime from './stalepath-time-below-restart-time';
import restartWindowBelowBudget from './restart-window-below-budget';
import restartTimeExceedsHoldTime from './restart-time-exceeds-hold-time';
import restartTimeZero from './restart-time-zero';
import conflictingGracefulRestartModes from './conflicting-graceful-restart-modes';
import explicitDefaultRestartTimeResetsSessions from './explicit-default-restart-time-resets-sessions';
import restartingFrrSendsCease from './restarting-frr-sends-cease';
import peerGroupGracefulRestartBroken from './peer-group-graceful-restart-broken';
import notificationDisabled from './notification-disabled';
import gracefulRestartToggled from './graceful-restart-toggled';
import gracefulRestartInNativeMode from './graceful-restart-in-native-mode';

export const GR_RULES: readonly Rule[] = [helperDisablesGracefulRestart, restartingSideLacksPreserveFwState, gracefulRestartInconsistentAcrossPeers, stalepathTimeBelowRestartTime, restartWindowBelowBudget, restartTimeExceedsHoldTime, restartTimeZero, conflictingGracefulRestartModes, explicitDefaultRestartTimeResetsSessions, restartingFrrSendsCease, peerGroupGracefulRestartBroken, notificationDisabled, gracefulRestartToggled, gracefulRestartInNativeMode];
