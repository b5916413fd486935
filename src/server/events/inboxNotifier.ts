import type { Logger } from 'pino';
import type { User } from '../../shared/api';
import type { DeskEvent } from '../../shared/events';
import type { WorkflowAction, WorkflowState } from '../../core/domain/workflow';
import type { DocumentStore } from '../documents/documentStore';
import type { EventBus } from './eventBus';
import type { StepHolderStore } from '../review/stepHolderStore';

/** A transition as the people concerned hear of it. */
export interface TransitionNews {
  documentId: string;
  action: WorkflowAction;
  actor: User;
  /** Where the piece was before: its holder leaves their 待办, and 已退回 was in its writers'. */
  previousState: WorkflowState;
  previousAssigneeId: string | null;
  state: WorkflowState;
  assigneeId: string | null;
  checkpointName: string | null;
  comment: string;
  /** The holders of the 会签 step the transition opened (each is told as an assignee is). */
  holderIds?: readonly string[];
  /** The holders of the 会签 step the transition ended (the piece leaves their 待办). */
  previousHolderIds?: readonly string[];
}

/** A 催办 as its holders hear of it. */
export interface ReminderNews { documentId: string; actor: User; holderIds: readonly string[]; comment: string }

/** States in which a piece is in someone's 待办 (待我审核 / 待我签发, 退回给我). */
const INBOX_STATES: ReadonlySet<string> = new Set<WorkflowState>(['review', 'returned']);

/**
 * Tells the people whose 待办 a change touches, over the event bus: a piece's owner and
 * collaborators (退回给我), its holder (待我审核, 待我签发), and whoever held it before. Each person
 * gets one event: what happened to them if it concerns them directly, `inbox-changed` otherwise.
 * Never throws: the change is already committed, and a client that misses an event refreshes later.
 */
export class InboxNotifier {
  constructor(
    private readonly documents: Pick<DocumentStore, 'findRow' | 'collaboratorIds'>,
    private readonly bus: EventBus,
    private readonly log: Pick<Logger, 'error'>,
    /** The 会签 holders, whose 待办 holds the piece as an assignee's does. */
    private readonly holders?: Pick<StepHolderStore, 'current'>,
  ) {}

  async transitioned(news: TransitionNews): Promise<void> {
    try {
      const piece = await this.piece(news.documentId);
      if (!piece) return;
      const byName = news.actor.displayName;
      const told = new Set<string>();
      const tell = (ids: Iterable<string>, event: DeskEvent): void => {
        const fresh = [...ids].filter((id) => !told.has(id));
        fresh.forEach((id) => told.add(id));
        this.bus.publish(fresh, event);
      };
      const newHolders = [...(news.assigneeId ? [news.assigneeId] : []), ...(news.holderIds ?? [])];
      if (news.state === 'review') {
        tell(newHolders.filter((id) => id !== news.actor.id), {
          type: 'piece-assigned', documentId: news.documentId, title: piece.title, checkpointName: news.checkpointName, byName,
        });
      }
      if (news.action === 'return') {
        tell(piece.writers.filter((id) => id !== news.actor.id), {
          type: 'piece-returned', documentId: news.documentId, title: piece.title, byName, comment: news.comment,
        });
      }
      const writersConcerned = news.previousState === 'returned' || news.state === 'returned';
      const others = [...(writersConcerned ? piece.writers : []), news.actor.id, news.previousAssigneeId, news.assigneeId, ...(news.previousHolderIds ?? [])];
      tell(others.filter((id): id is string => id !== null), { type: 'inbox-changed' });
    } catch (err) {
      this.log.error({ err, documentId: news.documentId }, 'could not tell who the transition concerns');
    }
  }

  /** A writer reminded the holders (催办): each hears of it, and their 待办 shows the mark. Never throws. */
  async reminded(news: ReminderNews): Promise<void> {
    try {
      const piece = await this.piece(news.documentId);
      if (!piece) return;
      this.bus.publish([...news.holderIds], {
        type: 'piece-reminded', documentId: news.documentId, title: piece.title, byName: news.actor.displayName, comment: news.comment,
      });
    } catch (err) {
      this.log.error({ err, documentId: news.documentId }, 'could not tell the holders of the reminder');
    }
  }

  /**
   * The piece was renamed, deleted, restored or shared (`also`: a collaborator added or removed):
   * while it is in someone's 待办, those people fetch their 待办 again.
   */
  async documentChanged(documentId: string, also: string[] = []): Promise<void> {
    try {
      const piece = await this.piece(documentId);
      if (!piece || !INBOX_STATES.has(piece.state)) return;
      const ids = [...piece.writers, ...also];
      if (piece.assigneeId) ids.push(piece.assigneeId);
      if (piece.state === 'review' && this.holders) ids.push(...(await this.holders.current(documentId)).map((h) => h.userId));
      this.bus.publish(ids, { type: 'inbox-changed' });
    } catch (err) {
      this.log.error({ err, documentId }, 'could not tell who the change concerns');
    }
  }

  private async piece(documentId: string): Promise<{ title: string; state: string; assigneeId: string | null; writers: string[] } | null> {
    const row = await this.documents.findRow(documentId);
    if (!row) return null;
    const collaboratorIds = await this.documents.collaboratorIds(documentId);
    return { title: row.title, state: row.state, assigneeId: row.assignee_id, writers: [row.owner_id, ...collaboratorIds] };
  }
}
