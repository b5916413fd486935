import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { User } from '../../shared/api';
import type { CommentEntryView, CommentThreadView, NewThreadRequest } from '../../shared/review';
import type { DocumentAccess } from '../../core/access';
import { decodeAnchorPosition, type EncodedAnchor } from '../../core/review/anchor';
import { readAnchors, type AnchorReading } from '../../core/review/anchorQuote';
import type { Database, ReviewEntriesTable, ReviewThreadsTable } from '../db/schema';
import type { DocumentStore } from '../documents/documentStore';
import type { BodyStore } from '../collab/bodyStore';
import type { Audit } from '../services';
import type { HeavyWork } from '../work/heavyWork';
import { sha256Base64 } from '../digest';
import { DeskError, forbidden, notFound } from '../errors';

/** Anchor readings of closed pieces kept, by stored state and anchors. */
const READINGS_KEPT = 32;

/** Shown for an entry moved from an old review document whose author id named no user. */
export const UNKNOWN_AUTHOR = '未知用户';

type ThreadRow = Selectable<ReviewThreadsTable>;
type EntryRow = Selectable<ReviewEntriesTable>;

export interface ThreadStoreDeps {
  db: Kysely<Database>;
  documents: DocumentStore;
  bodies: BodyStore;
  /** Reads anchors in a stored body (the piece not open) off the event loop. */
  work: HeavyWork;
  audit: Audit;
  /** Tells every open copy of the piece that its comments changed. */
  announce: (documentId: string, threadId: string) => void;
}

/**
 * Review threads (批注) in the relational store, written only through here. The author and every
 * time come from the session and the server's clock, never from the request; the access table
 * (src/core/access.ts) says who opens, answers and resolves; an entry's text changes, and an entry
 * is deleted, only by its author. Deletes are soft: the row keeps its text, the views show a mark.
 * A thread's quote is the body's text at its anchor when it was opened, read here: the client's
 * `quote` is not believed (what the reviewer saw quoted is what the body said).
 */
export class ThreadStore {
  private readonly readings = new Map<string, Promise<AnchorReading[]>>();

  constructor(private readonly deps: ThreadStoreDeps) {}

  /** The piece's threads, oldest first, with whether each anchor still holds in the current body. */
  async list(user: User, documentId: string): Promise<CommentThreadView[]> {
    const access = await this.access(user, documentId);
    if (!access.canReadComments) throw forbidden('没有权限查看批注');
    return this.views(documentId);
  }

  async start(user: User, documentId: string, input: NewThreadRequest): Promise<CommentThreadView> {
    const access = await this.access(user, documentId);
    if (!access.canStartThreads) throw forbidden('只有当前环节的办理人可以添加批注');
    const unknownPlace = (): DeskError => new DeskError('bad_request', '批注的位置无法识别，请重新选择文字');
    if (!decodeAnchorPosition(input.anchor.start) || !decodeAnchorPosition(input.anchor.end)) throw unknownPlace();
    const [{ quote }] = await this.readAnchors(documentId, [input.anchor]);
    if (quote === null) throw unknownPlace();
    const id = randomUUID();
    const at = new Date().toISOString();
    const entryId = await this.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('review_threads').values({
        id, document_id: documentId, anchor_start: input.anchor.start, anchor_end: input.anchor.end, quote,
        created_by: user.id, created_at: at, resolved: 0, resolved_by: null, resolved_at: null,
      }).execute();
      const entry = await trx.insertInto('review_entries').values({
        thread_id: id, document_id: documentId, author_id: user.id, text: input.text, created_at: at, edited_at: null, deleted_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      return Number(entry.id);
    });
    await this.changed(user, 'comment.create', documentId, id, { entryId });
    return this.view(documentId, id);
  }

  async reply(user: User, documentId: string, threadId: string, text: string): Promise<CommentEntryView> {
    const access = await this.access(user, documentId);
    if (!access.canComment) throw forbidden('没有权限回复批注');
    await this.visibleThread(documentId, threadId);
    const entry = await this.deps.db.insertInto('review_entries').values({
      thread_id: threadId, document_id: documentId, author_id: user.id, text, created_at: new Date().toISOString(), edited_at: null, deleted_at: null,
    }).returning('id').executeTakeFirstOrThrow();
    const entryId = Number(entry.id);
    await this.changed(user, 'comment.reply', documentId, threadId, { entryId });
    return this.entryView(documentId, entryId);
  }

