import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { User } from '../../shared/api';
import type { Database } from '../db/schema';
import type { TransitionLog } from '../review/transitionLog';
import type { StepHolderStore } from '../review/stepHolderStore';

/** Where the rule learns who holds or once held a piece in review. */
export interface ReviewHolders {
  transitions: Pick<TransitionLog, 'documentsAssignedTo'>;
  /** The holders of 会签 steps. */
  holders?: Pick<StepHolderStore, 'documentsHeldBy'>;
}

/**
 * The document list's access rule as one SQL condition on `documents` (core/access.ts says the same
 * for one piece). A template's document (模板) is never a piece: it is edited from 模板管理. Beyond
 * that an admin reads everything; others read what they own, and — outside the 回收站 — what they
 * write with others, hold or once held in review (a 会签 holder too), and (a clerk) every 定稿 piece.
 * Used by the list and by search, so both show the same pieces.
 */
export function readablePieces(user: User, review: ReviewHolders, options: { deleted?: boolean } = {}): Expression<SqlBool> {
  const eb = expressionBuilder<Database, 'documents'>();
  const piece = eb('documents.id', 'not in', eb.selectFrom('templates').select('document_id').where('document_id', 'is not', null));
  if (user.roles.includes('admin')) return piece;
  return eb.and([piece, eb.or([
    eb('documents.owner_id', '=', user.id),
    ...(options.deleted ? [] : [
      eb('documents.id', 'in', eb.selectFrom('document_collaborators').select('document_id').where('user_id', '=', user.id)),
      eb('documents.assignee_id', '=', user.id),
      eb('documents.id', 'in', review.transitions.documentsAssignedTo(user.id)),
      ...(review.holders ? [eb('documents.id', 'in', review.holders.documentsHeldBy(user.id))] : []),
      ...(user.roles.includes('clerk') ? [eb('documents.state', '=', 'final')] : []),
    ]),
  ])]);
}
