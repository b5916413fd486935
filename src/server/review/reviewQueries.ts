import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { User } from '../../shared/api';
import type { DocumentKind } from '../../shared/kinds';
import type { CommentThreadView, Inbox, InboxItem } from '../../shared/review';
import type { CheckpointChain, WorkflowState } from '../../shared/workflow';
import { readThreads } from '../../core/review/threads';
import type { Database } from '../db/schema';
import type { DocumentStore } from '../documents/documentStore';
import type { BodyStore } from '../collab/bodyStore';
import { forbidden } from '../http/errors';
import { reviewDocumentName } from '../collab/documentNames';

/**
 * 待办: what waits for this user — pieces to review, to sign, and their own pieces returned to them.
 * An item's `since` (送达时间) is when the piece arrived: its last transition, not its last edit, so
 * that editing a returned piece does not make it arrive again.
 */
export async function inboxFor(db: Kysely<Database>, user: User): Promise<Inbox> {
  const rows = await db.selectFrom('documents').innerJoin('users', 'users.id', 'documents.owner_id')
    .selectAll('documents').select('users.display_name as owner_name')
    .select((eb) => eb.selectFrom('transitions').select((t) => t.fn.max('transitions.at').as('at'))
      .whereRef('transitions.document_id', '=', 'documents.id').as('arrived_at'))
    .where('documents.deleted_at', 'is', null)
    .where((eb) => eb.or([
      eb.and([eb('documents.state', '=', 'review'), eb('documents.assignee_id', '=', user.id)]),
      eb.and([eb('documents.state', '=', 'returned'), eb.or([
        eb('documents.owner_id', '=', user.id),
        eb('documents.id', 'in', eb.selectFrom('document_collaborators').select('document_id').where('user_id', '=', user.id)),
      ])]),
    ]))
    .orderBy('documents.updated_at', 'desc').execute();
  const inbox: Inbox = { toReview: [], toSign: [], returned: [] };
  for (const row of rows) {
    const chain = row.chain ? (JSON.parse(row.chain) as CheckpointChain) : null;
    const checkpoint = chain && row.checkpoint_index !== null ? chain.checkpoints[row.checkpoint_index] ?? null : null;
    const item: InboxItem = {
      id: row.id, title: row.title, kind: row.kind as DocumentKind, state: row.state as WorkflowState,
      checkpointName: checkpoint?.name ?? null, ownerName: row.owner_name, since: row.arrived_at ?? row.updated_at,
    };
    if (row.state === 'returned') inbox.returned.push(item);
    else if (checkpoint?.role === 'signer') inbox.toSign.push(item);
    else inbox.toReview.push(item);
  }
  return inbox;
}

/** The review threads of a piece as the server sees them, with whether each anchor still holds. */
export async function commentThreads(documents: DocumentStore, bodies: BodyStore, user: User, id: string): Promise<CommentThreadView[]> {
  const { access } = await documents.load(user, id);
  if (!access.canReadComments) throw forbidden('没有权限查看批注');
  const review = new Y.Doc();
  Y.applyUpdate(review, await bodies.currentState(reviewDocumentName(id), new Uint8Array([0, 0])));
  const body = new Y.Doc();
  Y.applyUpdate(body, await bodies.currentState(id));
  const anchored = (json: unknown): boolean => {
    try {
      return Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), body) !== null;
    } catch {
      return false;
    }
  };
  return readThreads(review).map((t) => ({
    id: t.id, quote: t.quote, authorName: t.authorName, createdAt: t.createdAt, resolved: t.resolved,
    anchored: anchored(t.anchor.start) && anchored(t.anchor.end),
    comments: t.comments.map((c) => ({ authorName: c.authorName, text: c.text, at: c.at })),
  }));
}
