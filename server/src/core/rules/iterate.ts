/**
 * Loops of rules over the model. A rule runs once per lint, so its own loops are seldom optimized, and a
 * `for...of` loop that is not allocates an iterator result per element: per lint, a few dozen kilobytes
 * for each rule that walks every end or session. These index loops allocate nothing; the callback is
 * the loop body (`return` continues with the next element).
 */
import type { End, Model, Session, Verdict } from '../model/types';

/** Each element of `list`, in order. */
export function each<T>(list: readonly T[], body: (x: T) => void): void {
  for (let i = 0; i < list.length; i++) body(list[i]!);
}

/** Each session of the model, in order. */
export function eachSession(model: Model, body: (s: Session) => void): void {
  each(model.sessions, body);
}

/** Each verdict of each session, in session order (`a` restarts first, then `b`). */
export function eachVerdict(model: Model, body: (v: Verdict) => void): void {
  const sessions = model.sessions;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i]!;
    body(s.verdicts[0]);
    body(s.verdicts[1]);
  }
}

/** Each end of the model, in order. */
export function eachEnd(model: Model, body: (e: End) => void): void {
  each(model.ends, body);
}
