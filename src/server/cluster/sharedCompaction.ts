import * as Y from 'yjs';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { YjsStore } from '../collab/yjsStore';

/** The advisory-lock class of snapshot compaction (the second key is the document name's hash). */
const SNAPSHOT_LOCK_CLASS = 17_001;

/**
 * Compaction when several instances write one PostgreSQL update log. An instance's open copy of a
 * body may not hold yet an update another instance logged a moment ago (it reaches it through Redis
 * a round trip later), so "drop the log through my last id" could drop an acknowledged edit. Here
 * one instance compacts a document at a time (a transaction-scoped advisory lock per name), and the
 * new snapshot is the union of the stored snapshot, every logged update it removes, and the caller's
 * state: whatever is removed is in the snapshot. Appends go to the store as before.
 */
export class SharedCompaction implements Pick<YjsStore, 'appendMany' | 'compact'> {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly store: Pick<YjsStore, 'appendMany'>,
    private readonly onWritten?: (name: string) => void,
  ) {}

  appendMany(entries: ReadonlyArray<{ name: string; update: Uint8Array }>): Promise<number[]> {
    return this.store.appendMany(entries);
  }

  /** Stores `state` merged with what is stored; `throughId` is not needed (the removed rows are those merged). */
  async compact(name: string, state: Uint8Array, _throughId?: number): Promise<void> {
    const updatedAt = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${SNAPSHOT_LOCK_CLASS}, hashtext(${name}))`.execute(trx);
      const snapshot = await trx.selectFrom('doc_snapshots').select('data').where('name', '=', name).executeTakeFirst();
      const logged = await trx.selectFrom('doc_updates').select(['id', 'data']).where('name', '=', name).orderBy('id').execute();
      const doc = new Y.Doc();
      try {
        for (const update of [state, ...(snapshot ? [snapshot.data] : []), ...logged.map((r) => r.data)]) Y.applyUpdate(doc, update);
        const merged = Y.encodeStateAsUpdate(doc);
        await trx.insertInto('doc_snapshots').values({ name, data: merged, updated_at: updatedAt })
          .onConflict((oc) => oc.column('name').doUpdateSet({ data: merged, updated_at: updatedAt }))
          .execute();
      } finally {
        doc.destroy();
      }
      // Exactly the rows read: one committed after the read (whatever its id) stays in the log.
      const ids = logged.map((r) => r.id);
      if (ids.length > 0) await trx.deleteFrom('doc_updates').where('id', 'in', ids).execute();
    });
    this.onWritten?.(name);
  }
}
