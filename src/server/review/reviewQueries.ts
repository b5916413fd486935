import type { User } from '../../shared/api';
import type { Inbox, InboxItem } from '../../shared/review';
import { documentChainColumn } from '../db/jsonColumns';
import type { DocumentStore } from '../documents/documentStore';
import type { TransitionLog } from './transitionLog';

/** The review's read-only queries across pieces, for the routes (built once, over the server's stores). */
export class ReviewQueries {
  constructor(
    private readonly documents: Pick<DocumentStore, 'awaiting'>,
    private readonly transitions: Pick<TransitionLog, 'lastMovedAt' | 'lastRemindedAt'>,
  ) {}

  /**
   * 待办: what waits for this user — pieces to review, to sign, and their own pieces returned to them.
   * An item's `since` (送达时间) is when the piece arrived: its last transition, not its last edit, so
   * that editing a returned piece does not make it arrive again.
   */
  async inboxFor(user: User): Promise<Inbox> {
    const rows = await this.documents.awaiting(user);
    const arrivedAt = await this.transitions.lastMovedAt(rows.map((r) => r.id));
    const remindedAt = await this.transitions.lastRemindedAt(rows.filter((r) => r.state === 'review').map((r) => r.id));
    const inbox: Inbox = { toReview: [], toSign: [], returned: [] };
    for (const row of rows) {
      const chain = row.chain ? documentChainColumn.parse(row.chain, row.id) : null;
      const checkpoint = chain && row.checkpoint_index !== null ? chain.checkpoints[row.checkpoint_index] ?? null : null;
      const since = arrivedAt.get(row.id) ?? row.updated_at;
      const reminded = remindedAt.get(row.id) ?? null;
      const item: InboxItem = {
        id: row.id, title: row.title, kind: row.kind, state: row.state,
        checkpointName: checkpoint?.name ?? null, ownerName: row.owner_name, since,
        remindedAt: reminded && reminded >= since ? reminded : null, countersign: checkpoint?.countersign === true,
      };
      if (row.state === 'returned') inbox.returned.push(item);
      else if (checkpoint?.role === 'signer') inbox.toSign.push(item);
      else inbox.toReview.push(item);
    }
    return inbox;
  }
}
