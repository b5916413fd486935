import { sql, type Kysely } from 'kysely';

/**
 * Tables of the review workflow: the state columns of a document, checkpoint chains as data, who
 * edited each revision, the append-only transition log (approvals with their content hashes),
 * versions, and the audit log's hash chain.
 */
export async function createReviewTables(db: Kysely<unknown>, types: { serial: string; bytes: string; postgres: boolean }): Promise<void> {
  for (const [column, type] of [
    ['revision', 'integer'], ['checkpoint_index', 'integer'], ['assignee_id', 'text'],
    ['chain', 'text'], ['finalized_by', 'text'], ['source_document_id', 'text'],
  ] as const) {
    await db.schema.alterTable('documents').addColumn(column, type, (c) => (column === 'revision' ? c.notNull().defaultTo(1) : c)).execute();
  }
  await db.schema.createTable('checkpoint_chains')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('chain', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createTable('revision_editors')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('revision_editors_pk', ['document_id', 'revision', 'user_id'])
    .execute();
  await db.schema.createTable('transitions')
    .addColumn('id', sql.raw(types.serial), (c) => (types.postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('checkpoint_key', 'text')
    .addColumn('checkpoint_name', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('comment', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('vouches', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('transitions_document').on('transitions').columns(['document_id', 'id']).execute();
  await db.schema.createTable('versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('state', sql.raw(types.bytes), (c) => c.notNull())
    .addColumn('canonical', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('versions_document').on('versions').columns(['document_id', 'created_at']).execute();
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text', (c) => c.notNull().defaultTo('')).execute();
}
