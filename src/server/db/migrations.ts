import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './database';
import { createReviewTables } from '../review/reviewMigration';
import { createLedgerTables } from '../ledger/ledgerMigration';
import { createProofingTables } from '../proofing/proofingMigration';
import { migrateReviewThreads } from '../review/threadMigration';
import { addAuditSigning } from '../audit/auditMigration';
import { createSuggestionDecisions } from '../review/suggestionDecisionLog';
import { addCountersign } from '../review/stepHolderStore';
import { createTemplateTables } from '../templates/templatesMigration';
import { createSearchIndex } from '../search/searchMigration';
import { addDepartments } from '../users/departmentMigration';
import { createSuggestionMetas } from '../collab/suggestionHistory';

/**
 * Migrations live in code, in order; each is written once for both dialects. The few types that
 * differ (auto-increment keys, byte columns) come from the dialect.
 */
export function migrationsFor(dialect: Dialect): MigrationProvider {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  const bytes = dialect === 'postgres' ? 'bytea' : 'blob';
  const migrations: Record<string, Migration> = {
    '0001_foundation': {
      async up(db: Kysely<unknown>) {
        await db.schema.createTable('users')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('display_name', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('roles', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
        await db.schema.createTable('documents')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
          .addColumn('properties', 'text', (c) => c.notNull().defaultTo('{}'))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('deleted_at', 'text')
          .execute();
        await db.schema.createIndex('documents_updated').on('documents').column('updated_at').execute();
        await db.schema.createTable('document_collaborators')
          .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
          .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
          .addColumn('added_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('document_collaborators_pk', ['document_id', 'user_id'])
          .execute();
        await db.schema.createTable('doc_updates')
          .addColumn('id', sql.raw(serial), (c) => dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('data', sql.raw(bytes), (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('doc_updates_name').on('doc_updates').columns(['name', 'id']).execute();
        await db.schema.createTable('doc_snapshots')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('data', sql.raw(bytes), (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createTable('audit_log')
          .addColumn('id', sql.raw(serial), (c) => dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor_id', 'text')
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
          .execute();
      },
    },
    '0002_review': {
      async up(db: Kysely<unknown>) {
        await createReviewTables(db, { serial, bytes, postgres: dialect === 'postgres' });
      },
    },
    '0003_ledger': {
      async up(db: Kysely<unknown>) {
        await createLedgerTables(db, serial);
      },
    },
    '0004_proofing': {
      async up(db: Kysely<unknown>) {
        await createProofingTables(db);
      },
    },
    '0005_review_threads': {
      async up(db: Kysely<unknown>) {
        await migrateReviewThreads(db, dialect === 'postgres');
      },
    },
    '0006_audit_signing': {
      async up(db: Kysely<unknown>) {
        await addAuditSigning(db);
      },
    },
    '0007_suggestion_decisions': {
      async up(db: Kysely<unknown>) {
        await createSuggestionDecisions(db, serial, dialect === 'postgres');
      },
    },
    '0008_countersign': {
      async up(db: Kysely<unknown>) {
        await addCountersign(db);
      },
    },
    '0009_templates_commissions': {
      async up(db: Kysely<unknown>) {
        await createTemplateTables(db);
      },
    },
    '0010_search': {
      async up(db: Kysely<unknown>) {
        await createSearchIndex(db, dialect === 'postgres');
      },
    },
    '0011_departments': {
      async up(db: Kysely<unknown>) {
        await addDepartments(db);
      },
    },
    '0012_suggestion_metas': {
      async up(db: Kysely<unknown>) {
        await createSuggestionMetas(db);
      },
    },
  };
  return { getMigrations: async () => migrations };
}
