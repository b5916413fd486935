import { z } from 'zod';

/** What the channel uses of a Redis connection (ioredis; an in-memory hub in the tests). */
export interface PubSubConnection {
  publish(channel: string, message: string): Promise<number>;
  subscribe(channel: string): Promise<unknown>;
  on(event: 'message', listener: (channel: string, message: string) => void): unknown;
  quit(): Promise<unknown>;
}

/** What the instances tell each other (beside the Redis extension's own document channels). */
const MESSAGE = z.discriminatedUnion('kind', [
  /** Lock a body: its connections read-only, its in-flight updates refused; reply `locked` once stored. */
  z.object({ kind: z.literal('lock'), documentId: z.string(), request: z.string() }),
  z.object({ kind: z.literal('locked'), request: z.string(), to: z.string() }),
  /** Unlock a body and give each connection its user's rights again. */
  z.object({ kind: z.literal('refresh'), documentId: z.string() }),
  /** A stateless message for the open copies of a piece (changed, comments changed). */
  z.object({ kind: z.literal('announce'), documentId: z.string(), payload: z.string() }),
  /** Who has a piece open: each instance replies `here` with the users on its own connections. */
  z.object({ kind: z.literal('who'), documentId: z.string(), request: z.string() }),
  z.object({ kind: z.literal('here'), request: z.string(), to: z.string(), users: z.array(z.object({ id: z.string(), name: z.string() })) }),
  /** Per-user events for the users' event streams (待办), the event as its JSON. */
  z.object({ kind: z.literal('events'), userIds: z.array(z.string()), event: z.string() }),
  /** A settled login attempt, for every instance's login guard. */
  z.object({ kind: z.literal('login'), keys: z.array(z.string()), forget: z.array(z.string()), success: z.boolean(), at: z.number() }),
]);

/** One message between instances. */
export type ClusterMessage = z.infer<typeof MESSAGE>;
type Kind = ClusterMessage['kind'];
type Handler<K extends Kind> = (message: Extract<ClusterMessage, { kind: K }>, from: string) => void;

const ENVELOPE = z.object({ from: z.string(), message: MESSAGE });

/**
 * A Redis pub/sub channel every instance subscribes to. Each message names its sender; an instance
 * does not hear its own messages (a caller acts locally first, then publishes). Messages are JSON,
 * checked on arrival; one that does not parse is reported and dropped.
 */
export class ClusterChannel {
  private readonly handlers = new Map<Kind, Array<(message: ClusterMessage, from: string) => void>>();

  constructor(
    private readonly pub: PubSubConnection,
    private readonly sub: PubSubConnection,
    /** This instance's name in the cluster (unique per process). */
    readonly identifier: string,
    private readonly channel: string,
    private readonly onProblem: (problem: unknown, what: string) => void,
  ) {}

  /** Subscribes; resolves once messages can arrive. */
  async start(): Promise<void> {
    this.sub.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.receive(text);
    });
    await this.sub.subscribe(this.channel);
  }

  /** Calls `handler` with each message of `kind` from another instance. */
  on<K extends Kind>(kind: K, handler: Handler<K>): void {
    const list = this.handlers.get(kind) ?? [];
    list.push((message, from) => {
      if (message.kind === kind) handler(message as Extract<ClusterMessage, { kind: K }>, from);
    });
    this.handlers.set(kind, list);
  }

  /** Publishes `message`; resolves with how many instances (this one included) are subscribed. */
  async publish(message: ClusterMessage): Promise<number> {
    return this.pub.publish(this.channel, JSON.stringify({ from: this.identifier, message }));
  }

  /** `publish` without waiting: a failure is reported, never thrown. */
  send(message: ClusterMessage): void {
    this.publish(message).catch((err: unknown) => this.onProblem(err, `could not publish ${message.kind}`));
  }

  /** Unsubscribes and closes both connections. */
  async close(): Promise<void> {
    await Promise.allSettled([this.sub.quit(), this.pub.quit()]);
  }

  private receive(text: string): void {
    let parsed: z.infer<typeof ENVELOPE>;
    try {
      parsed = ENVELOPE.parse(JSON.parse(text));
    } catch (err) {
      this.onProblem(err, 'dropped an unreadable cluster message');
      return;
    }
    if (parsed.from === this.identifier) return;
    for (const handler of this.handlers.get(parsed.message.kind) ?? []) {
      try {
        handler(parsed.message, parsed.from);
      } catch (err) {
        this.onProblem(err, `a ${parsed.message.kind} handler failed`);
      }
    }
  }
}
