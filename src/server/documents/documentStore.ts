import { randomUUID } from 'node:crypto';
import { containsText } from '../db/textSearch';
import type { Kysely, Transaction } from 'kysely';
import type { DocumentDetail, DocumentProperties, DocumentSummary } from '../../shared/api';
import type { DocumentKind } from '../../core/domain/kinds';
import type { User } from '../../shared/api';
import { documentAccess, type DocumentAccess } from '../../core/access';
import type { Database, DocumentRow } from '../db/schema';
import { documentPropertiesColumn } from '../db/jsonColumns';
import { DeskError, forbidden, notEditable, notFound } from '../errors';
import { TransitionLog } from '../review/transitionLog';
import type { StepHolderStore } from '../review/stepHolderStore';
import { readablePieces } from './readableDocuments';

export interface DocumentFilter { kind?: DocumentKind; ownerId?: string; q?: string; deleted?: boolean; target?: string }

export interface LoadedDocument {
  row: DocumentRow;
  collaboratorIds: string[];
  access: DocumentAccess;
}

/** What a workflow transition writes on the document row. */
export type DocumentMove = Pick<DocumentRow, 'state' | 'checkpoint_index' | 'assignee_id' | 'chain' | 'finalized_by' | 'revision' | 'updated_at'>;

/** A live piece of one kind with its properties read, for the registers (发文字号, 期号). */
export interface PieceProperties { id: string; title: string; createdAt: string; properties: DocumentProperties }

/** A document row's properties; throws CorruptColumnError when the column is not an object of texts. */
export function rowProperties(row: Pick<DocumentRow, 'id' | 'properties'>): DocumentProperties {
  return documentPropertiesColumn.parse(row.properties, row.id);
}

/**
 * Documents in the relational store: metadata, properties, collaborators, access. It owns the
 * `documents` and `document_collaborators` tables; the 回收站's rule lives in DocumentRemover and
 * the workflow's in WorkflowService, which write through the methods here. Who a piece was assigned
 * to (part of its access) is read from the workflow's TransitionLog.
 */
