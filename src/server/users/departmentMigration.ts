import type { Kysely } from 'kysely';

/**
 * Migration 0011_departments: each user's 部门 (`users.department`, null for none), and on each 会签
 * holder the department they were named for (`step_holders.department`), kept for the 发文稿纸.
 * Written once for SQLite and PostgreSQL: two nullable text columns, nothing to backfill.
 */
export async function addDepartments(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('department', 'text').execute();
  await db.schema.alterTable('step_holders').addColumn('department', 'text').execute();
}
