import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface StoredState {
  /** The snapshot first, then every logged update after it, in order. */
  updates: Uint8Array[];
  /** The id of the last logged update, or 0. */
  lastUpdateId: number;
}

/**
 * Durable Yjs state per document name: an append-only update log (written before the server
 * acknowledges an update) plus a snapshot that compaction folds the log into.
 */
export class YjsStore {
  /** `onWritten` hears the name of every document whose state was written (an update appended, a snapshot stored). */
  constructor(private readonly db: Kysely<Database>, private readonly onWritten?: (name: string) => void) {}

  async append(name: string, update: Uint8Array): Promise<number> {
    const row = await this.db.insertInto('doc_updates')
      .values({ name, data: update, created_at: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    this.onWritten?.(name);
    return Number(row.id);
  }

  /**
   * Appends several updates in one transaction (one commit, one fsync) and returns their ids in the
   * order given: all are stored or none is.
   */
  async appendMany(entries: ReadonlyArray<{ name: string; update: Uint8Array }>): Promise<number[]> {
    const createdAt = new Date().toISOString();
    const stored = await this.db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (const { name, update } of entries) {
        const row = await trx.insertInto('doc_updates').values({ name, data: update, created_at: createdAt })
          .returning('id').executeTakeFirstOrThrow();
        ids.push(Number(row.id));
      }
      return ids;
    });
    for (const name of new Set(entries.map((e) => e.name))) this.onWritten?.(name);
    return stored;
  }

  async remove(id: number): Promise<void> {
    await this.db.deleteFrom('doc_updates').where('id', '=', id).execute();
  }

  async load(name: string): Promise<StoredState> {
    const snapshot = await this.db.selectFrom('doc_snapshots').select('data').where('name', '=', name).executeTakeFirst();
    const logged = await this.db.selectFrom('doc_updates').select(['id', 'data']).where('name', '=', name).orderBy('id').execute();
    return {
      updates: [...(snapshot ? [snapshot.data] : []), ...logged.map((r) => r.data)],
      lastUpdateId: logged.length > 0 ? Number(logged[logged.length - 1].id) : 0,
    };
  }

  /** Replaces the snapshot with `state` and drops logged updates up to `throughId`, atomically. */
  async compact(name: string, state: Uint8Array, throughId: number): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('doc_snapshots').values({ name, data: state, updated_at: updatedAt })
        .onConflict((oc) => oc.column('name').doUpdateSet({ data: state, updated_at: updatedAt }))
        .execute();
      if (throughId > 0) await trx.deleteFrom('doc_updates').where('name', '=', name).where('id', '<=', throughId).execute();
    });
    this.onWritten?.(name);
  }
}
