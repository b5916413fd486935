import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import * as Y from 'yjs';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Hocuspocus } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import type { Database } from '../db/schema';
import type { CollabGate } from '../review/collabGate';
import type { GroupCommitLog } from '../collab/groupCommit';
import type { YjsStore } from '../collab/yjsStore';
import type { LoginGuard } from '../auth/loginGuard';
import { ClusterChannel } from './clusterChannel';
import { ClusterGatePeers } from './clusterGatePeers';
import { ClusterEventBus } from './redisEventBus';
import { SharedCompaction } from './sharedCompaction';
import { redisSettingsFromUrl } from './redisSettings';

/** How an instance joins the others. */
export interface ClusterOptions {
  /** WENGAO_REDIS_URL. */
  redisUrl: string;
  log: Logger;
  /** Namespace of the Redis channels and keys (default `wengao`): instances of one desk share it. */
  prefix?: string;
}

/** The parts of this instance the cluster ties to the others, once they exist. */
export interface ClusterParts {
  gate: CollabGate;
  updateLog: Pick<GroupCommitLog, 'settled'>;
  store: Pick<YjsStore, 'load'>;
  collab: () => Hocuspocus;
  loginGuard: LoginGuard;
}

/** Logs a Redis connection error once, then again only when it changes or a minute has passed. */
class ErrorThrottle {
  private last = '';
  private at = 0;

  constructor(private readonly log: Pick<Logger, 'warn'>) {}

  report(err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (message === this.last && Date.now() - this.at < 60_000) return;
    this.last = message;
    this.at = Date.now();
    this.log.warn({ err }, 'Redis connection error (retrying)');
  }
}

/**
 * One desk-server instance among several (behind a balancer, on one PostgreSQL and one Redis):
 * Hocuspocus' own Redis extension carries the updates and awareness of each open document between
 * the instances; a channel of our own carries the review lock, the refresh after a transition, the
 * stateless announcements, the per-user events and the login guard's counts.
 */
export class DeskCluster {
  readonly identifier = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  /** Hocuspocus' Redis extension: add it to the server's extensions. */
  readonly extension: Redis;
  /** The per-user event bus of all instances. */
  readonly events: ClusterEventBus;
  private readonly channel: ClusterChannel;
  private peers: ClusterGatePeers | null = null;

  private constructor(private readonly options: ClusterOptions) {
    const prefix = options.prefix ?? 'wengao';
    this.extension = new Redis({ ...redisSettingsFromUrl(options.redisUrl), prefix, identifier: this.identifier });
    const problem = (err: unknown, what: string): void => options.log.warn({ err }, what);
    const [pub, sub] = [this.extension.pub.duplicate(), this.extension.pub.duplicate()];
    // ioredis reconnects by itself; without a listener each failed attempt is printed as unhandled.
    const errors = new ErrorThrottle(options.log);
    for (const connection of [this.extension.pub, this.extension.sub, pub, sub]) connection.on('error', (err: unknown) => errors.report(err));
    this.channel = new ClusterChannel(pub, sub, this.identifier, `${prefix}#desk`, problem);
    this.events = new ClusterEventBus(this.channel, (err) => options.log.error({ err }, 'an event listener failed'));
  }

  /** Connects to Redis; throws when it cannot be reached. */
  static async start(options: ClusterOptions): Promise<DeskCluster> {
    const cluster = new DeskCluster(options);
    try {
      await cluster.channel.start();
    } catch (err) {
      await cluster.close().catch(() => undefined);
      throw new Error(`cannot reach Redis at WENGAO_REDIS_URL (${redisSettingsFromUrl(options.redisUrl).host}): ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    return cluster;
  }

  /** The update log's compaction for several instances (one at a time per document, nothing dropped unmerged). */
  compaction(db: Kysely<Database>, store: Pick<YjsStore, 'appendMany'>, onWritten?: (name: string) => void): SharedCompaction {
    return new SharedCompaction(db, store, onWritten);
  }

  /** Ties the review lock, announcements and login counts of this instance to the others. */
  join(parts: ClusterParts): void {
    const { log } = this.options;
    this.peers = new ClusterGatePeers(this.channel, {
      gate: parts.gate,
      settled: () => parts.updateLog.settled(),
      catchUp: async (documentId) => {
        const live = parts.collab().documents.get(documentId);
        if (!live) return;
        const { updates } = await parts.store.load(documentId);
        for (const update of updates) Y.applyUpdate(live, update, { source: 'local' });
      },
      log,
    });
    parts.gate.joinPeers(this.peers);
    parts.loginGuard.shareWith((attempt) => this.channel.send({ kind: 'login', ...attempt }));
    this.channel.on('login', ({ keys, forget, success, at }) => parts.loginGuard.replay({ keys, forget, success, at }));
  }

  /** Leaves Redis (after the server stopped accepting). */
  async close(): Promise<void> {
    this.peers?.close();
    await this.channel.close();
    await this.extension.onDestroy();
  }
}
