import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { commissionStatus, daysUntil, type CommissionFacts } from '../../core/commissions/deadline';
import type { CalendarDate } from '../../core/targets/model';
import { shanghaiDate } from '../../core/targets/dates';
import type { CommissionSummary, CreateCommissionRequest } from '../../shared/templates';

/** A stored 约稿 with what the sweep needs. */
export interface DueCommission { id: string; topic: string; kind: CommissionSummary['kind']; outletId: string; deadline: string; assigneeName: string; createdBy: string }

/** Filter of `list`: one assignee's, a year's deadlines, or a piece's. */
export interface CommissionFilter { id?: string; assigneeId?: string; year?: number; documentId?: string }

/**
 * Owns `commissions` (约稿): recorded by a clerk, answered by a piece, and marked once its `missed`
 * event is in the ledger. Statuses are computed as of `today` (a Shanghai date) on every read.
 */
export class CommissionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async create(userId: string, request: CreateCommissionRequest): Promise<string> {
    const id = randomUUID();
    await this.db.insertInto('commissions').values({
      id, outlet_id: request.outletId, topic: request.topic, requirements: request.requirements, kind: request.kind,
      deadline: request.deadline, warn_days: request.warnDays, assignee_id: request.assigneeId, document_id: null,
      answered_at: null, missed_submission_id: null, created_by: userId, created_at: new Date().toISOString(), cancelled_at: null,
    }).execute();
    return id;
  }

  /** The 约稿 matching `filter`, nearest deadline first, with their status as of `today`. */
  async list(filter: CommissionFilter, today: CalendarDate): Promise<CommissionSummary[]> {
    let query = this.db.selectFrom('commissions')
      .innerJoin('outlets', 'outlets.id', 'commissions.outlet_id')
      .innerJoin('users', 'users.id', 'commissions.assignee_id')
      .leftJoin('documents', 'documents.id', 'commissions.document_id')
      .selectAll('commissions')
      .select(['outlets.name as outlet_name', 'users.display_name as assignee_name', 'documents.title as document_title'])
      .orderBy('commissions.deadline').orderBy('commissions.created_at');
    if (filter.id) query = query.where('commissions.id', '=', filter.id);
    if (filter.assigneeId) query = query.where('commissions.assignee_id', '=', filter.assigneeId);
    if (filter.documentId) query = query.where('commissions.document_id', '=', filter.documentId);
    if (filter.year) query = query.where('commissions.deadline', '>=', `${filter.year}-01-01`).where('commissions.deadline', '<=', `${filter.year}-12-31`);
    const rows = await query.execute();
    return rows.map((r) => {
      const facts = toFacts(r);
      return {
        id: r.id, outletId: r.outlet_id, outletName: r.outlet_name, topic: r.topic, requirements: r.requirements, kind: r.kind,
        deadline: r.deadline, warnDays: r.warn_days, assigneeId: r.assignee_id, assigneeName: r.assignee_name,
        documentId: r.document_id, documentTitle: r.document_title, status: commissionStatus(facts, today),
        daysLeft: daysUntil(r.deadline, today), cancelled: r.cancelled_at !== null,
      };
    });
  }

  async get(id: string, today: CalendarDate): Promise<CommissionSummary | undefined> {
    const [found] = await this.list({ id }, today);
    return found;
  }

  /** The 约稿 a piece answers. */
  answeredBy(documentId: string): Promise<CommissionSummary[]> {
    return this.list({ documentId }, shanghaiDate(new Date()));
  }

  /** Tags (or untags, null) the piece that answers it; the answer's date is now. */
  async answer(id: string, documentId: string | null): Promise<void> {
    await this.db.updateTable('commissions')
      .set({ document_id: documentId, answered_at: documentId ? new Date().toISOString() : null }).where('id', '=', id).execute();
  }

  async cancel(id: string, cancelled: boolean): Promise<void> {
    await this.db.updateTable('commissions').set({ cancelled_at: cancelled ? new Date().toISOString() : null }).where('id', '=', id).execute();
  }

  /** Unanswered, not cancelled, deadline before `today`, `missed` not yet recorded. */
  async due(today: CalendarDate): Promise<DueCommission[]> {
    const rows = await this.db.selectFrom('commissions').innerJoin('users', 'users.id', 'commissions.assignee_id')
      .selectAll('commissions').select('users.display_name as assignee_name')
      .where('commissions.deadline', '<', today).where('commissions.missed_submission_id', 'is', null)
      .where('commissions.cancelled_at', 'is', null).execute();
    return rows.filter((r) => commissionStatus(toFacts(r), today) === 'missed').map((r) => ({
      id: r.id, topic: r.topic, kind: r.kind, outletId: r.outlet_id, deadline: r.deadline, assigneeName: r.assignee_name, createdBy: r.created_by,
    }));
  }

  /** Claims the right to record its `missed` event; false when another sweep did. */
  async claimMissed(id: string): Promise<boolean> {
    const updated = await this.db.updateTable('commissions').set({ missed_submission_id: 'recording' })
      .where('id', '=', id).where('missed_submission_id', 'is', null).executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Records the ledger row holding its `missed` event (null releases a failed claim). */
  async markMissed(id: string, submissionId: string | null): Promise<void> {
    await this.db.updateTable('commissions').set({ missed_submission_id: submissionId }).where('id', '=', id).execute();
  }
}

function toFacts(r: { deadline: string; warn_days: number; answered_at: string | null; cancelled_at: string | null }): CommissionFacts {
  return {
    deadline: r.deadline, warnDays: r.warn_days, cancelled: r.cancelled_at !== null,
    answeredOn: r.answered_at ? shanghaiDate(r.answered_at) : null,
  };
}
