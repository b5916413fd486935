import { parseDeskEvent, type DeskEvent } from '../../shared/events';
import { InProcessEventBus, type EventBus, type EventListener } from '../events/eventBus';
import type { ClusterChannel } from './clusterChannel';

/**
 * The event bus of several instances: an event raised on one instance reaches the user's streams on
 * every instance. Delivered here at once (as the in-process bus does), and published on the cluster
 * channel for the others, which hand it to their own in-process bus.
 */
export class ClusterEventBus implements EventBus {
  private readonly local: InProcessEventBus;

  constructor(private readonly channel: ClusterChannel, onListenerError: (err: unknown) => void) {
    this.local = new InProcessEventBus(onListenerError);
    channel.on('events', ({ userIds, event }) => {
      const parsed = parseDeskEvent(event);
      if (parsed) this.local.publish(userIds, parsed);
    });
  }

  publish(userIds: Iterable<string>, event: DeskEvent): void {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    this.local.publish(unique, event);
    this.channel.send({ kind: 'events', userIds: unique, event: JSON.stringify(event) });
  }

  subscribe(userId: string, listener: EventListener): () => void {
    return this.local.subscribe(userId, listener);
  }
}
