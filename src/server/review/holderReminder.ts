import type { User } from '../../shared/api';
import type { DocumentRow } from '../db/schema';
import type { Transactor } from '../db/transactor';
import type { DocumentStore } from '../documents/documentStore';
import type { AuditLog } from '../audit/auditLog';
import type { UserDirectory } from '../users/userDirectory';
import type { InboxNotifier } from '../events/inboxNotifier';
import { decideReminder, DEFAULT_REMIND_AFTER_HOURS } from '../../core/domain/reminders';
import { documentChainColumn, holderIdsColumn } from '../db/jsonColumns';
import { DeskError } from '../errors';
import type { StepHolderStore } from './stepHolderStore';
import type { TransitionLog } from './transitionLog';

/** What the status says about 催办 for one user. */
export interface ReminderOutlook { allowed: boolean; message: string | null; possibleAt: string | null; afterHours: number; lastAt: string | null }

/** The hours before a 催办, from `WENGAO_REMIND_AFTER_HOURS` (a positive number; default 24). */
export function remindAfterHoursFromEnv(env: NodeJS.ProcessEnv): number {
  const value = Number(env.WENGAO_REMIND_AFTER_HOURS);
  return env.WENGAO_REMIND_AFTER_HOURS && Number.isFinite(value) && value > 0 ? value : DEFAULT_REMIND_AFTER_HOURS;
}

/**
 * 催办: a writer reminds the holders of their piece in review once they have had it longer than the
 * office's set time. The reminder reaches each holder's 待办 (an event, and the item's 催办 mark) and is
 * recorded in the history as a `remind` entry, which moves nothing.
 */
export class HolderReminder {
  constructor(private readonly deps: {
    transact: Transactor;
    documents: Pick<DocumentStore, 'load'>;
    transitions: Pick<TransitionLog, 'append' | 'lastMovedAt' | 'lastRemindedAt'>;
    holders: Pick<StepHolderStore, 'current'>;
    users: Pick<UserDirectory, 'list'>;
    audit: Pick<AuditLog, 'append'>;
    inbox?: Pick<InboxNotifier, 'reminded'>;
    /** Tells open copies of the piece that its workflow changed. */
    announce?: (documentId: string) => void;
    afterHours: number;
  }) {}

  /** Whether `user` may remind the holders of `row` now, and if not why and from when. */
  async outlook(user: User, row: DocumentRow, collaboratorIds: readonly string[]): Promise<ReminderOutlook> {
    const facts = await this.facts(row);
    const decision = decideReminder(this.request(user, row, collaboratorIds, facts));
    return {
      allowed: decision.ok, message: decision.ok ? null : decision.message,
      possibleAt: decision.ok ? null : decision.possibleAt ?? null, afterHours: this.deps.afterHours, lastAt: facts.lastRemindedAt,
    };
  }

  /** Reminds the holders of piece `id` for `user` (a writer); 403/409 with the reason when not allowed. */
  async remind(user: User, id: string, comment = ''): Promise<{ holderIds: string[]; at: string }> {
    const { row, collaboratorIds } = await this.deps.documents.load(user, id);
    const facts = await this.facts(row);
    const decision = decideReminder(this.request(user, row, collaboratorIds, facts));
    if (!decision.ok) throw new DeskError(decision.code, decision.message);
    const at = new Date().toISOString();
    await this.deps.transact(async (trx) => {
      await this.deps.transitions.append(trx, {
        document_id: id, revision: row.revision, action: 'remind', actor_id: user.id, at,
        from_state: row.state, to_state: row.state,
        checkpoint_key: facts.checkpointKey, checkpoint_name: facts.checkpointName,
        assignee_id: null, comment, content_hash: '', vouches: 0, proof_report: null,
        holder_ids: holderIdsColumn.stringify(decision.holderIds),
      });
    });
    await this.deps.audit.append(user.id, 'workflow.remind', id, { holderIds: decision.holderIds, ...(comment && { comment: comment.slice(0, 500) }) });
    await this.deps.inbox?.reminded({ documentId: id, actor: user, holderIds: decision.holderIds, comment });
    this.deps.announce?.(id);
    return { holderIds: decision.holderIds, at };
  }

  private request(user: User, row: DocumentRow, collaboratorIds: readonly string[], facts: Awaited<ReturnType<HolderReminder['facts']>>) {
    return {
      actorId: user.id,
      document: { state: row.state, ownerId: row.owner_id, collaboratorIds, deleted: row.deleted_at !== null },
      pendingHolderIds: facts.pendingHolderIds, heldSince: facts.heldSince, lastRemindedAt: facts.lastRemindedAt,
      now: new Date(), afterMs: this.deps.afterHours * 3_600_000,
    };
  }

  /** The current step: who still has to act, since when, and its last reminder. */
  private async facts(row: DocumentRow) {
    const chain = row.chain ? documentChainColumn.parse(row.chain, row.id) : null;
    const checkpoint = chain && row.checkpoint_index !== null ? chain.checkpoints[row.checkpoint_index] ?? null : null;
    let pendingHolderIds: string[] = row.state === 'review' && row.assignee_id ? [row.assignee_id] : [];
    if (row.state === 'review' && !row.assignee_id) {
      const active = new Set((await this.deps.users.list()).filter((u) => !u.disabled).map((u) => u.id));
      pendingHolderIds = (await this.deps.holders.current(row.id)).filter((h) => h.approvedAt === null && active.has(h.userId)).map((h) => h.userId);
    }
    const heldSince = (await this.deps.transitions.lastMovedAt([row.id])).get(row.id) ?? row.updated_at;
    const reminded = (await this.deps.transitions.lastRemindedAt([row.id])).get(row.id) ?? null;
    const lastRemindedAt = reminded && reminded >= heldSince ? reminded : null;
    return { pendingHolderIds, heldSince, lastRemindedAt, checkpointKey: checkpoint?.key ?? null, checkpointName: checkpoint?.name ?? null };
  }
}
