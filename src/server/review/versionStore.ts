import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import type { User } from '../../shared/api';
import type { DiffResponse, DiffView, VersionContent, VersionSummary } from '../../shared/review';
import type { Database, DocumentRow } from '../db/schema';
import type { DocumentStore } from '../documents/documentStore';
import type { BodyStore } from '../collab/bodyStore';
import type { YjsStore } from '../collab/yjsStore';
import { DeskError, notFound } from '../errors';
import { readContent, type ContentSnapshot } from './contentReader';
import type { HeavyWork } from '../work/heavyWork';

type VersionRow = Awaited<ReturnType<VersionStore['rows']>>[number];

/**
 * Versions: a full Yjs state plus the canonical content, saved at every transition and on demand,
 * so compaction of the live document never breaks one. Compared by the lines of their bodies, read
 * from the state with the body model (the stored canonical text is of whichever canonical version
 * was current when the version was saved); restored as a new change on top of the live document,
 * which keeps the history.
 */
export class VersionStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentStore,
    private readonly bodies: BodyStore,
    private readonly yjsStore: YjsStore,
    private readonly collab: () => Hocuspocus,
    private readonly work: HeavyWork,
  ) {}

  async saveSnapshot(row: DocumentRow, content: ContentSnapshot, user: User, name: string, origin: VersionSummary['origin'], revision = row.revision): Promise<VersionSummary> {
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    await this.db.insertInto('versions').values({
      id, document_id: row.id, revision, name, origin, created_by: user.id, created_at: createdAt,
      state: content.state, canonical: content.canonicalText, content_hash: content.hash,
    }).execute();
    return { id, name, origin, revision, createdBy: user.id, createdByName: user.displayName, createdAt, contentHash: content.hash };
  }

  /** 保存版本: anyone who may read the piece may save a named version of it. */
  async save(user: User, documentId: string, name: string): Promise<VersionSummary> {
    const { row } = await this.documents.load(user, documentId);
    return this.saveSnapshot(row, await readContent(row, this.bodies), user, name, 'manual');
  }

  private rows(documentId: string) {
    return this.db.selectFrom('versions').innerJoin('users', 'users.id', 'versions.created_by')
      .select(['versions.id', 'versions.name', 'versions.origin', 'versions.revision', 'versions.created_by',
        'versions.created_at', 'versions.content_hash', 'users.display_name'])
      .where('document_id', '=', documentId).orderBy('versions.created_at').execute();
  }

  private summary(r: VersionRow): VersionSummary {
    return {
      id: r.id, name: r.name, origin: r.origin, revision: r.revision,
      createdBy: r.created_by, createdByName: r.display_name, createdAt: r.created_at, contentHash: r.content_hash,
    };
  }

  async list(user: User, documentId: string): Promise<VersionSummary[]> {
    await this.documents.load(user, documentId);
    return (await this.rows(documentId)).map((r) => this.summary(r));
  }

  private async full(documentId: string, versionId: string) {
    const row = await this.db.selectFrom('versions').selectAll().where('id', '=', versionId).where('document_id', '=', documentId).executeTakeFirst();
    if (!row) throw notFound('版本');
    const summary = (await this.rows(documentId)).find((r) => r.id === versionId);
    if (!summary) throw notFound('版本');
    return { row, summary: this.summary(summary) };
  }

  async get(user: User, documentId: string, versionId: string): Promise<VersionContent> {
    await this.documents.load(user, documentId);
    const { row, summary } = await this.full(documentId, versionId);
    // Title from the stored canonical JSON, lines and JSON from the state: read in the worker pool.
    return { ...summary, ...await this.work.run('readVersion', { state: row.state, canonicalText: row.canonical }) };
  }

  /** Compares two versions, or a version and the current content (`current`), in `view`, with each side's pending suggestions. */
  async diff(user: User, documentId: string, from: string, to: string, view: DiffView = 'original'): Promise<DiffResponse> {
    const { row: document } = await this.documents.load(user, documentId);
    const side = async (id: string) => {
      if (id === 'current') {
        return { meta: { id: 'current' as const, name: '当前内容' }, state: await this.bodies.currentState(document.id) };
      }
      const { row, summary } = await this.full(documentId, id);
      return { meta: summary, state: row.state };
    };
    const [a, b] = await Promise.all([side(from), side(to)]);
    const [lines, fromSuggestions, toSuggestions] = await Promise.all([
      this.work.run('diffStates', { before: a.state, after: b.state, view }),
      this.work.run('listSuggestions', a.state),
      this.work.run('listSuggestions', b.state),
    ]);
    return { from: a.meta, to: b.meta, view, lines, suggestions: { from: fromSuggestions, to: toSuggestions } };
  }

  /** 恢复此版本: the body becomes the version's body again, as a new change by this user. */
  async restore(user: User, documentId: string, versionId: string): Promise<VersionSummary> {
    const { row: document, access } = await this.documents.load(user, documentId);
    if (!access.canEdit) throw new DeskError('conflict', '文稿正在审核或已定稿，不能恢复版本');
    const { row } = await this.full(documentId, versionId);
    const connection = await this.collab().openDirectConnection(documentId, { user });
    try {
      // Made off the event loop from the live state; edits made meanwhile merge with it as a collaborator's would.
      const change = await this.work.run('restoreUpdate', { live: await this.bodies.currentState(documentId), version: row.state });
      await connection.transact((live) => { Y.applyUpdate(live, change); });
    } finally {
      await connection.disconnect();
    }
    // The direct change is written to the log at once, like an acknowledged client update.
    await this.yjsStore.append(documentId, await this.bodies.currentState(documentId));
    const content = await readContent(document, this.bodies);
    return this.saveSnapshot(document, content, user, `恢复自“${row.name}”`, 'restore');
  }
}
