import * as Y from 'yjs';
import { OutgoingMessage, type Connection } from '@hocuspocus/server';
import type {
  Extension, afterUnloadDocumentPayload, beforeHandleMessagePayload, onChangePayload,
  onLoadDocumentPayload, onStoreDocumentPayload,
} from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { YjsStore } from './yjsStore';
import { inspectIncomingUpdate, readIncomingUpdate, takeOverIncomingUpdate, type DecodedUpdate } from './syncMessage';
import { SuggestionAuthorship } from './suggestionAuthorship';
import type { SuggestionHistoryLookup } from './suggestionHistory';
import { GroupCommitLog } from './groupCommit';
import { EDITS_REFUSED, encodeCollabMessage } from '../../shared/collabMessages';
import { contextUser, isBodyName } from './documentNames';
import { traced } from '../diagnostics/loopTrace';

/** Hocuspocus' own close when a message cannot be handled (@hocuspocus/common's ResetConnection). */
const RESET_CONNECTION = { code: 4205, reason: 'Reset Connection' };

interface Tracking {
  /**
   * Highest update id written for this document. Each was applied to the in-memory document before it
   * was appended, so a snapshot taken now covers every id up to this one.
   */
  lastId: number;
}

export interface PersistenceOptions {
  store: YjsStore;
  /** Who writes the update log's batches and compactions (default: `store`, on the server's own connection). */
  logWriter?: Pick<YjsStore, 'appendMany' | 'compact'>;
  log: Logger;
  /** Called (throttled by the caller) when a document's body changed. */
  onBodyChanged?: (documentName: string) => void;
  /** Seeds a body that has no stored state at all (review documents start empty). */
  seed: () => Uint8Array;
  /** True while a workflow transition is locking the body: incoming updates are refused. */
  isLocked?: (documentName: string) => boolean;
  /**
   * Judges a body update from a writable connection (修订: the checkpoint's holder may write while the
   * piece is in review, by suggestions only): `direct` stores it as before, `refused` refuses it.
   */
  judge?: (documentName: string, update: Uint8Array, userId: string | null) => Promise<'direct' | 'allowed' | 'refused'>;
  /** The suggestions each body has held, kept across unloads and instances (suggestionHistory.ts). */
  suggestionHistory?: SuggestionHistoryLookup;
  /** The names a user has been seen under (a page opened before a rename writes the old one). */
  formerNames?: (userId: string) => ReadonlySet<string>;
  /** Called when a user's direct update to a body was stored (who edited this revision; suggestions are not edits). */
  onEdit?: (documentName: string, userId: string) => void;
}

/**
 * Durable Yjs persistence. Every incoming update is appended to the update log *before* its sender is
 * told it is saved (the acknowledgement is sent here, after the commit), so an acknowledged edit
 * survives a SIGKILL. An accepted update is applied (and so broadcast) as soon as it is validated,
 * judged and not locked, and the connection's next message is handled without waiting for the
 * commit; only the acknowledgement waits. The updates of one event-loop turn share one transaction
 * (groupCommit.ts), and the batches commit in order. The debounced onStoreDocument folds the log into
 * a snapshot.
 */
export class PersistenceExtension implements Extension {
  readonly extensionName = 'persistence';
  private readonly tracking = new Map<string, Tracking>();
  private readonly loaded = new Map<string, Y.Doc>();
  private readonly refusedTold = new WeakSet<object>();
  /** The commit of each document's latest logged update (batches commit in order). */
  private readonly lastCommit = new Map<string, Promise<void>>();
  /** Documents whose log lost an update: the snapshot that stores it (true once committed). */
  private readonly unsafe = new Map<string, Promise<boolean>>();
  /** Connections whose update could not be stored: their further messages are refused. */
  private readonly failed = new WeakSet<Connection>();
  private compactionTurns: Promise<void> = Promise.resolve();
  /** Who wrote each 修订: a body update naming anyone but its sender as a suggestion's author is refused. */
  private readonly authorship: SuggestionAuthorship;
  /** The update log, written by group commit: one transaction per turn of the event loop. */
  readonly updateLog: GroupCommitLog;

