/**
 * An installation as it was before review threads moved into the relational store: the schema up to
 * migration 0004, and threads written by clients into the Y.Doc `<id>/review` (the writers below are
 * the old client code, kept here only to make such a document). Works on SQLite and PostgreSQL.
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import * as Y from 'yjs';
import type { Database } from '../../src/server/db/schema';
import { migrationsFor } from '../../src/server/db/migrations';
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/server/auth/passwords';
import { DocumentStore } from '../../src/server/documents/documentStore';
import { YjsStore } from '../../src/server/collab/yjsStore';
import { encodeSeedBody } from '../../src/core/editor/headless';
import { TransitionLog } from '../../src/server/review/transitionLog';

/** The last migration of the old installations: review threads still in `<id>/review`. */
const LAST_OLD_MIGRATION = '0004_proofing';

export interface LegacyThread {
  id: string;
  anchor: { start: unknown; end: unknown };
  quote: string;
  authorId: string;
  authorName: string;
  text: string;
  at: string;
}

/** The old client's addThread: whatever the client said about the author was stored as is. */
export function writeLegacyThread(doc: Y.Doc, thread: LegacyThread): void {
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    const comments = new Y.Array<unknown>();
    comments.push([{ id: `${thread.id}-0`, authorId: thread.authorId, authorName: thread.authorName, text: thread.text, at: thread.at }]);
    map.set('anchor', thread.anchor);
    map.set('quote', thread.quote);
    map.set('authorId', thread.authorId);
    map.set('authorName', thread.authorName);
    map.set('createdAt', thread.at);
    map.set('resolved', false);
    map.set('comments', comments);
    doc.getMap<Y.Map<unknown>>('threads').set(thread.id, map);
  });
}

export function writeLegacyReply(doc: Y.Doc, threadId: string, reply: { authorId: string; authorName: string; text: string; at: string }): void {
  const comments = doc.getMap<Y.Map<unknown>>('threads').get(threadId)?.get('comments');
  if (comments instanceof Y.Array) comments.push([{ id: `${threadId}-${comments.length}`, ...reply }]);
}

export function writeLegacyResolved(doc: Y.Doc, threadId: string, byUserId: string): void {
  const map = doc.getMap<Y.Map<unknown>>('threads').get(threadId);
  doc.transact(() => {
    map?.set('resolved', true);
    map?.set('resolvedBy', byUserId);
  });
}

export interface LegacySeed {
  documentId: string;
  users: Record<'writer' | 'reviewer' | 'signer', { id: string; username: string; password: string; displayName: string }>;
}

/**
 * Builds an old installation in `target` (an empty data folder, or an empty PostgreSQL database): a
 * writer's piece `沂河新区项目建设情况` and its review document with
 * - thread 1 by the reviewer on 四个一 (“请核实”), with a reply the writer's client signed as 张主任
 *   (the forgery the old server let through), the reply written as a logged update after the snapshot;
 * - thread 2 claimed by an author id no user has, resolved by the writer.
 */
export async function seedLegacyInstallation(target: { dataDir: string } | { postgresUrl: string }): Promise<LegacySeed> {
  const postgres = 'postgresUrl' in target;
  const db = new Kysely<Database>({
    dialect: postgres
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: target.postgresUrl, max: 2 }) })
      : new SqliteDialect({ database: new SQLite(join(target.dataDir, 'wengao.db')) }),
  });
  try {
    const { error } = await new Migrator({ db, provider: migrationsFor(postgres ? 'postgres' : 'sqlite') }).migrateTo(LAST_OLD_MIGRATION);
    if (error) throw error;
    // Users as the old schema held them (the current UserDirectory writes columns added later).
    const make = async (username: string, displayName: string, roles: Array<'writer' | 'reviewer' | 'signer'>) => {
      const password = `${username}-pass`;
      const id = randomUUID();
      await sql`insert into users (id, username, display_name, password_hash, roles, disabled, created_at)
        values (${id}, ${username}, ${displayName}, ${await hashPassword(password)}, ${JSON.stringify(roles)}, 0, ${new Date().toISOString()})`.execute(db);
      const user = { id, username, displayName, roles, disabled: false };
      return { id, username, password, displayName, user };
    };
    const writer = await make('legacy-writer', '王撰稿', ['writer']);
    const reviewer = await make('legacy-reviewer', '李审核', ['reviewer']);
    const signer = await make('legacy-signer', '张主任', ['signer']);
    const documentId = await new DocumentStore(db, new TransitionLog(db)).create(writer.user, { title: '沂河新区项目建设情况', kind: 'info' });
    const bodyState = encodeSeedBody([{ type: 'paragraph', text: '推行“四个一”工作机制。' }]);
    const yjs = new YjsStore(db);
    await yjs.compact(documentId, bodyState, 0);

    const body = new Y.Doc();
    Y.applyUpdate(body, bodyState);
    const paragraph = body.get('root', Y.XmlText).toDelta()[0]?.insert as Y.XmlText;
    // "推行“四个一”…": the paragraph's shared text is one embed (the text node) then its characters.
    const at = (index: number, assoc = 0): unknown => Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(paragraph, index, assoc));
    const review = new Y.Doc();
    writeLegacyThread(review, {
      id: 'legacy-1', anchor: { start: at(4), end: at(6, -1) }, quote: '四个一',
      authorId: reviewer.id, authorName: reviewer.displayName, text: '请核实“四个一”的提法', at: '2023-09-18T01:00:00.000Z',
    });
    writeLegacyThread(review, {
      id: 'legacy-2', anchor: { start: at(1), end: at(3, -1) }, quote: '推行',
      authorId: 'no-such-user', authorName: '己签发', text: '同意，可以签发。', at: '2023-09-18T03:00:00.000Z',
    });
    writeLegacyResolved(review, 'legacy-2', writer.id);
    const name = `${documentId}/review`;
    await yjs.compact(name, Y.encodeStateAsUpdate(review), 0);
    const before = Y.encodeStateVector(review);
    writeLegacyReply(review, 'legacy-1', { authorId: writer.id, authorName: signer.displayName, text: '已核实', at: '2023-09-18T02:00:00.000Z' });
    await yjs.append(name, Y.encodeStateAsUpdate(review, before));

    const strip = ({ user: _user, ...rest }: typeof writer) => rest;
    return { documentId, users: { writer: strip(writer), reviewer: strip(reviewer), signer: strip(signer) } };
  } finally {
    await db.destroy();
  }
}