  /** Changes the text of the user's own entry. */
  async edit(user: User, documentId: string, threadId: string, entryId: number, text: string): Promise<CommentEntryView> {
    const entry = await this.ownEntry(user, documentId, threadId, entryId, '只能编辑自己写的批注');
    if (entry.text !== text) {
      const { numUpdatedRows } = await this.deps.db.updateTable('review_entries').set({ text, edited_at: new Date().toISOString() })
        .where('id', '=', entryId).where('author_id', '=', user.id).where('deleted_at', 'is', null).executeTakeFirst();
      if (numUpdatedRows === 0n) throw deleted();
      await this.changed(user, 'comment.edit', documentId, threadId, { entryId, previousText: entry.text });
    }
    return this.entryView(documentId, entryId);
  }

  /** Deletes the user's own entry (softly); a thread with no entry left disappears from the views. */
  async remove(user: User, documentId: string, threadId: string, entryId: number): Promise<void> {
    await this.ownEntry(user, documentId, threadId, entryId, '只能删除自己写的批注');
    const { numUpdatedRows } = await this.deps.db.updateTable('review_entries').set({ deleted_at: new Date().toISOString() })
      .where('id', '=', entryId).where('author_id', '=', user.id).where('deleted_at', 'is', null).executeTakeFirst();
    if (numUpdatedRows > 0n) await this.changed(user, 'comment.delete', documentId, threadId, { entryId });
  }

  async setResolved(user: User, documentId: string, threadId: string, resolved: boolean): Promise<CommentThreadView> {
    const access = await this.access(user, documentId);
    if (!access.canResolveThreads) throw forbidden('只有撰稿人和当前环节的办理人可以解决批注');
    const thread = await this.visibleThread(documentId, threadId);
    if ((thread.resolved === 1) !== resolved) {
      const at = new Date().toISOString();
      await this.deps.db.updateTable('review_threads')
        .set(resolved ? { resolved: 1, resolved_by: user.id, resolved_at: at } : { resolved: 0, resolved_by: null, resolved_at: null })
        .where('id', '=', threadId).execute();
      await this.changed(user, resolved ? 'comment.resolve' : 'comment.reopen', documentId, threadId, {});
    }
    return this.view(documentId, threadId);
  }

  private async access(user: User, documentId: string): Promise<DocumentAccess> {
    return (await this.deps.documents.load(user, documentId)).access;
  }

  /** A thread of this piece that still shows (has an entry not deleted), or 404. */
  private async visibleThread(documentId: string, threadId: string): Promise<ThreadRow> {
    const thread = await this.deps.db.selectFrom('review_threads').selectAll()
      .where('id', '=', threadId).where('document_id', '=', documentId).executeTakeFirst();
    const live = thread && await this.deps.db.selectFrom('review_entries').select('id')
      .where('thread_id', '=', threadId).where('deleted_at', 'is', null).limit(1).executeTakeFirst();
    if (!thread || !live) throw notFound('批注');
    return thread;
  }

  /** An entry the user wrote and may still change: 404 unknown, 403 someone else's, 409 deleted. */
  private async ownEntry(user: User, documentId: string, threadId: string, entryId: number, notYours: string): Promise<EntryRow> {
    const access = await this.access(user, documentId);
    const entry = await this.deps.db.selectFrom('review_entries').selectAll()
      .where('id', '=', entryId).where('thread_id', '=', threadId).where('document_id', '=', documentId).executeTakeFirst();
    if (!entry) throw notFound('批注');
    if (entry.author_id !== user.id) throw forbidden(notYours);
    if (!access.canComment) throw forbidden('你已不能修改此文稿的批注');
    if (entry.deleted_at !== null) throw deleted();
    return entry;
  }

  private async changed(user: User, action: string, documentId: string, threadId: string, detail: Record<string, unknown>): Promise<void> {
    await this.deps.audit(user.id, action, documentId, { threadId, ...detail });
    this.deps.announce(documentId, threadId);
  }

