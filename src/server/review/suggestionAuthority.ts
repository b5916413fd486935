import type { Logger } from 'pino';
import type { DocumentRow } from '../db/schema';
import type { DocumentStore } from '../documents/documentStore';
import type { BodyStore } from '../collab/bodyStore';
import type { HeavyWork } from '../work/heavyWork';
import type { SuggestionDecisionLog } from './suggestionDecisionLog';

/**
 * What the server does with a body update: `direct` — the piece is not in review, the connection's
 * rights decide as before; `allowed` — the holder's update keeps to the suggestion rule; `refused`.
 */
export type IncomingVerdict = 'direct' | 'allowed' | 'refused';

/**
 * The holder of the current checkpoint: while a piece is in review, the one user who may change its
 * body, and only by suggestions (修订). A 会签 step has no such holder (its row's assignee is null):
 * its holders comment but do not suggest, since one holder's accept or reject would change the text
 * another holder had already approved (README, 会签).
 */
export function isSuggestionHolder(user: { id: string }, row: Pick<DocumentRow, 'state' | 'assignee_id' | 'deleted_at'>): boolean {
  return row.state === 'review' && row.deleted_at === null && row.assignee_id !== null && row.assignee_id === user.id;
}

/**
 * The server's authority over a piece in review (修订): the holder's updates are judged in the worker
 * pool against the suggestion rule (core/suggestions/suggestionRule.ts) on a copy of the live body,
 * and only those that add, accept or reject suggestions pass. Anyone else's update to a piece in
 * review is refused. A worker that fails or is busy refuses too: nothing unjudged is stored.
 */
export class SuggestionAuthority {
  /** The rows judged on, by document: every keystroke no longer reads the row (forgotten at each lock and refresh). */
  private readonly rows = new Map<string, DocumentRow>();
  /** Bumped by `forget`: a read that began before it does not fill the cache afterwards. */
  private readonly generations = new Map<string, number>();

  constructor(private readonly deps: {
    documents: Pick<DocumentStore, 'findRow'>;
    bodies: Pick<BodyStore, 'currentState'>;
    work: HeavyWork;
    log: Logger;
    /** Where the suggestions an allowed update accepted or rejected are recorded. */
    decisions: Pick<SuggestionDecisionLog, 'record'>;
  }) {}

  /** The verdict on `update` to the body `documentName` from the connection of `userId`. */
  async judgeIncoming(documentName: string, update: Uint8Array, userId: string | null): Promise<IncomingVerdict> {
    const row = await this.row(documentName);
    if (!row || (row.deleted_at === null && (row.state === 'draft' || row.state === 'returned'))) return 'direct';
    if (!userId || !isSuggestionHolder({ id: userId }, row)) return 'refused';
    const started = performance.now();
    try {
      const live = await this.deps.bodies.currentState(documentName);
      const verdict = await this.deps.work.run('judgeSuggestionUpdate', { live, update, holderId: userId });
      const ms = Math.round(performance.now() - started);
      this.deps.log.debug({ documentName, ms, allowed: verdict.allowed }, 'judged a suggestion update');
      if (!verdict.allowed) return 'refused';
      await this.deps.decisions.record(row.id, row.revision, userId, verdict.decided);
      return 'allowed';
    } catch (err) {
      this.deps.log.warn({ err, documentName }, 'could not judge a suggestion update: refused');
      return 'refused';
    }
  }

  /** Drops the cached row of `documentName`: its state, holder or revision may be changing (CollabGate.onRightsChange). */
  forget(documentName: string): void {
    this.rows.delete(documentName);
    this.generations.set(documentName, (this.generations.get(documentName) ?? 0) + 1);
  }

  private async row(documentName: string): Promise<DocumentRow | undefined> {
    const cached = this.rows.get(documentName);
    if (cached) return cached;
    const generation = this.generations.get(documentName) ?? 0;
    const row = await this.deps.documents.findRow(documentName);
    if (row && (this.generations.get(documentName) ?? 0) === generation) {
      this.rows.set(documentName, row);
      // Bounded: a server with many open pieces keeps the most recently judged.
      if (this.rows.size > 1_000) this.rows.delete(this.rows.keys().next().value ?? '');
    }
    return row;
  }
}
