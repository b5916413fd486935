import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { CollabGate, GatePeers } from '../review/collabGate';
import { DeskError } from '../errors';
import type { ClusterChannel } from './clusterChannel';

/** What the review lock across instances works with on this instance. */
export interface ClusterGateOptions {
  /** This instance's gate: what a peer's lock, refresh and announcement do here. */
  gate: Pick<CollabGate, 'lockHere' | 'refreshHere' | 'sendHere' | 'newRevision' | 'openHere'>;
  /** Resolves once every update this instance accepted is stored (the group commit drained). */
  settled: () => Promise<void>;
  /** Brings this instance's open copy of the body up to what is stored (the peers' last edits). */
  catchUp: (documentId: string) => Promise<void>;
  log: Pick<Logger, 'warn' | 'error'>;
  /** How long a lock waits for the other instances' replies (an instance that died does not reply). */
  replyTimeoutMs?: number;
  /** How long "who has it open" waits for the other instances (default 500 ms). */
  whoTimeoutMs?: number;
  /** A peer's lock that no refresh follows (its instance died mid-transition) lifts after this long. */
  lockExpiryMs?: number;
}

interface Waiting { replies: number; expected: number; done: () => void }

/**
 * The review lock across instances. A transition on this instance locks the body here, then tells
 * the others over the cluster channel and waits until each has locked it (its connections read-only,
 * its in-flight updates refused) and stored what it had already accepted; then brings its own copy up
 * to the stored state, so the content the transition reads holds every acknowledged edit, wherever
 * it was typed. The refresh and the stateless announcements (changed, comments changed) follow the
 * same channel.
 */
export class ClusterGatePeers implements GatePeers {
  private readonly waiting = new Map<string, Waiting>();
  private readonly expiries = new Map<string, NodeJS.Timeout>();
  private readonly asking = new Map<string, { users: Array<{ id: string; name: string }>; replies: number; expected: number; done: () => void }>();

  constructor(private readonly channel: ClusterChannel, private readonly options: ClusterGateOptions) {
    const { gate, log } = options;
    channel.on('lock', ({ documentId, request }, from) => {
      gate.lockHere(documentId);
      this.expireLater(documentId);
      options.settled()
        .catch((err: unknown) => log.error({ err, documentId }, 'could not store the accepted updates before a peer lock'))
        .finally(() => channel.send({ kind: 'locked', request, to: from }));
    });
    channel.on('locked', ({ request, to }) => {
      if (to !== channel.identifier) return;
      const waiting = this.waiting.get(request);
      if (!waiting) return;
      waiting.replies += 1;
      if (waiting.replies >= waiting.expected) waiting.done();
    });
    channel.on('refresh', ({ documentId }) => {
      clearTimeout(this.expiries.get(documentId));
      this.expiries.delete(documentId);
      // The transition may have begun a new revision: edits are counted afresh (recording one again is harmless).
      gate.newRevision(documentId);
      gate.refreshHere(documentId).catch((err: unknown) => log.error({ err, documentId }, 'could not refresh after a peer transition'));
    });
    channel.on('announce', ({ documentId, payload }) => gate.sendHere(documentId, payload));
    channel.on('who', ({ documentId, request }, from) => channel.send({ kind: 'here', request, to: from, users: gate.openHere(documentId) }));
    channel.on('here', ({ request, to, users }) => {
      const asking = to === channel.identifier ? this.asking.get(request) : undefined;
      if (!asking) return;
      asking.users.push(...users);
      asking.replies += 1;
      if (asking.replies >= asking.expected) asking.done();
    });
  }

  /** Asks every other instance who has the piece open; waits at most `whoTimeoutMs` (a preview, not a lock). */
  async openBy(documentId: string): Promise<Array<{ id: string; name: string }>> {
    const request = randomUUID();
    const users: Array<{ id: string; name: string }> = [];
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<void>((resolve) => {
      this.asking.set(request, { users, replies: 0, expected: Number.POSITIVE_INFINITY, done: resolve });
      timer = setTimeout(resolve, this.options.whoTimeoutMs ?? 500);
    });
    try {
      const subscribers = await this.channel.publish({ kind: 'who', documentId, request });
      const asking = this.asking.get(request);
      if (asking) {
        asking.expected = subscribers - 1;
        if (asking.replies >= asking.expected) asking.done();
      }
      await answered;
    } catch (err) {
      this.options.log.warn({ err, documentId }, 'could not ask the other instances who has a piece open');
    } finally {
      clearTimeout(timer);
      this.asking.delete(request);
    }
    return users;
  }

  async lock(documentId: string): Promise<void> {
    const request = randomUUID();
    const timeoutMs = this.options.replyTimeoutMs ?? 2_000;
    let timer: NodeJS.Timeout | undefined;
    const replied = new Promise<boolean>((resolve) => {
      this.waiting.set(request, { replies: 0, expected: Number.POSITIVE_INFINITY, done: () => resolve(true) });
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      let subscribers: number;
      try {
        subscribers = await this.channel.publish({ kind: 'lock', documentId, request });
      } catch (err) {
        this.options.log.error({ err, documentId }, 'could not lock a piece on the other instances');
        throw new DeskError('busy', '暂时无法通知其他服务器锁定此文稿，请稍后再试');
      }
      const waiting = this.waiting.get(request);
      if (waiting) {
        waiting.expected = subscribers - 1;
        if (waiting.replies >= waiting.expected) waiting.done();
      }
      if (!await replied) this.options.log.warn({ documentId, subscribers, timeoutMs }, 'not every instance confirmed a lock in time: went on without it');
    } finally {
      clearTimeout(timer);
      this.waiting.delete(request);
    }
    await this.options.catchUp(documentId);
  }

  refresh(documentId: string): void {
    this.channel.send({ kind: 'refresh', documentId });
  }

  announce(documentId: string, payload: string): void {
    this.channel.send({ kind: 'announce', documentId, payload });
  }

  /** Drops the pending expiries (at shutdown). */
  close(): void {
    for (const timer of this.expiries.values()) clearTimeout(timer);
    this.expiries.clear();
  }

  private expireLater(documentId: string): void {
    clearTimeout(this.expiries.get(documentId));
    const timer = setTimeout(() => {
      this.expiries.delete(documentId);
      this.options.log.warn({ documentId }, 'a peer lock was never lifted (its instance stopped?): refreshed here');
      this.options.gate.refreshHere(documentId).catch(() => undefined);
    }, this.options.lockExpiryMs ?? 120_000);
    timer.unref();
    this.expiries.set(documentId, timer);
  }
}
