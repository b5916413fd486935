import { sql, type Kysely } from 'kysely';

/**
 * The search index (migration 0010): `search_bodies` holds each piece's body as searchable text (one
 * row per piece, written by the SearchIndexer from the body model), with the hash of the Yjs state it
 * was read from. The text index over it differs by dialect, chosen for Chinese, which has no spaces
 * between words (a word-based index such as PostgreSQL's `to_tsvector` sees a whole clause as one
 * word and finds nothing inside it):
 * - SQLite: an FTS5 table with the `trigram` tokenizer (SQLite 3.34+; better-sqlite3 12 has 3.53 and
 *   Node 24's node:sqlite 3.51), kept in step with `search_bodies` by triggers (external content),
 *   and an `fts5vocab` table over it that lists its trigrams;
 * - PostgreSQL: a GIN index with `pg_trgm`'s `gin_trgm_ops` on the text, which serves `LIKE`/`ILIKE`
 *   of three characters or more (pg_trgm is in Debian's postgresql package, and a trusted extension:
 *   the database's owner may create it). Where the extension is not installed, the table is still
 *   made and searched by scanning.
 */
export async function createSearchIndex(db: Kysely<unknown>, postgres: boolean): Promise<void> {
  await db.schema.createTable('search_bodies')
    .addColumn('id', sql.raw(postgres ? 'bigserial' : 'integer'), (c) => postgres ? c.primaryKey() : c.primaryKey().autoIncrement())
    .addColumn('document_id', 'text', (c) => c.notNull().unique())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('state_hash', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();
  if (postgres) {
    const available = await sql<{ name: string }>`select name from pg_available_extensions where name = 'pg_trgm'`.execute(db);
    if (available.rows.length === 0) return;
    await sql`create extension if not exists pg_trgm`.execute(db);
    await sql`create index search_bodies_trgm on search_bodies using gin (body gin_trgm_ops)`.execute(db);
    return;
  }
  await sql`create virtual table search_fts using fts5(body, content='search_bodies', content_rowid='id', tokenize='trigram')`.execute(db);
  // Its terms (the trigrams), sorted: a two-character term is found through the trigrams that start with it.
  await sql`create virtual table search_vocab using fts5vocab(search_fts, 'row')`.execute(db);
  await sql`create trigger search_bodies_ai after insert on search_bodies begin
    insert into search_fts(rowid, body) values (new.id, new.body);
  end`.execute(db);
  await sql`create trigger search_bodies_ad after delete on search_bodies begin
    insert into search_fts(search_fts, rowid, body) values ('delete', old.id, old.body);
  end`.execute(db);
  await sql`create trigger search_bodies_au after update of body on search_bodies begin
    insert into search_fts(search_fts, rowid, body) values ('delete', old.id, old.body);
    insert into search_fts(rowid, body) values (new.id, new.body);
  end`.execute(db);
}
