import { sql, type Kysely } from 'kysely';

/** Example outlets shipped with a fresh desk, marked `example` so the office can tell them from its own. */
const EXAMPLE_OUTLETS: ReadonlyArray<[id: string, name: string, level: string, kind: string]> = [
  ['example-rmrb', '人民日报', 'central', 'media'],
  ['example-xinhua', '新华社', 'central', 'media'],
  ['example-dzrb', '大众日报', 'provincial', 'media'],
  ['example-sdtv', '山东广播电视台', 'provincial', 'media'],
  ['example-lyrb', '临沂日报', 'city', 'media'],
  ['example-lytv', '临沂广播电视台', 'city', 'media'],
  ['example-yhfb', '沂河新区发布', 'district', 'media'],
  ['example-mswk', '秘书工作', 'central', 'journal'],
  ['example-sdtx', '山东通讯', 'provincial', 'journal'],
  ['example-lytx', '临沂通讯', 'city', 'journal'],
  ['example-gbxx', '国务院办公厅信息', 'central', 'channel'],
  ['example-sxx', '省政府信息', 'provincial', 'channel'],
  ['example-shixx', '市政府信息', 'city', 'channel'],
];

/**
 * Migration 0003_ledger: outlets, publication tags on documents, submissions with their event log
 * and evidence files, and each year's targets. `serial` is the dialect's auto-increment key type.
 */
export async function createLedgerTables(db: Kysely<unknown>, serial: string): Promise<void> {
  const now = new Date().toISOString();
  await db.schema.createTable('outlets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('example', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  for (const [id, name, level, kind] of EXAMPLE_OUTLETS) {
    await sql`insert into outlets (id, name, level, kind, example, disabled, created_at) values (${id}, ${name}, ${level}, ${kind}, 1, 0, ${now})`.execute(db);
  }
  await db.schema.createTable('document_targets')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('target_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_targets_pk', ['document_id', 'target_key'])
    .execute();
  await db.schema.createIndex('document_targets_key').on('document_targets').columns(['target_key', 'document_id']).execute();
  await db.schema.createTable('document_outlets')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addPrimaryKeyConstraint('document_outlets_pk', ['document_id', 'outlet_id'])
    .execute();
  await db.schema.createTable('ledger_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('piece_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('authors', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('first_on', 'text')
    .addColumn('last_on', 'text')
    .addColumn('submitted_on', 'text')
    .addColumn('adopted_on', 'text')
    .addColumn('published_on', 'text')
    .addColumn('extras', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_submissions_piece').on('ledger_submissions').columns(['piece_key', 'last_on']).execute();
  // SQLite: covers the dashboard's year query, so one year's rows are read in date order from the
  // index alone instead of one table lookup per row (about doubling the table's size on disk).
  // PostgreSQL caps a btree entry near 2.7 kB, so there the index holds the keys only.
  await db.schema.createIndex('ledger_submissions_year').on('ledger_submissions')
    .columns(serial === 'integer'
      ? ['last_on', 'first_on', 'piece_key', 'id', 'kind', 'outlet_id', 'authors', 'submitted_on', 'adopted_on', 'published_on', 'extras', 'title']
      : ['last_on', 'first_on', 'piece_key']).execute();
  await db.schema.createIndex('ledger_submissions_document').on('ledger_submissions').column('document_id').execute();
  await db.schema.createTable('ledger_events')
    .addColumn('id', sql.raw(serial), (c) => serial === 'integer' ? c.primaryKey().autoIncrement() : c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('ledger_submissions.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('issue', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('page', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('url', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_events_submission').on('ledger_events').columns(['submission_id', 'id']).execute();
  await db.schema.createTable('ledger_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) => c.notNull().references('ledger_submissions.id'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ledger_evidence_submission').on('ledger_evidence').column('submission_id').execute();
  await db.schema.createTable('year_targets')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
