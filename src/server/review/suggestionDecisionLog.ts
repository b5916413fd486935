import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { Database, SuggestionDecisionsTable } from '../db/schema';
import type { SuggestionDecision } from '../../core/suggestions/suggestionRule';
import type { DecidedSuggestion } from '../../shared/review';

/** How much of a decided suggestion's text is kept for the history (the body keeps the rest). */
const TEXT_KEPT = 200;

/** A stored decision row. */
export type DecisionRow = Selectable<SuggestionDecisionsTable>;

/**
 * Who accepted or rejected which suggestion (修订) while a piece was in review, owning
 * `suggestion_decisions`. Decisions wait unattached until their decider's next transition on the
 * piece, which then covers them: the history shows that an approval covers the changes its
 * reviewer accepted.
 */
export class SuggestionDecisionLog {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records `decided` by `userId` on the piece's `revision`. */
  async record(documentId: string, revision: number, userId: string, decided: readonly SuggestionDecision[], at = new Date().toISOString()): Promise<void> {
    if (decided.length === 0) return;
    const rows: Insertable<SuggestionDecisionsTable>[] = decided.map((d) => ({
      document_id: documentId, revision, suggestion_id: d.id, kind: d.kind, author_id: d.authorId, author_name: d.authorName,
      suggested_at: d.at, text: d.text.slice(0, TEXT_KEPT), accepted: d.accepted ? 1 : 0, decided_by: userId, decided_at: at,
      transition_id: null,
    }));
    await this.db.insertInto('suggestion_decisions').values(rows).execute();
  }

  /** Attaches the decider's open decisions on the piece to their transition `transitionId`, within `trx`. */
  async attach(trx: Transaction<Database>, documentId: string, userId: string, transitionId: number): Promise<void> {
    await trx.updateTable('suggestion_decisions').set({ transition_id: transitionId })
      .where('document_id', '=', documentId).where('decided_by', '=', userId).where('transition_id', 'is', null).execute();
  }

  /** The decisions each transition of the piece covers, by transition id, in the order they were made. */
  async byTransition(documentId: string): Promise<Map<number, DecidedSuggestion[]>> {
    const rows = await this.db.selectFrom('suggestion_decisions').selectAll()
      .where('document_id', '=', documentId).where('transition_id', 'is not', null)
      .orderBy('id').execute();
    const covered = new Map<number, DecidedSuggestion[]>();
    for (const row of rows) {
      const key = Number(row.transition_id);
      const list = covered.get(key) ?? [];
      list.push(decidedOf(row));
      covered.set(key, list);
    }
    return covered;
  }
}

function decidedOf(row: DecisionRow): DecidedSuggestion {
  return {
    id: row.suggestion_id, kind: row.kind, authorId: row.author_id, authorName: row.author_name,
    at: row.suggested_at, text: row.text, accepted: row.accepted === 1, decidedAt: row.decided_at,
  };
}

/** Migration 0007: the table, and its index by piece and transition. */
export async function createSuggestionDecisions(db: Kysely<unknown>, serial: string, postgres: boolean): Promise<void> {
  await db.schema.createTable('suggestion_decisions')
    .addColumn('id', sql.raw(serial), (c) => postgres ? c.primaryKey() : c.primaryKey().autoIncrement())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('suggestion_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('suggested_at', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('accepted', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('transition_id', 'integer')
    .execute();
  await db.schema.createIndex('suggestion_decisions_document').on('suggestion_decisions').columns(['document_id', 'transition_id']).execute();
}
