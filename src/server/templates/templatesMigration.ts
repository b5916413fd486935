import type { Kysely } from 'kysely';

/**
 * Migration 0009: templates (模板) and office defaults, 约稿 (commissions), and the links of
 * 一稿多用 (a derived piece and its source).
 */
export async function createTemplateTables(db: Kysely<unknown>): Promise<void> {
  // A built-in template has a row once an admin edits or hides it; the office's own always do.
  await db.schema.createTable('templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('genre', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createIndex('templates_document').on('templates').column('document_id').execute();
  await db.schema.createTable('office_defaults')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();
  await db.schema.createTable('document_links')
    .addColumn('source_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('derived_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_links_pk', ['source_id', 'derived_id'])
    .execute();
  await db.schema.createIndex('document_links_derived').on('document_links').column('derived_id').execute();
  await db.schema.createTable('commissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('warn_days', 'integer', (c) => c.notNull())
    .addColumn('assignee_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('answered_at', 'text')
    .addColumn('missed_submission_id', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('commissions_assignee').on('commissions').columns(['assignee_id', 'deadline']).execute();
  await db.schema.createIndex('commissions_deadline').on('commissions').columns(['deadline']).execute();
}
