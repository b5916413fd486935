import * as Y from 'yjs';
import type {
  Extension, afterUnloadDocumentPayload, beforeHandleMessagePayload, onChangePayload,
  onLoadDocumentPayload, onStoreDocumentPayload,
} from '@hocuspocus/server';
import type { Logger } from 'pino';
import type { YjsStore } from './yjsStore';
import { assertWellFormedUpdate, isEmptyUpdate, readIncomingUpdate } from './syncMessage';

interface Tracking {
  /** Highest update id written for this document. */
  lastId: number;
  /** Ids written but not yet applied to the in-memory document. */
  inFlight: Set<number>;
}

export interface PersistenceOptions {
  store: YjsStore;
  log: Logger;
  /** Called (throttled by the caller) when a document's body changed. */
  onBodyChanged?: (documentName: string) => void;
  /** Seeds a document that has no stored state at all. */
  seed: () => Uint8Array;
}

/**
 * Durable Yjs persistence. Every incoming update is appended to the update log *before* Hocuspocus
 * applies and acknowledges it (beforeHandleMessage is awaited, per connection, in order), so an
 * acknowledged edit survives a SIGKILL. The debounced onStoreDocument folds the log into a snapshot.
 */
export class PersistenceExtension implements Extension {
  readonly extensionName = 'persistence';
  private readonly tracking = new Map<string, Tracking>();
  private readonly pending = new WeakMap<Uint8Array, { name: string; id: number }>();
  private readonly loaded = new Map<string, Y.Doc>();

  constructor(private readonly options: PersistenceOptions) {}

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    const { updates, lastUpdateId } = await this.options.store.load(documentName);
    const sources = updates.length > 0 ? updates : [this.options.seed()];
    for (const update of sources) {
      try {
        Y.applyUpdate(document, update);
      } catch (error) {
        // A stored update that cannot be applied must not keep the rest of the document from opening.
        this.options.log.error({ err: error, documentName }, 'skipped an unreadable stored update');
      }
    }
    if (updates.length === 0) await this.options.store.compact(documentName, Y.encodeStateAsUpdate(document), 0);
    this.tracking.set(documentName, { lastId: lastUpdateId, inFlight: new Set() });
    this.loaded.set(documentName, document);
  }

  async beforeHandleMessage({ documentName, update: raw, connection }: beforeHandleMessagePayload): Promise<void> {
    let update: Uint8Array | null;
    try {
      update = readIncomingUpdate(raw);
      if (!update || connection.readOnly || isEmptyUpdate(update)) return;
      assertWellFormedUpdate(update);
    } catch (error) {
      // A client that sends what is not Yjs is broken: close its socket (1007: invalid payload data).
      // Nothing of the message is stored or applied; other connections go on.
      this.options.log.warn({ err: error, documentName }, 'closed a connection that sent a malformed update');
      connection.webSocket.close(1007, 'malformed update');
      throw error;
    }
    const id = await this.options.store.append(documentName, update);
    const tracking = this.tracking.get(documentName);
    if (tracking) {
      tracking.lastId = Math.max(tracking.lastId, id);
      tracking.inFlight.add(id);
    }
    this.pending.set(raw, { name: documentName, id });
  }

  async afterHandleMessage({ update: raw }: beforeHandleMessagePayload): Promise<void> {
    const written = this.pending.get(raw);
    if (written) this.tracking.get(written.name)?.inFlight.delete(written.id);
  }

  async onChange({ documentName }: onChangePayload): Promise<void> {
    this.options.onBodyChanged?.(documentName);
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    await this.compact(documentName, document);
  }

  async afterUnloadDocument({ documentName }: afterUnloadDocumentPayload): Promise<void> {
    this.tracking.delete(documentName);
    this.loaded.delete(documentName);
  }

  /** Compacts every loaded document now: used on SIGTERM so the next start reads one snapshot each. */
  async flushAll(): Promise<void> {
    await Promise.all([...this.loaded].map(([name, doc]) => this.compact(name, doc)));
  }

  private async compact(documentName: string, document: Y.Doc): Promise<void> {
    const tracking = this.tracking.get(documentName);
    // Only updates already applied to the document are covered by the snapshot taken now.
    const through = !tracking ? 0 : tracking.inFlight.size > 0 ? Math.min(...tracking.inFlight) - 1 : tracking.lastId;
    await this.options.store.compact(documentName, Y.encodeStateAsUpdate(document), through);
  }
}
