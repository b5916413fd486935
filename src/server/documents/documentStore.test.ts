import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { addTestUser, openTestDatabase } from '../db/testDatabase';
import type { User } from '../../shared/api';
import { transactor } from '../db/transactor';
import { DocumentStore, type DocumentMove } from './documentStore';
import { TransitionLog } from '../review/transitionLog';

let database: DeskDatabase;
let documents: DocumentStore;
let owner: User;

beforeEach(async () => {
  database = await openTestDatabase();
  documents = new DocumentStore(database.db, new TransitionLog(database.db));
  owner = await addTestUser(database, 'wangming');
});
afterEach(() => database.close());

describe('DocumentStore', () => {
  it('reads back a piece with its kind, state and properties as created', async () => {
    const id = await documents.create(owner, { title: '关于春节值班的通知', kind: 'official', properties: { 发文字号: '区办发〔2024〕1号', 主送机关: ['各街道'] } });
    const detail = await documents.detail(owner, id);
    expect(detail).toMatchObject({
      id, title: '关于春节值班的通知', kind: 'official', state: 'draft', ownerId: owner.id, ownerName: 'wangming',
      properties: { 发文字号: '区办发〔2024〕1号', 主送机关: ['各街道'] }, revision: 1, sourceDocumentId: null,
    });
  });

  it('links a draft saved from refused offline edits to its piece', async () => {
    const original = await documents.create(owner, { title: '调研报告', kind: 'research' });
    const rescued = await documents.create(owner, { title: '调研报告（离线修改）', kind: 'research', sourceDocumentId: original });
    expect((await documents.detail(owner, rescued)).sourceDocumentId).toBe(original);
  });

  it('says which row is corrupt when its properties are not an object of texts', async () => {
    const id = await documents.create(owner, { title: '信息', kind: 'info' });
    await database.db.updateTable('documents').set({ properties: '{"期号": 7' }).where('id', '=', id).execute();
    await expect(documents.detail(owner, id)).rejects.toThrow(`documents.properties of ${id} is corrupt: not JSON`);
    await database.db.updateTable('documents').set({ properties: '["期号"]' }).where('id', '=', id).execute();
    await expect(documents.detail(owner, id)).rejects.toThrow(`documents.properties of ${id} is corrupt`);
  });

  it('moves a piece to the 回收站 only from the state the caller decided on, and back', async () => {
    const id = await documents.create(owner, { title: '综合文稿', kind: 'comprehensive' });
    expect(await documents.markDeleted(id, 'review')).toBe(false);
    expect((await documents.findRow(id))?.deleted_at).toBeNull();
    expect(await documents.markDeleted(id, 'draft')).toBe(true);
    expect(await documents.markDeleted(id, 'draft')).toBe(false);
    expect((await documents.findRow(id))?.deleted_at).not.toBeNull();
    await documents.markRestored(id);
    expect((await documents.findRow(id))?.deleted_at).toBeNull();
  });

  it('lists the other live pieces of a kind with their properties read', async () => {
    const mine = await documents.create(owner, { title: '甲', kind: 'official', properties: { 发文字号: '区办发〔2024〕1号' } });
    const other = await documents.create(owner, { title: '乙', kind: 'official', properties: { 发文字号: '区办发〔2024〕2号' } });
    const gone = await documents.create(owner, { title: '丙', kind: 'official' });
    await documents.create(owner, { title: '丁', kind: 'info' });
    await documents.markDeleted(gone, 'draft');
    const others = await documents.othersOfKind('official', mine);
    expect(others.map((d) => [d.id, d.properties])).toEqual([[other, { 发文字号: '区办发〔2024〕2号' }]]);
  });

  it('refuses a stranger and an unknown id with the desk errors', async () => {
    const id = await documents.create(owner, { title: '甲', kind: 'media' });
    const stranger = await addTestUser(database, 'lina');
    await expect(documents.load(stranger, id)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(documents.load(owner, 'nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('moves a piece for the workflow only from the state and revision it decided from', async () => {
    const id = await documents.create(owner, { title: '通知', kind: 'official' });
    const move: DocumentMove = {
      state: 'final', checkpoint_index: null, assignee_id: null, chain: null, finalized_by: owner.id, revision: 1, updated_at: '2024-03-01T08:00:00.000Z',
    };
    const transact = transactor(database.db);
    expect(await transact((trx) => documents.move(trx, id, { state: 'review', revision: 1 }, move))).toBe(false);
    expect(await transact((trx) => documents.move(trx, id, { state: 'draft', revision: 2 }, move))).toBe(false);
    expect((await documents.findRow(id))?.state).toBe('draft');
    expect(await transact((trx) => documents.move(trx, id, { state: 'draft', revision: 1 }, move))).toBe(true);
    expect(await documents.findRow(id)).toMatchObject({ state: 'final', finalized_by: owner.id, updated_at: '2024-03-01T08:00:00.000Z' });
  });

  it('finds the pieces in someone\'s 待办: held in 审核中, or 已退回 to its owner and collaborators', async () => {
    const reviewer = await addTestUser(database, 'lihua', ['reviewer']);
    const colleague = await addTestUser(database, 'lina');
    const held = await documents.create(owner, { title: '审核中', kind: 'info' });
    const returned = await documents.create(owner, { title: '已退回', kind: 'info' });
    await documents.create(owner, { title: '草稿', kind: 'info' });
    await documents.addCollaborator(owner, returned, colleague.id);
    await database.db.updateTable('documents').set({ state: 'review', assignee_id: reviewer.id }).where('id', '=', held).execute();
    await database.db.updateTable('documents').set({ state: 'returned' }).where('id', '=', returned).execute();
    expect((await documents.awaiting(reviewer)).map((d) => [d.id, d.owner_name])).toEqual([[held, 'wangming']]);
    expect((await documents.awaiting(colleague)).map((d) => d.id)).toEqual([returned]);
    expect((await documents.awaiting(owner)).map((d) => d.id)).toEqual([returned]);
    expect(await documents.collaboratorIds(returned)).toEqual([colleague.id]);
  });
});
