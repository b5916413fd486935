import { expressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { User } from '../../shared/api';
import type { Database } from '../db/schema';
import type { TransitionLog } from '../review/transitionLog';

/**
 * The document list's access rule as one SQL condition on `documents` (core/access.ts says the same
 * for one piece): an admin reads everything; others read what they own, and — outside the 回收站 —
 * what they write with others, hold or once held in review, and (a clerk) every 定稿 piece. Null for
 * an admin (no condition). Used by the list and by search, so both show the same pieces.
 */
export function readableBy(
  user: User, transitions: Pick<TransitionLog, 'documentsAssignedTo'>, options: { deleted?: boolean } = {},
): Expression<SqlBool> | null {
  if (user.roles.includes('admin')) return null;
  const eb = expressionBuilder<Database, 'documents'>();
  return eb.or([
    eb('documents.owner_id', '=', user.id),
    ...(options.deleted ? [] : [
      eb('documents.id', 'in', eb.selectFrom('document_collaborators').select('document_id').where('user_id', '=', user.id)),
      eb('documents.assignee_id', '=', user.id),
      eb('documents.id', 'in', transitions.documentsAssignedTo(user.id)),
      ...(user.roles.includes('clerk') ? [eb('documents.state', '=', 'final')] : []),
    ]),
  ]);
}
