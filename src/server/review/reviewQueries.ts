import type { Kysely } from 'kysely';
import type { User } from '../../shared/api';
import type { Inbox, InboxItem } from '../../shared/review';
import type { Database } from '../db/schema';
import { documentChainColumn } from '../db/jsonColumns';

/** The review's read-only queries across pieces, for the routes (built once, over the server's database). */
export class ReviewQueries {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * 待办: what waits for this user — pieces to review, to sign, and their own pieces returned to them.
   * An item's `since` (送达时间) is when the piece arrived: its last transition, not its last edit, so
   * that editing a returned piece does not make it arrive again.
   */
  inboxFor(user: User): Promise<Inbox> {
    return inboxFor(this.db, user);
  }
}

async function inboxFor(db: Kysely<Database>, user: User): Promise<Inbox> {
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
    const chain = row.chain ? documentChainColumn.parse(row.chain, row.id) : null;
    const checkpoint = chain && row.checkpoint_index !== null ? chain.checkpoints[row.checkpoint_index] ?? null : null;
    const item: InboxItem = {
      id: row.id, title: row.title, kind: row.kind, state: row.state,
      checkpointName: checkpoint?.name ?? null, ownerName: row.owner_name, since: row.arrived_at ?? row.updated_at,
    };
    if (row.state === 'returned') inbox.returned.push(item);
    else if (checkpoint?.role === 'signer') inbox.toSign.push(item);
    else inbox.toReview.push(item);
  }
  return inbox;
}
