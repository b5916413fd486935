import type { DocumentState, DocumentSummary, User } from '../../shared/api';
import type { RemovalPreview, RemovalRight } from '../../shared/removal';
import { DOCUMENT_REMOVED, encodeCollabMessage } from '../../shared/collabMessages';
import type { Audit } from '../services';
import { DeskError, forbidden, stateChanged } from '../errors';
import type { CollabGate } from '../review/collabGate';
import type { InboxNotifier } from '../events/inboxNotifier';
import type { DocumentStore } from './documentStore';
import type { SubmissionLedger } from '../ledger/submissionLedger';

/** What the removal rule reads about a piece. */
export interface RemovalFacts {
  ownerId: string;
  state: DocumentState;
  /** 报送 rows in the ledger that name the piece, voided ones included. */
  submissions: number;
}

/** Why a piece is protected from its writer's delete, as the start of a sentence; null when it is not. */
function protection(facts: RemovalFacts): string | null {
  if (facts.state === 'final') return '该文稿已定稿';
  if (facts.state === 'review') return '该文稿正在审核中';
  if (facts.submissions > 0) return `该文稿在报送台账中有 ${facts.submissions} 条报送记录`;
  return null;
}

/**
 * The rule, in one place. A piece in 审核中, a 定稿, or one the ledger has 报送 rows for (voided
 * ones too: they stay in the 台账 as a record and still point at the piece) is protected: only an
 * admin deletes it, and only with a reason. Any other piece is its owner's to delete, as always.
 */
export function removalRight(user: Pick<User, 'id' | 'roles'>, facts: RemovalFacts): RemovalRight {
  const isOwner = user.id === facts.ownerId;
  const why = protection(facts);
  if (!why) return { mode: isOwner ? 'owner' : 'none', message: null };
  if (user.roles.includes('admin')) return { mode: 'reason', message: null };
  return { mode: 'none', message: isOwner ? `${why}，不能删除；如确需删除，请联系管理员。` : null };
}

export const REASON_REQUIRED = '删除已定稿、审核中或已报送的文稿，请填写删除原因。';

export interface DocumentRemoverDeps {
  documents: DocumentStore;
  /** How many 报送 rows name a piece (the removal rule protects those). */
  ledger: Pick<SubmissionLedger, 'countsByDocument'>;
  /** Brings open connections in line with the piece's new rights. */
  gate: CollabGate;
  audit: Audit;
  /** Tells the people whose 待办 shows the piece, after every delete or restore asked for. */
  inbox?: Pick<InboxNotifier, 'documentChanged'>;
}

interface LedgerCount { all: number; voided: number }

/**
 * Moves pieces to the 回收站 and back (soft delete): decides with `removalRight`, locks the body while
 * the deletion is written (so no update in flight is stored after it), leaves every open connection
 * read-only, records the deletion with its reason in the audit log, and tells every open copy at once.
 */
export class DocumentRemover {
  constructor(private readonly deps: DocumentRemoverDeps) {}

  /** The list's summaries, each with the user's right to delete it (one ledger query for all). */
  async withRights(user: User, summaries: DocumentSummary[]): Promise<DocumentSummary[]> {
    const counts = await this.ledgerCounts(summaries.map((s) => s.id));
    return summaries.map((s) => ({
      ...s,
      removal: removalRight(user, { ownerId: s.ownerId, state: s.state, submissions: counts.get(s.id)?.all ?? 0 }),
    }));
  }

  /** What deleting the piece would affect, for the confirmation; 404/403 as reading it. */
  async preview(user: User, id: string): Promise<RemovalPreview> {
    const { row } = await this.deps.documents.load(user, id);
    const count = (await this.ledgerCounts([id])).get(id) ?? { all: 0, voided: 0 };
    const { state } = row;
    const right: RemovalRight = row.deleted_at === null
      ? removalRight(user, { ownerId: row.owner_id, state, submissions: count.all })
      : { mode: 'none', message: '该文稿已在回收站中' };
    return { ...right, state, submissions: count.all, voidedSubmissions: count.voided, openBy: await this.deps.gate.openBy(id, user.id) };
  }

  /** DELETE: 409 for the writer of a protected piece, 400 for an admin without a reason, 403 for others. */
  async remove(user: User, id: string, reason: string | undefined): Promise<void> {
    await this.softDelete(user, id, reason);
    await this.deps.inbox?.documentChanged(id);
  }

  /** Restores from the 回收站: the owner, or an admin (who may undo an admin's deletion). */
  async restore(user: User, id: string): Promise<void> {
    await this.undelete(user, id);
    await this.deps.inbox?.documentChanged(id);
  }

  private async softDelete(user: User, id: string, reason: string | undefined): Promise<void> {
    const { row } = await this.deps.documents.load(user, id);
    if (row.deleted_at !== null) return;
    const submissions = (await this.ledgerCounts([id])).get(id)?.all ?? 0;
    const { state } = row;
    const right = removalRight(user, { ownerId: row.owner_id, state, submissions });
    if (right.mode === 'none') throw right.message ? new DeskError('conflict', right.message) : forbidden('只有文稿的创建人可以删除它');
    if (right.mode === 'reason' && !reason) throw new DeskError('bad_request', REASON_REQUIRED);

    const { gate, documents } = this.deps;
    await gate.lock(id);
    try {
      // Someone moved the piece on (submitted it, say) between the decision and this write.
      if (!await documents.markDeleted(id, row.state)) throw stateChanged();
    } finally {
      // Deleted, nobody may edit: every open connection becomes read-only (or keeps its rights on failure).
      await gate.refresh(id);
    }
    await this.deps.audit(user.id, 'document.delete', id,
      right.mode === 'reason' ? { reason, state, submissions } : reason ? { reason } : {});
    this.announce(id, true, user);
  }

  private async undelete(user: User, id: string): Promise<void> {
    const { row } = await this.deps.documents.load(user, id);
    if (row.owner_id !== user.id && !user.roles.includes('admin')) throw forbidden('只有文稿的创建人或管理员可以恢复它');
    if (row.deleted_at === null) return;
    await this.deps.documents.markRestored(id);
    await this.deps.gate.refresh(id);
    await this.deps.audit(user.id, 'document.restore', id);
    this.announce(id, false, user);
  }

  private announce(documentId: string, deleted: boolean, user: User): void {
    const message = encodeCollabMessage({ type: DOCUMENT_REMOVED, documentId, deleted, byName: user.displayName });
    this.deps.gate.announce(documentId, message);
  }

  private ledgerCounts(ids: string[]): Promise<Map<string, LedgerCount>> {
    return this.deps.ledger.countsByDocument(ids);
  }
}