  private async view(documentId: string, threadId: string): Promise<CommentThreadView> {
    const view = (await this.views(documentId)).find((t) => t.id === threadId);
    if (!view) throw notFound('批注');
    return view;
  }

  private async entryView(documentId: string, entryId: number): Promise<CommentEntryView> {
    const wanted = String(entryId);
    for (const thread of await this.views(documentId)) {
      const entry = thread.comments.find((c) => c.id === wanted);
      if (entry) return entry;
    }
    throw notFound('批注');
  }

  private async views(documentId: string): Promise<CommentThreadView[]> {
    const { db } = this.deps;
    const threads = await db.selectFrom('review_threads').selectAll().where('document_id', '=', documentId)
      .orderBy('created_at').orderBy('id').execute();
    if (threads.length === 0) return [];
    const entries = await db.selectFrom('review_entries').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
    const userIds = new Set<string>();
    for (const id of [...threads.flatMap((t) => [t.created_by, t.resolved_by]), ...entries.map((e) => e.author_id)]) if (id) userIds.add(id);
    const names = new Map((userIds.size > 0
      ? await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...userIds]).execute()
      : []).map((u) => [u.id, u.display_name]));
    const nameOf = (id: string | null): string => (id && names.get(id)) || UNKNOWN_AUTHOR;
    const anchors = threads.map((t): EncodedAnchor => ({ start: t.anchor_start, end: t.anchor_end }));
    const readings = await this.readAnchors(documentId, anchors);
    const holds = new Map(threads.map((t, i) => [t.id, readings[i]?.holds ?? false]));
    const byThread = new Map<string, EntryRow[]>();
    for (const entry of entries) byThread.set(entry.thread_id, [...(byThread.get(entry.thread_id) ?? []), entry]);

    const views = threads.flatMap((thread): CommentThreadView[] => {
      const own = byThread.get(thread.id) ?? [];
      if (!own.some((e) => e.deleted_at === null)) return [];
      const anchor = { start: thread.anchor_start, end: thread.anchor_end };
      return [{
        id: thread.id, quote: thread.quote, anchor, authorId: thread.created_by, authorName: nameOf(thread.created_by),
        createdAt: thread.created_at, resolved: thread.resolved === 1,
        resolvedBy: thread.resolved === 1 && thread.resolved_by ? { id: thread.resolved_by, name: nameOf(thread.resolved_by) } : null,
        resolvedAt: thread.resolved === 1 ? thread.resolved_at : null,
        anchored: holds.get(thread.id) ?? false,
        comments: own.map((e) => ({
          id: String(Number(e.id)), authorId: e.author_id, authorName: nameOf(e.author_id), text: e.deleted_at === null ? e.text : '',
          at: e.created_at, editedAt: e.edited_at, deleted: e.deleted_at !== null, migrated: e.migrated === 1,
        })),
      }];
    });
    return views;
  }

  /**
   * Whether each anchor holds in the piece's current body, and the text it covers. An open piece is
   * read on its live document, which touches only the anchors' own paragraphs (microseconds). A
   * closed one has to be decoded whole (1.7 s for 20,000 paragraphs): the worker pool does that, and
   * the readings are kept here by the exact stored state (a worker that decoded a large body is
   * replaced after its task to give the memory back, so it cannot keep the decoded body itself).
   */
  private async readAnchors(documentId: string, anchors: readonly EncodedAnchor[]): Promise<AnchorReading[]> {
    if (anchors.length === 0) return [];
    const live = this.deps.bodies.liveDocument(documentId);
    if (live) return readAnchors(live, anchors);
    const state = await this.deps.bodies.currentState(documentId);
    const key = `${sha256Base64(state)} ${anchors.map((a) => `${a.start}:${a.end}`).join(' ')}`;
    // Kept as the promise: reads at the same moment share one reading.
    let readings = this.readings.get(key);
    if (!readings) {
      readings = this.deps.work.run('readAnchors', { state, anchors: [...anchors] });
      this.readings.set(key, readings);
      readings.catch(() => this.readings.delete(key));
      if (this.readings.size > READINGS_KEPT) this.readings.delete(this.readings.keys().next().value ?? '');
    }
    return readings;
  }
}

function deleted(): DeskError {
  return new DeskError('conflict', '这条批注已删除');
}