export class DocumentStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly transitions: Pick<TransitionLog, 'assigneeIds' | 'documentsAssignedTo'>,
    /** The 会签 holders: they hold, read and are in the 待办 of the pieces as assignees are. */
    private readonly holders?: Pick<StepHolderStore, 'current' | 'everHeld' | 'documentsHeldBy' | 'documentsAwaiting'>,
  ) {}

  /** A new 起草 piece owned by `owner`; `sourceDocumentId` links a draft saved from refused offline edits. */
  async create(owner: User, input: { title: string; kind: DocumentKind; properties?: DocumentProperties; sourceDocumentId?: string }): Promise<string> {
    const id = randomUUID();
    const now = new Date().toISOString();
    await this.db.insertInto('documents').values({
      id, title: input.title, kind: input.kind, owner_id: owner.id, state: 'draft',
      properties: documentPropertiesColumn.stringify(input.properties ?? {}), created_at: now, updated_at: now, deleted_at: null,
      ...(input.sourceDocumentId !== undefined && { source_document_id: input.sourceDocumentId }),
    }).execute();
    return id;
  }

  /** The row as stored, with no access check (the caller has done it), or undefined. */
  findRow(id: string): Promise<DocumentRow | undefined> {
    return this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The other live pieces of a kind, with their properties, oldest first as stored. */
  async othersOfKind(kind: DocumentKind, exceptId: string): Promise<PieceProperties[]> {
    const rows = await this.db.selectFrom('documents').select(['id', 'title', 'properties', 'created_at'])
      .where('deleted_at', 'is', null).where('id', '!=', exceptId).where('kind', '=', kind).execute();
    return rows.map((r) => ({ id: r.id, title: r.title, createdAt: r.created_at, properties: rowProperties(r) }));
  }

  /**
   * Moves the piece to the 回收站 if it is still live and in `expectedState`; false when someone
   * moved it on meanwhile (the caller reports the conflict).
   */
  async markDeleted(id: string, expectedState: DocumentRow['state']): Promise<boolean> {
    const updated = await this.db.updateTable('documents').set({ deleted_at: new Date().toISOString() })
      .where('id', '=', id).where('state', '=', expectedState).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** Brings the piece back from the 回收站. */
  async markRestored(id: string): Promise<void> {
    await this.db.updateTable('documents').set({ deleted_at: null }).where('id', '=', id).execute();
  }

  /** Loads a document with the user's access; 404 when unknown, 403 when the user may not read it. */
  async load(user: User, id: string): Promise<LoadedDocument> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound();
    const collaboratorIds = await this.collaboratorIds(id);
    const holderIds = row.state === 'review' && this.holders ? (await this.holders.current(id)).map((h) => h.userId) : [];
    const everHeld = this.holders ? await this.holders.everHeld(id) : [];
    const pastAssigneeIds = [...new Set([...await this.transitions.assigneeIds(id), ...everHeld])]
      .filter((assigneeId) => assigneeId !== row.assignee_id && !holderIds.includes(assigneeId));
    const access = documentAccess(user, {
      ownerId: row.owner_id, state: row.state, collaboratorIds, deleted: row.deleted_at !== null,
      assigneeId: row.assignee_id, holderIds, pastAssigneeIds,
    });
    if (!access.canRead) throw forbidden('没有权限访问此文稿');
    return { row, collaboratorIds, access };
  }

  async detail(user: User, id: string): Promise<DocumentDetail> {
    const { row, collaboratorIds, access } = await this.load(user, id);
    const people = await this.db.selectFrom('users').select(['id', 'username', 'display_name'])
      .where('id', 'in', [row.owner_id, ...collaboratorIds]).execute();
    const byId = new Map(people.map((p) => [p.id, p]));
    return {
      ...this.summary(row, byId.get(row.owner_id)?.display_name ?? ''),
      properties: rowProperties(row),
      collaborators: collaboratorIds.flatMap((uid) => {
        const p = byId.get(uid);
        return p ? [{ id: p.id, username: p.username, displayName: p.display_name }] : [];
      }),
      access: {
        canEdit: access.canEdit, canManage: access.canManage, canReadComments: access.canReadComments, canComment: access.canComment,
        canStartThreads: access.canStartThreads, canResolveThreads: access.canResolveThreads,
      },
      revision: row.revision,
      sourceDocumentId: row.source_document_id,
    };
  }

  /** The documents the user may read, most recently changed first. */
  async list(user: User, filter: DocumentFilter): Promise<DocumentSummary[]> {
    let query = this.db.selectFrom('documents')
      .innerJoin('users', 'users.id', 'documents.owner_id')
      .selectAll('documents')
      .select('users.display_name as owner_name')
      .orderBy('documents.updated_at', 'desc')
      .limit(1000);
    query = filter.deleted ? query.where('documents.deleted_at', 'is not', null) : query.where('documents.deleted_at', 'is', null);
    if (filter.kind) query = query.where('documents.kind', '=', filter.kind);
    if (filter.ownerId) query = query.where('documents.owner_id', '=', filter.ownerId);
    if (filter.target) {
      query = query.where('documents.id', 'in', (eb) => eb.selectFrom('document_targets').select('document_id').where('target_key', '=', filter.target ?? ''));
    }
    if (filter.q) query = query.where(containsText('documents.title', filter.q));
    query = query.where(readablePieces(user, { transitions: this.transitions, holders: this.holders }, { deleted: filter.deleted }));
    const rows = await query.execute();
    return rows.map((r) => this.summary(r, r.owner_name));
  }

  async update(user: User, id: string, changes: { title?: string; properties?: DocumentProperties }): Promise<void> {
    const { access, row, collaboratorIds } = await this.load(user, id);
    if (!access.canEdit) {
      const isWriter = row.owner_id === user.id || collaboratorIds.includes(user.id);
      // The writers' own piece, locked by the workflow: a state conflict, not a missing right.
      if (isWriter) throw new DeskError('conflict', '文稿正在审核或已定稿，标题和属性不能修改');
      throw notEditable();
    }
    await this.db.updateTable('documents').set({
      ...(changes.title !== undefined && { title: changes.title }),
      ...(changes.properties !== undefined && { properties: documentPropertiesColumn.stringify(changes.properties) }),
      updated_at: new Date().toISOString(),
    }).where('id', '=', id).execute();
  }

  async addCollaborator(user: User, id: string, userId: string): Promise<void> {
    const { access, row, collaboratorIds } = await this.load(user, id);
    if (!access.canManage) throw forbidden('只有文稿的创建人可以邀请协作者');
    const invitee = await this.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!invitee) throw notFound('用户');
    if (userId === row.owner_id || collaboratorIds.includes(userId)) return;
    await this.db.insertInto('document_collaborators')
      .values({ document_id: id, user_id: userId, added_at: new Date().toISOString() }).execute();
  }

  async removeCollaborator(user: User, id: string, userId: string): Promise<void> {
    const { access } = await this.load(user, id);
    if (!access.canManage) throw forbidden('只有文稿的创建人可以移除协作者');
    await this.db.deleteFrom('document_collaborators').where('document_id', '=', id).where('user_id', '=', userId).execute();
  }

  /** The piece's collaborators (not its owner), in the order they were added as stored. */
  async collaboratorIds(id: string): Promise<string[]> {
    const rows = await this.db.selectFrom('document_collaborators').select('user_id').where('document_id', '=', id).execute();
    return rows.map((r) => r.user_id);
  }

  /**
   * Writes a workflow transition's move within `trx` if the piece is still in the state and revision
   * the workflow decided from; false when someone moved it meanwhile (the caller reports the conflict).
   */
  async move(trx: Transaction<Database>, id: string, from: Pick<DocumentRow, 'state' | 'revision'>, move: DocumentMove): Promise<boolean> {
    const updated = await trx.updateTable('documents').set(move)
      .where('id', '=', id).where('state', '=', from.state).where('revision', '=', from.revision).executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** The live 定稿 pieces, most recently changed first, at most `limit` (for recording 报送 from them). */
  finals(limit: number): Promise<Pick<DocumentRow, 'id' | 'title' | 'kind' | 'owner_id' | 'updated_at'>[]> {
    return this.db.selectFrom('documents').select(['id', 'title', 'kind', 'owner_id', 'updated_at'])
      .where('state', '=', 'final').where('deleted_at', 'is', null).orderBy('updated_at', 'desc').limit(limit).execute();
  }

  /**
   * Each piece's authors by display name: its owner, then its collaborators in the order they were
   * added, each name once (the 作者 a 报送 records).
   */
  async authorNames(pieces: { id: string; ownerId: string }[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (pieces.length === 0) return result;
    const users = new Map((await this.db.selectFrom('users').select(['id', 'display_name']).execute()).map((u) => [u.id, u.display_name]));
    const collaborators = await this.db.selectFrom('document_collaborators').select(['document_id', 'user_id'])
      .where('document_id', 'in', pieces.map((d) => d.id)).orderBy('added_at').execute();
    for (const piece of pieces) result.set(piece.id, [users.get(piece.ownerId) ?? '']);
    for (const c of collaborators) {
      const name = users.get(c.user_id);
      const list = result.get(c.document_id);
      if (name && list && !list.includes(name)) list.push(name);
    }
    return result;
  }

  /**
   * The live pieces in `user`'s 待办, with their owner's name, most recently changed first: in 审核中
   * held by them (a 会签 step until they approved), or 已退回 to them (owner or collaborator).
   */
  awaiting(user: User): Promise<(DocumentRow & { owner_name: string })[]> {
    return this.db.selectFrom('documents').innerJoin('users', 'users.id', 'documents.owner_id')
      .selectAll('documents').select('users.display_name as owner_name')
      .where('documents.deleted_at', 'is', null)
      .where((eb) => eb.or([
        eb.and([eb('documents.state', '=', 'review'), eb('documents.assignee_id', '=', user.id)]),
        ...(this.holders ? [eb.and([eb('documents.state', '=', 'review'), eb('documents.id', 'in', this.holders.documentsAwaiting(user.id))])] : []),
        eb.and([eb('documents.state', '=', 'returned'), eb.or([
          eb('documents.owner_id', '=', user.id),
          eb('documents.id', 'in', eb.selectFrom('document_collaborators').select('document_id').where('user_id', '=', user.id)),
        ])]),
      ]))
      .orderBy('documents.updated_at', 'desc').execute();
  }

  /** Marks the body as changed now (for "sort by last change"). */
  async touch(id: string): Promise<void> {
    await this.touchQuery([id], new Date().toISOString()).execute();
  }

  /** Sets the change time of the documents to `at`, unexecuted (SQLite: the update-log thread runs it, its fsync off the event loop). */
  touchQuery(ids: readonly string[], at: string) {
    return this.db.updateTable('documents').set({ updated_at: at }).where('id', 'in', ids);
  }

  private summary(row: DocumentRow, ownerName: string): DocumentSummary {
    return {
      id: row.id, title: row.title, kind: row.kind, ownerId: row.owner_id, ownerName,
      state: row.state, createdAt: row.created_at, updatedAt: row.updated_at, deletedAt: row.deleted_at,
    };
  }
}
