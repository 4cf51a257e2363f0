/**
 * Young-generation collections at idle moments instead of in the middle of an edit's work.
 *
 * Every edit re-parses and re-lints the edited document, and the young generation fills up every few
 * edits; the scavenge that then empties it runs inside whichever edit's work happens to fill it, and
 * that edit's diagnostics come 10-30 ms late (docs/performance.md). After the diagnostics of an edit
 * are sent, `IdleScavenger` estimates whether the next edit would fill the young generation (its
 * occupancy plus what the last edit allocated) and, if so, the server collects it right away when
 * nothing is waiting, as a browser schedules collections in idle time. The collection is the same one V8
 * would run a little later; only its moment changes. Needs `gc` (node `--expose-gc`, in
 * SERVER_NODE_FLAGS); without it nothing is collected early.
 */
import { getHeapSpaceStatistics } from 'node:v8';

type MinorGc = () => void;

/**
 * V8 posts a scavenge as a task once the young generation is this full (its `--scavenge-task-trigger`,
 * 80%), and that task runs at the next turn of the event loop: possibly between an edit's notification
 * and its lint. So the next edit must stay below this fraction, not only below the capacity.
 */
const TASK_TRIGGER = 0.8;

/** Occupancy of the young generation (bytes): its new space and its large objects, and the capacity. */
export interface YoungGeneration {
  readonly used: number;
  readonly capacity: number;
}

export function youngGeneration(): YoungGeneration {
  let used = 0;
  let capacity = 0;
  for (const s of getHeapSpaceStatistics()) {
    if (s.space_name === 'new_space') {
      used += s.space_used_size;
      capacity = s.space_used_size + s.space_available_size;
    } else if (s.space_name === 'new_large_object_space') {
      used += s.space_used_size;
    }
  }
  return { used, capacity };
}

export class IdleScavenger {
  /** Young-generation use after the previous edit's work, when known. */
  private last: number | undefined;
  /** What one edit allocated, from the last two edits without a collection between them. */
  private perEdit = 0;

  constructor(
    private readonly collect: MinorGc | undefined,
    private readonly measure: () => YoungGeneration = youngGeneration,
  ) {}

  /** A scavenger that collects with node's `gc` when the process runs with `--expose-gc`. */
  static fromProcess(): IdleScavenger {
    const g = (globalThis as { gc?: unknown }).gc;
    return new IdleScavenger(typeof g === 'function' ? () => (g as (o: { type: 'minor' }) => void)({ type: 'minor' }) : undefined);
  }

  /**
   * Called when an edit's diagnostics have been sent: true when the next edit like it would fill the
   * young generation (past V8's scavenge task trigger), so that collecting now, while idle, keeps the
   * collection out of its work.
   */
  workDone(): boolean {
    if (!this.collect) return false;
    const { used, capacity } = this.measure();
    // Use only grows between collections; a drop means one ran, and the difference says nothing.
    if (this.last !== undefined && used >= this.last) this.perEdit = used - this.last;
    this.last = used;
    return this.perEdit > 0 && used + this.perEdit > TASK_TRIGGER * capacity;
  }

  /** Collects the young generation now (call only while nothing waits). */
  collectNow(): void {
    if (!this.collect) return;
    this.collect();
    this.last = this.measure().used;
  }
}

/**
 * After an edit's diagnostics: collects the young generation if the next edit would fill it (`workDone`),
 * once every notification in `sent` has been written and, at the next turn of the event loop after that,
 * `busy` says no lint is waiting (the event loop reads what has arrived first). Waiting for the writes
 * matters: a publication larger than the pipe's buffer leaves in pieces as the client reads it, and a
 * collection between two pieces would hold the rest back for as long as it runs.
 */
export function collectWhenSent(scavenger: IdleScavenger, sent: readonly Promise<unknown>[], busy: () => boolean): void {
  if (!scavenger.workDone()) return;
  void Promise.allSettled(sent).then(() => {
    setImmediate(() => {
      if (!busy()) scavenger.collectNow();
    });
  });
}
