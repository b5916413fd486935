import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { addTestUser, openTestDatabase } from '../db/testDatabase';
import { transactor } from '../db/transactor';
import type { User } from '../../shared/api';
import { DocumentStore } from '../documents/documentStore';
import { TransitionLog, type NewTransition } from './transitionLog';

let database: DeskDatabase;
let log: TransitionLog;
let documents: DocumentStore;
let writer: User;
let reviewer: User;

beforeEach(async () => {
  database = await openTestDatabase();
  log = new TransitionLog(database.db);
  documents = new DocumentStore(database.db, log);
  writer = await addTestUser(database, 'wangming');
  reviewer = await addTestUser(database, 'lihua', ['reviewer']);
});
afterEach(() => database.close());

function transition(documentId: string, changes: Partial<NewTransition> = {}): NewTransition {
  return {
    document_id: documentId, revision: 1, action: 'submit', actor_id: writer.id, at: '2024-03-01T08:00:00.000Z',
    from_state: 'draft', to_state: 'review', checkpoint_key: 'review', checkpoint_name: '审核', assignee_id: reviewer.id,
    comment: '', content_hash: 'h1', vouches: 0, proof_report: null, ...changes,
  };
}

describe('TransitionLog', () => {
  it('appends within the caller\'s transaction, and a rolled-back transaction leaves no record', async () => {
    const id = await documents.create(writer, { title: '通知', kind: 'official' });
    const transact = transactor(database.db);
    await expect(transact(async (trx) => {
      await log.append(trx, transition(id));
      throw new Error('the document moved meanwhile');
    })).rejects.toThrow('the document moved meanwhile');
    expect(await log.history(id)).toEqual([]);
    await transact((trx) => log.append(trx, transition(id, { comment: '请审核' })));
    expect(await log.history(id)).toMatchObject([{
      document_id: id, action: 'submit', actor_id: writer.id, actor_name: 'wangming', assignee_id: reviewer.id, assignee_name: 'lihua', comment: '请审核',
    }]);
  });

  it('finds the last vouch and the final signature of a revision, with the actor\'s name', async () => {
    const id = await documents.create(writer, { title: '通知', kind: 'official' });
    const transact = transactor(database.db);
    await transact(async (trx) => {
      await log.append(trx, transition(id));
      await log.append(trx, transition(id, { action: 'approve', actor_id: reviewer.id, from_state: 'review', content_hash: 'h2', vouches: 1, at: '2024-03-02T08:00:00.000Z' }));
      await log.append(trx, transition(id, { action: 'sign', actor_id: reviewer.id, from_state: 'review', to_state: 'final', content_hash: 'h3', vouches: 1, assignee_id: null, at: '2024-03-03T08:00:00.000Z' }));
    });
    expect(await log.lastVouch(id, 1)).toEqual({ action: 'sign', at: '2024-03-03T08:00:00.000Z', contentHash: 'h3', checkpointName: '审核', actorName: 'lihua' });
    expect(await log.lastVouch(id, 2)).toBeNull();
    expect(await log.finalSignature(id, 1)).toEqual({ contentHash: 'h3', signerName: 'lihua', signedAt: '2024-03-03T08:00:00.000Z', opinion: '' });
    expect(await log.finalSignature(id, 2)).toBeNull();
    expect(await log.assigneeIds(id)).toEqual([reviewer.id]);
    expect(await log.lastMovedAt([id, 'unknown'])).toEqual(new Map([[id, '2024-03-03T08:00:00.000Z']]));
  });

  it('lets a document list filter by the pieces ever assigned to someone', async () => {
    const assigned = await documents.create(writer, { title: '甲', kind: 'info' });
    await documents.create(writer, { title: '乙', kind: 'info' });
    await transactor(database.db)((trx) => log.append(trx, transition(assigned)));
    expect((await documents.list(reviewer, {})).map((d) => d.id)).toEqual([assigned]);
  });

  it('records each editor of a revision once', async () => {
    const id = await documents.create(writer, { title: '通知', kind: 'official' });
    await log.recordEditor(id, 1, writer.id);
    await log.recordEditor(id, 1, writer.id);
    await log.recordEditor(id, 2, reviewer.id);
    expect(await log.editorIds(id, 1)).toEqual([writer.id]);
    expect(await log.editorIds(id, 2)).toEqual([reviewer.id]);
  });
});
