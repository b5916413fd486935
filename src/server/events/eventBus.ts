import type { DeskEvent } from '../../shared/events';

export type EventListener = (event: DeskEvent) => void;

/**
 * Fans per-user events out to every open stream of that user. This one process holds every stream
 * today; with several server instances, a Redis implementation publishes on a channel that each
 * instance subscribes to and hands to its own `InProcessEventBus`, so the callers do not change.
 */
export interface EventBus {
  /** Sends `event` to each of `userIds` (each at most once). Never throws: a lost event costs a refresh, not the change. */
  publish(userIds: Iterable<string>, event: DeskEvent): void;
  /** Calls `listener` with each event for `userId` until the returned function is called. */
  subscribe(userId: string, listener: EventListener): () => void;
}

/** The bus within one process. */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Map<string, Set<EventListener>>();

  constructor(private readonly onListenerError: (err: unknown) => void = () => undefined) {}

  publish(userIds: Iterable<string>, event: DeskEvent): void {
    for (const userId of new Set(userIds)) {
      for (const listener of [...(this.listeners.get(userId) ?? [])]) {
        try {
          listener(event);
        } catch (err) {
          this.onListenerError(err);
        }
      }
    }
  }

  subscribe(userId: string, listener: EventListener): () => void {
    let set = this.listeners.get(userId);
    if (!set) {
      set = new Set();
      this.listeners.set(userId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
    };
  }

  /** How many listeners are subscribed (for tests and diagnostics). */
  get size(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }
}