  constructor(private readonly options: PersistenceOptions) {
    this.updateLog = new GroupCommitLog(options.logWriter ?? options.store);
    this.authorship = new SuggestionAuthorship(options.suggestionHistory);
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const { updates, lastUpdateId } = await this.options.store.load(documentName);
    const sources = updates.length > 0 || !isBodyName(documentName) ? updates : [this.options.seed()];
    for (const update of sources) {
      try {
        Y.applyUpdate(document, update);
      } catch (error) {
        // A stored update that cannot be applied must not keep the rest of the document from opening.
        this.options.log.error({ err: error, documentName }, 'skipped an unreadable stored update');
      }
    }
    if (updates.length === 0 && isBodyName(documentName)) await this.options.store.compact(documentName, Y.encodeStateAsUpdate(document), 0);
    this.tracking.set(documentName, { lastId: lastUpdateId });
    this.loaded.set(documentName, document);
  }

  async beforeHandleMessage({ documentName, update: raw, connection, document, context }: beforeHandleMessagePayload): Promise<void> {
    // Thrown, Hocuspocus drops this connection's queued messages too (its update could not be stored).
    if (this.failed.has(connection)) throw new Error('an earlier update of this connection could not be stored');
    let update: Uint8Array | null;
    let decoded: DecodedUpdate | null;
    try {
      update = traced('collab:read+validate', () => readIncomingUpdate(raw));
      // The validation: a malformed update throws here, before anything is stored.
      if (!update) return;
      const incoming = update;
      decoded = traced('collab:read+validate', () => inspectIncomingUpdate(incoming));
      // An update this hook does not take over is acknowledged by Hocuspocus when the hook returns (an
      // empty one, a refused one it holds already): not before what the document holds is committed.
      if (!decoded) return this.committed(documentName);
      if (this.options.isLocked?.(documentName)) connection.readOnly = true;
      if (connection.readOnly) {
        this.tellRefused(connection, document, update);
        return this.committed(documentName);
      }
    } catch (error) {
      // A client that sends what is not Yjs is broken: close its socket (1007: invalid payload data).
      // Nothing of the message is stored or applied; other connections go on.
      this.options.log.warn({ err: error, documentName }, 'closed a connection that sent a malformed update');
      connection.webSocket.close(1007, '收到的修改数据已损坏，连接已断开');
      throw error;
    }
    const user = contextUser(context);
    const userId = user?.id;
    const verdict = isBodyName(documentName) && this.options.judge ? await this.options.judge(documentName, update, userId ?? null) : 'direct';
    if (verdict === 'refused') {
      // Later updates of this client build on the refused one and could never be applied: as read-only.
      connection.readOnly = true;
      this.tellRefused(connection, document, update);
      return this.committed(documentName);
    }
    const writer = user && { id: user.id, name: user.displayName, formerNames: this.options.formerNames?.(user.id) };
    const authored = isBodyName(documentName) ? this.authorship.allows(documentName, document, decoded, writer) : true;
    const forged = !(typeof authored === 'boolean' ? authored : await authored);
    if (forged) this.options.log.warn({ documentName, userId }, 'refused a body update whose 修订 name someone other than its sender');
    if (forged || this.options.isLocked?.(documentName)) {
      // A suggestion under someone else's name, or a transition locked the body while this update was
      // being judged: refuse it, nothing stored or applied. (Checked here, in the turn that applies it.)
      connection.readOnly = true;
      this.tellRefused(connection, document, update);
      return this.committed(documentName);
    }
    // Accepted: applied now, in the same turn as the lock check above (no transition can come between),
    // so the other editors see it at once, as a bare relay would show it. The sender is told only once
    // the update is durable: the message is taken from Hocuspocus (which would apply it again and
    // acknowledge it when this hook returns) and acknowledged here after the commit, so that this
    // connection's next message need not wait for it. Should the server die before the commit, the
    // sender was never told and sends it again on reconnecting, and the others hold it too.
    const accepted = update;
    traced('collab:apply+broadcast', () => Y.applyUpdate(document, accepted, { source: 'connection', connection }));
    // Only the message's type bytes are rewritten: `update`, a view of the bytes after them, stays whole.
    // (It always carries an update here: `update` was read from it.)
    takeOverIncomingUpdate(raw);
    const durable = this.updateLog.append(documentName, update).then((id) => {
      if (userId && isBodyName(documentName) && verdict === 'direct') this.options.onEdit?.(documentName, userId);
      const tracking = this.tracking.get(documentName);
      if (tracking) tracking.lastId = Math.max(tracking.lastId, id);
      this.acknowledge(documentName, connection);
    });
    this.lastCommit.set(documentName, durable);
    durable.catch((error: unknown) => this.lost(documentName, document, connection, error));
  }

