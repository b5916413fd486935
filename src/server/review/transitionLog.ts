import type { ExpressionBuilder, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, TransitionsTable } from '../db/schema';

/** A transition to append, as the workflow decided it (the id is the log's). */
export type NewTransition = Omit<Insertable<TransitionsTable>, 'id'>;

/** The last transition that vouched for a revision's content (approval, signature), with its actor's name. */
export interface Vouch { action: TransitionsTable['action']; at: string; contentHash: string; checkpointName: string | null; actorName: string }

/** The transition that made a revision 定稿, with its actor's name and opinion (签发意见). */
export interface FinalSignature { contentHash: string; signerName: string; signedAt: string; opinion: string }

/**
 * Transitions that bring a piece to someone (or away): all but 催办 and the 会签 approvals that leave
 * their step open, which move nothing. "Since" in the 待办 and a step's start are read from these.
 */
function arrivals(eb: ExpressionBuilder<Database, 'transitions'>) {
  return eb.and([
    eb('transitions.action', '!=', 'remind'),
    eb.not(eb.and([
      eb('transitions.action', '=', 'approve'), eb('transitions.to_state', '=', 'review'),
      eb('transitions.assignee_id', 'is', null), eb('transitions.holder_ids', 'is', null),
    ])),
  ]);
}

/** A row of the log with the names of its actor and assignee, for the history. */
export type TransitionWithNames = Selectable<TransitionsTable> & { actor_name: string; assignee_name: string | null };

/**
 * The workflow's append-only record: owns `transitions` (every action with the content hash it
 * vouches for) and `revision_editors` (who edited each revision, which the state table reads to keep
 * authors from approving their own text). Only WorkflowService appends, inside its transaction.
 */
export class TransitionLog {
  constructor(private readonly db: Kysely<Database>) {}

  /** Appends one transition within `trx` (the document's own move is written in the same transaction); its id. */
  async append(trx: Transaction<Database>, transition: NewTransition): Promise<number> {
    const { id } = await trx.insertInto('transitions').values(transition).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  }

  /** Every transition of the piece, oldest first, with actor and assignee names (names joined for display only). */
  async history(documentId: string): Promise<TransitionWithNames[]> {
    const rows = await this.db.selectFrom('transitions')
      .innerJoin('users as actor', 'actor.id', 'transitions.actor_id')
      .leftJoin('users as assignee', 'assignee.id', 'transitions.assignee_id')
      .selectAll('transitions')
      .select(['actor.display_name as actor_name', 'assignee.display_name as assignee_name'])
      .where('document_id', '=', documentId).orderBy('transitions.id').execute();
    return rows.map((r) => ({ ...r, id: Number(r.id), assignee_name: r.assignee_name ?? null }));
  }

  /** The last transition that vouched for `revision`'s content, or null. */
  async lastVouch(documentId: string, revision: number): Promise<Vouch | null> {
    const last = await this.db.selectFrom('transitions').innerJoin('users', 'users.id', 'transitions.actor_id')
      .select(['transitions.action', 'transitions.at', 'transitions.content_hash', 'transitions.checkpoint_name', 'users.display_name'])
      .where('document_id', '=', documentId).where('revision', '=', revision).where('vouches', '=', 1)
      .orderBy('transitions.id', 'desc').limit(1).executeTakeFirst();
    return last ? {
      action: last.action, at: last.at, contentHash: last.content_hash, checkpointName: last.checkpoint_name, actorName: last.display_name,
    } : null;
  }

  /** The last transition into 定稿 within `revision`, or null. */
  async finalSignature(documentId: string, revision: number): Promise<FinalSignature | null> {
    const signed = await this.db.selectFrom('transitions').innerJoin('users', 'users.id', 'transitions.actor_id')
      .select(['transitions.content_hash', 'transitions.at', 'transitions.opinion', 'users.display_name'])
      .where('document_id', '=', documentId).where('revision', '=', revision).where('to_state', '=', 'final')
      .orderBy('transitions.id', 'desc').limit(1).executeTakeFirst();
    return signed ? { contentHash: signed.content_hash, signerName: signed.display_name, signedAt: signed.at, opinion: signed.opinion } : null;
  }

  /** Everyone the piece was ever assigned to, each once, in no particular order. */
  async assigneeIds(documentId: string): Promise<string[]> {
    const rows = await this.db.selectFrom('transitions').select('assignee_id').distinct()
      .where('document_id', '=', documentId).where('assignee_id', 'is not', null).execute();
    return rows.flatMap((r) => (r.assignee_id ? [r.assignee_id] : []));
  }

  /**
   * The ids of the pieces ever assigned to `userId`, as a subquery for a document list to filter by
   * (composed into the caller's query, so the list stays one round trip).
   */
  documentsAssignedTo(userId: string) {
    return this.db.selectFrom('transitions').select('document_id').where('assignee_id', '=', userId);
  }

  /**
   * When each of the pieces last moved (its last transition that brought it to someone: not a 催办,
   * nor a 会签 approval that left the step open), for those that ever did.
   */
  async lastMovedAt(documentIds: string[]): Promise<Map<string, string>> {
    const moved = new Map<string, string>();
    for (let i = 0; i < documentIds.length; i += 500) {
      const rows = await this.db.selectFrom('transitions').select(['document_id', (eb) => eb.fn.max('at').as('at')])
        .where('document_id', 'in', documentIds.slice(i, i + 500)).where(arrivals).groupBy('document_id').execute();
      for (const r of rows) moved.set(r.document_id, r.at);
    }
    return moved;
  }

  /** The last 催办 of each piece, for those ever reminded (the caller compares it with the step's start). */
  async lastRemindedAt(documentIds: string[]): Promise<Map<string, string>> {
    const reminded = new Map<string, string>();
    for (let i = 0; i < documentIds.length; i += 500) {
      const rows = await this.db.selectFrom('transitions').select(['document_id', (eb) => eb.fn.max('at').as('at')])
        .where('document_id', 'in', documentIds.slice(i, i + 500)).where('action', '=', 'remind').groupBy('document_id').execute();
      for (const r of rows) reminded.set(r.document_id, r.at);
    }
    return reminded;
  }

  /** Who edited `revision` of the piece. */
  async editorIds(documentId: string, revision: number): Promise<string[]> {
    const rows = await this.db.selectFrom('revision_editors').select('user_id')
      .where('document_id', '=', documentId).where('revision', '=', revision).execute();
    return rows.map((r) => r.user_id);
  }

  /** Notes that `userId` edited `revision` of the piece (once; noting it again changes nothing). */
  async recordEditor(documentId: string, revision: number, userId: string): Promise<void> {
    await this.recordEditorQuery(documentId, revision, userId).execute();
  }

  /** `recordEditor`'s statement, unexecuted (SQLite: the update-log thread runs it, its fsync off the event loop). */
  recordEditorQuery(documentId: string, revision: number, userId: string) {
    return this.db.insertInto('revision_editors').values({ document_id: documentId, revision, user_id: userId })
      .onConflict((oc) => oc.columns(['document_id', 'revision', 'user_id']).doNothing());
  }
}
