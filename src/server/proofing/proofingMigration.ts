import type { Kysely } from 'kysely';

/**
 * Tables of proofreading (审校): the admin-managed lists (规范表述, sensitive words, leader roster) as
 * JSON per list, findings ignored per document (with who ignored them and the paragraph text their
 * fingerprint was made from), and the report stored with each submit and sign transition.
 */
export async function createProofingTables(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('proofing_lists')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createTable('proofing_ignores')
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('paragraph_text', 'text', (c) => c.notNull())
    .addColumn('excerpt', 'text', (c) => c.notNull())
    .addColumn('ignored_by', 'text', (c) => c.notNull())
    .addColumn('ignored_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('proofing_ignores_pk', ['document_id', 'fingerprint'])
    .execute();
  await db.schema.alterTable('transitions').addColumn('proof_report', 'text').execute();
}