  /** Resolves once every update of `documentName` logged so far is committed (or failed). */
  private async committed(documentName: string): Promise<void> {
    await this.lastCommit.get(documentName)?.catch(() => undefined);
  }

  /** Tells `connection` its update is saved, once its document holds nothing the log lost. */
  private acknowledge(documentName: string, connection: Connection): void {
    const send = (): void => connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array());
    const repair = this.unsafe.get(documentName);
    if (!repair) send();
    else void repair.then((repaired) => (repaired ? send() : connection.close(RESET_CONNECTION)));
  }

  /**
   * An update was applied but its commit failed. Its sender is not told it is saved: the connection is
   * reset, and its messages still queued are refused. The client's reconnect would not send it again
   * (the document already holds it), so the server stores a snapshot of the document instead; until
   * that is committed no update of the document is acknowledged, not even one committed meanwhile
   * (it may build on the lost one).
   */
  private lost(documentName: string, document: Y.Doc, connection: Connection, error: unknown): void {
    this.options.log.error({ err: error, documentName }, 'could not write an update to the log: connection reset, storing a snapshot');
    this.failed.add(connection);
    connection.close(RESET_CONNECTION);
    if (this.unsafe.has(documentName)) return;
    this.unsafe.set(documentName, (async () => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          await this.compact(documentName, document);
          return true;
        } catch (err) {
          this.options.log.error({ err, documentName, attempt }, 'could not store the snapshot of a document whose log lost an update');
          await new Promise((r) => setTimeout(r, 500 * attempt));
        }
      }
      return false;
    })());
  }

  /**
   * A read-only connection sent changes the document does not have (typed offline before the piece
   * was locked): tell that client once, so it keeps them as a separate draft and stops resending.
   */
  private tellRefused(connection: beforeHandleMessagePayload['connection'], document: Y.Doc, update: Uint8Array): void {
    if (!isBodyName(connection.document.name) || this.refusedTold.has(connection)) return;
    if (Y.snapshotContainsUpdate(Y.snapshot(document), update)) return;
    this.refusedTold.add(connection);
    connection.sendStateless(encodeCollabMessage({ type: EDITS_REFUSED, documentId: connection.document.name }));
  }

  async onChange({ documentName }: onChangePayload): Promise<void> {
    this.options.onBodyChanged?.(documentName);
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.compact(documentName, document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.authorship.forget(documentName);
    this.tracking.delete(documentName);
    this.lastCommit.delete(documentName);
    this.loaded.delete(documentName);
  }

  /** Compacts every loaded document now: used on SIGTERM so the next start reads one snapshot each. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.loaded].map(([name, doc]) => this.compact(name, doc)));
  }

  /**
   * Compactions of many documents fall due together (typing that began together reaches Hocuspocus'
   * maxDebounce together: at 800 editors, 160 encodes in one timer phase, one turn of ~200 ms). Each
   * waits for a loop turn of its own, so the editors' messages are served between them.
   */
  private ownTurn(): Promise<void> {
    const turn = this.compactionTurns.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    this.compactionTurns = turn;
    return turn;
  }

  private async compact(documentName: string, document: Y.Doc): Promise<void> {
    await this.ownTurn();
    // Every update this extension has logged was applied first, so the snapshot taken now covers them all
    // (and one whose commit failed: this snapshot stores it).
    const through = this.tracking.get(documentName)?.lastId ?? 0;
    const repairing = this.unsafe.has(documentName);
    const state = traced('collab:compact encode', () => Y.encodeStateAsUpdate(document));
    await (this.options.logWriter ?? this.options.store).compact(documentName, state, through);
    if (repairing) this.unsafe.delete(documentName);
  }
}
