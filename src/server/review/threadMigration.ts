import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import * as Y from 'yjs';
import { decodeAnchorPosition, encodeAnchorPosition } from '../../core/review/anchor';
import { readLegacyThreads } from './legacyThreads';

/** The tables migration 0005 reads and writes, as they are at that point. */
type Tables = {
  doc_snapshots: { name: string; data: Uint8Array };
  doc_updates: { id: number; name: string; data: Uint8Array };
  users: { id: string };
  documents: { id: string };
  review_threads: {
    id: string; document_id: string; anchor_start: string; anchor_end: string; quote: string; created_by: string | null;
    created_at: string; resolved: number; resolved_by: string | null; resolved_at: string | null; migrated: number;
  };
  review_entries: {
    thread_id: string; document_id: string; author_id: string | null; text: string; created_at: string;
    edited_at: string | null; deleted_at: string | null; migrated: number;
  };
};

const LEGACY_SUFFIX = '/review';

/**
 * Migration 0005: review threads move from the Y.Doc `<id>/review`, which any client with write
 * access could fill with any author and rewrite at will, into two tables the server alone writes.
 * Every existing thread is copied (anchors re-encoded as base64, authors kept only when their id
 * names a user, names always read from the users table); the old documents stay stored, untouched,
 * and the collaboration server no longer opens them. Safe to run again: it replaces what it moved.
 */
export async function migrateReviewThreads(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  const run = async (trx: Kysely<unknown>): Promise<void> => {
    await trx.schema.createTable('review_threads').ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('anchor_start', 'text', (c) => c.notNull())
      .addColumn('anchor_end', 'text', (c) => c.notNull())
      .addColumn('quote', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('migrated', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await trx.schema.createIndex('review_threads_document').ifNotExists().on('review_threads').columns(['document_id', 'created_at']).execute();
    await trx.schema.createTable('review_entries').ifNotExists()
      .addColumn('id', sql.raw(postgres ? 'bigserial' : 'integer'), (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('thread_id', 'text', (c) => c.notNull())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('edited_at', 'text')
      .addColumn('deleted_at', 'text')
      .addColumn('migrated', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await trx.schema.createIndex('review_entries_thread').ifNotExists().on('review_entries').columns(['thread_id', 'id']).execute();
    await trx.schema.createIndex('review_entries_document').ifNotExists().on('review_entries').column('document_id').execute();
    await moveLegacyThreads(trx.withTables<Tables>());
  };
  // PostgreSQL: the migrator already runs each migration in a transaction. SQLite: Kysely does not,
  // so this one does, and a failure leaves neither tables nor rows behind.
  if (postgres) await run(db);
  else await db.transaction().execute(run);
}

async function moveLegacyThreads(db: Kysely<Tables>): Promise<void> {
  const like = `%${LEGACY_SUFFIX}`;
  const names = new Set([
    ...(await db.selectFrom('doc_snapshots').select('name').where('name', 'like', like).execute()).map((r) => r.name),
    ...(await db.selectFrom('doc_updates').select('name').distinct().where('name', 'like', like).execute()).map((r) => r.name),
  ]);
  await db.deleteFrom('review_entries').where('migrated', '=', 1).execute();
  await db.deleteFrom('review_threads').where('migrated', '=', 1).execute();
  if (names.size === 0) return;
  const users = new Set((await db.selectFrom('users').select('id').execute()).map((r) => r.id));
  const known = (id: string | null): string | null => (id && users.has(id) ? id : null);
  const now = new Date().toISOString();

  for (const name of [...names].sort()) {
    const documentId = name.slice(0, -LEGACY_SUFFIX.length);
    if (!documentId || documentId.includes('/')) continue;
    if (!(await db.selectFrom('documents').select('id').where('id', '=', documentId).executeTakeFirst())) continue;
    const doc = new Y.Doc();
    const snapshot = await db.selectFrom('doc_snapshots').select('data').where('name', '=', name).executeTakeFirst();
    const logged = await db.selectFrom('doc_updates').select('data').where('name', '=', name).orderBy('id').execute();
    for (const update of [...(snapshot ? [snapshot.data] : []), ...logged.map((r) => r.data)]) {
      try {
        Y.applyUpdate(doc, update);
      } catch {
        // An unreadable update did not reach anyone's screen either; the rest still moves.
      }
    }
    for (const thread of readLegacyThreads(doc)) {
      if (thread.comments.length === 0) continue;
      const id = randomUUID();
      const createdAt = isoOr(thread.createdAt, isoOr(thread.comments[0].at, now));
      await db.insertInto('review_threads').values({
        id, document_id: documentId, anchor_start: legacyAnchorEnd(thread.anchor.start), anchor_end: legacyAnchorEnd(thread.anchor.end),
        quote: thread.quote, created_by: known(thread.authorId), created_at: createdAt,
        resolved: thread.resolved ? 1 : 0, resolved_by: thread.resolved ? known(thread.resolvedBy) : null, resolved_at: null, migrated: 1,
      }).execute();
      for (const comment of thread.comments) {
        await db.insertInto('review_entries').values({
          thread_id: id, document_id: documentId, author_id: known(comment.authorId), text: comment.text,
          created_at: isoOr(comment.at, createdAt), edited_at: null, deleted_at: null, migrated: 1,
        }).execute();
      }
    }
    doc.destroy();
  }
}

function isoOr(value: string, fallback: string): string {
  const time = Date.parse(value);
  return value && !Number.isNaN(time) ? new Date(time).toISOString() : fallback;
}

/** An old anchor end (relative position JSON) as the new tables keep it: base64, or '' when unusable. */
function legacyAnchorEnd(json: unknown): string {
  if (typeof json !== 'object' || json === null) return '';
  try {
    const encoded = encodeAnchorPosition(Y.createRelativePositionFromJSON(json));
    return decodeAnchorPosition(encoded) ? encoded : '';
  } catch {
    return '';
  }
}
