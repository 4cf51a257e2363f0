/** TMR family rules, in code order. */
import type { Rule } from './define';
import holdTimeInvalid from './hold-time-invalid';
import keepaliveExceedsHoldTime from './keepalive-exceeds-hold-time';
import keepaliveClamped from './keepalive-clamped';
import durationTruncated from './duration-truncated';
import timersHalfSpecified from './timers-half-specified';
import holdTimeZero from './hold-time-zero';
import holdTimeMismatch from './hold-time-mismatch';
import connectTimeInvalid from './connect-time-invalid';
import durationInvalid from './duration-invalid';

export const TMR_RULES: readonly Rule[] = [
  holdTimeInvalid,
  keepaliveExceedsHoldTime,
  keepaliveClamped,
  durationTruncated,
  timersHalfSpecified,
  holdTimeZero,
  holdTimeMismatch,
  connectTimeInvalid,
  durationInvalid,
];
