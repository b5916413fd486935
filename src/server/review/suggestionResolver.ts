import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import type { User } from '../../shared/api';
import { pendingSummary, type PendingSuggestions, type ResolveSuggestionsRequest, type ResolveSuggestionsResponse, type SuggestionItem } from '../../shared/suggestions';
import type { DocumentStore } from '../documents/documentStore';
import type { BodyStore } from '../collab/bodyStore';
import type { YjsStore } from '../collab/yjsStore';
import type { HeavyWork } from '../work/heavyWork';
import type { Audit } from '../services';
import { DeskError, forbidden } from '../errors';
import type { CollabGate } from './collabGate';
import { isSuggestionHolder } from './suggestionAuthority';
import type { SuggestionDecisionLog } from './suggestionDecisionLog';

export interface SuggestionResolverDeps {
  documents: DocumentStore;
  bodies: BodyStore;
  yjsStore: YjsStore;
  collab: () => Hocuspocus;
  work: HeavyWork;
  gate: CollabGate;
  audit: Audit;
  decisions: Pick<SuggestionDecisionLog, 'record'>;
}

/**
 * The pending suggestions (修订) of a piece, and accepting or rejecting them through the API: the
 * change is made by headless Lexical on a copy of the live body (worker pool) and applied to the
 * server's live document, so every open copy sees it as an ordinary edit. Only who may change the
 * text now may do it: the writers while the piece is editable, the holder of the checkpoint while
 * it is in review.
 */
export class SuggestionResolver {
  constructor(private readonly deps: SuggestionResolverDeps) {}

  /** The pending suggestions of the current body (the caller has checked access). */
  async pending(documentId: string): Promise<SuggestionItem[]> {
    return this.deps.work.run('listSuggestions', await this.deps.bodies.currentState(documentId));
  }

  /** How many suggestions are pending and whose (the caller has checked access). */
  async summary(documentId: string): Promise<PendingSuggestions> {
    return pendingSummary(await this.pending(documentId));
  }

  /** The pending suggestions, for anyone who may read the piece. */
  async list(user: User, documentId: string): Promise<SuggestionItem[]> {
    await this.deps.documents.load(user, documentId);
    return this.pending(documentId);
  }

  /** Accepts or rejects the chosen suggestions; 409 when no one may change the text now, 403 when this user may not. */
  async resolve(user: User, documentId: string, accept: boolean, request: ResolveSuggestionsRequest): Promise<ResolveSuggestionsResponse> {
    const { row, access } = await this.deps.documents.load(user, documentId);
    if (row.deleted_at !== null) throw new DeskError('conflict', '文稿在回收站中，不能处理修订');
    if (row.state === 'final') throw new DeskError('conflict', '文稿已定稿，不能处理修订');
    if (this.deps.gate.isLocked(documentId)) throw new DeskError('conflict', '文稿正在流转，请稍后再处理修订');
    const holder = isSuggestionHolder(user, row);
    if (row.state === 'review' && !holder) throw forbidden('文稿审核中，只有当前环节的办理人可以处理修订');
    if (row.state !== 'review' && !access.canEdit) throw forbidden('只有撰稿人和协作者可以处理修订');

    const live = await this.deps.bodies.currentState(documentId);
    const { update, resolved, decided } = await this.deps.work.run('resolveSuggestions', {
      live, accept, ...(request.ids && { ids: request.ids }), ...(request.authorId !== undefined && { authorId: request.authorId }),
    });
    if (resolved > 0) {
      const connection = await this.deps.collab().openDirectConnection(documentId, { user });
      try {
        // Edits made meanwhile merge with this change as a collaborator's would.
        await connection.transact((doc) => { Y.applyUpdate(doc, update); });
      } finally {
        await connection.disconnect();
      }
      // Written to the log at once, like an acknowledged client update.
      await this.deps.yjsStore.append(documentId, update);
      // A writer's accept is an edit of this revision; the holder's is the review itself (they may still approve).
      if (!holder) await this.deps.gate.recordEditor(documentId, user.id);
      else await this.deps.decisions.record(documentId, row.revision, user.id, decided);
      await this.deps.audit(user.id, accept ? 'suggestion.accept' : 'suggestion.reject', documentId, {
        resolved, ...(request.ids && { ids: request.ids.slice(0, 50) }), ...(request.authorId && { authorId: request.authorId }),
      });
    }
    const pending = new Set((await this.pending(documentId)).map((s) => s.id)).size;
    return { resolved, pending };
  }
}
