import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** One holder of a 会签 step as stored, with the 部门 they were named for (null: none then, or named before 0011). */
export interface StepHolderRow { step: number; userId: string; approvedAt: string | null; department: string | null }

/**
 * The holders of 会签 steps, owning `step_holders`. A step is named by the id of the transition that
 * opened it; its rows stay after it ends (`active` 0), so everyone who ever held the piece keeps
 * reading it and replying in its threads. WorkflowService writes inside its transaction.
 */
export class StepHolderStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The holders of the piece's current 会签 step, in the order they were named; empty outside one. */
  async current(documentId: string): Promise<StepHolderRow[]> {
    const rows = await this.db.selectFrom('step_holders').select(['step', 'user_id', 'approved_at', 'department'])
      .where('document_id', '=', documentId).where('active', '=', 1).orderBy('position').execute();
    return rows.map((r) => ({ step: Number(r.step), userId: r.user_id, approvedAt: r.approved_at, department: r.department }));
  }

  /** Every holder of every 会签 step of the piece, oldest step first (the 发文稿纸 reads their departments). */
  async all(documentId: string): Promise<StepHolderRow[]> {
    const rows = await this.db.selectFrom('step_holders').select(['step', 'user_id', 'approved_at', 'department'])
      .where('document_id', '=', documentId).orderBy('step').orderBy('position').execute();
    return rows.map((r) => ({ step: Number(r.step), userId: r.user_id, approvedAt: r.approved_at, department: r.department }));
  }

  /**
   * Opens step `step` (the opening transition's id) held by `userIds`, within `trx`; `departments`
   * gives each holder's 部门 at this moment, kept with them whatever their department becomes later.
   */
  async open(trx: Transaction<Database>, documentId: string, step: number, userIds: readonly string[],
    departments: ReadonlyMap<string, string | undefined> = new Map()): Promise<void> {
    if (userIds.length === 0) return;
    await trx.insertInto('step_holders').values(userIds.map((user_id, position) => ({
      document_id: documentId, step, user_id, position, approved_at: null, active: 1, department: departments.get(user_id) ?? null,
    }))).execute();
  }

  /** Records `userId`'s approval in the current step; false when they had approved already (a race: the caller refuses). */
  async approve(trx: Transaction<Database>, documentId: string, userId: string, at: string): Promise<boolean> {
    const updated = await trx.updateTable('step_holders').set({ approved_at: at })
      .where('document_id', '=', documentId).where('user_id', '=', userId).where('active', '=', 1).where('approved_at', 'is', null)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Ends the piece's current step, within `trx`. */
  async close(trx: Transaction<Database>, documentId: string): Promise<void> {
    await trx.updateTable('step_holders').set({ active: 0 }).where('document_id', '=', documentId).where('active', '=', 1).execute();
  }

  /** Everyone who held a 会签 step of the piece, each once. */
  async everHeld(documentId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('step_holders').select('user_id').distinct().where('document_id', '=', documentId).execute();
    return rows.map((r) => r.user_id);
  }

  /** The ids of the pieces `userId` ever held in a 会签 step, as a subquery for a document list. */
  documentsHeldBy(userId: string) {
    return this.db.selectFrom('step_holders').select('document_id').where('user_id', '=', userId);
  }

  /** The ids of the pieces whose current 会签 step waits for `userId`'s approval, as a subquery (待办). */
  documentsAwaiting(userId: string) {
    return this.db.selectFrom('step_holders').select('document_id')
      .where('user_id', '=', userId).where('active', '=', 1).where('approved_at', 'is', null);
  }
}

/**
 * Migration 0008_countersign: the 会签 holders' table, and on each transition its opinion (审核意见,
 * 签发意见) and the holders it named or reminded.
 */
export async function addCountersign(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('transitions').addColumn('opinion', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('transitions').addColumn('holder_ids', 'text').execute();
  await db.schema.createTable('step_holders')
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('approved_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('step_holders_pk', ['document_id', 'step', 'user_id'])
    .execute();
  await db.schema.createIndex('step_holders_user').on('step_holders').columns(['user_id', 'active']).execute();
}
