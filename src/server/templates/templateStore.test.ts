import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { addTestUser, openTestDatabase } from '../db/testDatabase';
import type { User } from '../../shared/api';
import { TemplateStore } from './templateStore';
import { DocumentLinks, descendants } from './documentLinks';
import { DocumentStore } from '../documents/documentStore';
import { TransitionLog } from '../review/transitionLog';

let database: DeskDatabase;
let templates: TemplateStore;
let admin: User;

beforeEach(async () => {
  database = await openTestDatabase();
  templates = new TemplateStore(database.db);
  admin = await addTestUser(database, 'admin', ['admin']);
});
afterEach(() => database.close());

describe('TemplateStore', () => {
  it('lists the built-ins as shipped until a row renames, hides or edits one', async () => {
    expect((await templates.list('official', false)).map((t) => t.genre)).toEqual(['通知', '通报', '请示', '报告', '函', '纪要', '意见', '方案']);
    const documents = new DocumentStore(database.db, new TransitionLog(database.db));
    const documentId = await documents.create(admin, { title: '模板：请示', kind: 'official' });
    await templates.save({ id: 'official-request', kind: 'official', genre: '请示', name: '向区委请示', builtin: true, documentId, disabled: false }, admin.id);
    await templates.save({ id: 'official-letter', kind: 'official', genre: '函', name: '函', builtin: true, documentId: null, disabled: true }, admin.id);
    const shown = await templates.list('official', false);
    expect(shown.find((t) => t.id === 'official-request')).toMatchObject({ name: '向区委请示', documentId });
    expect(shown.map((t) => t.id)).not.toContain('official-letter');
    expect((await templates.list('official', true)).map((t) => t.id)).toContain('official-letter');
    expect(await templates.byDocument(documentId)).toMatchObject({ id: 'official-request' });
    // The template's document is not a piece in the list.
    expect((await documents.list(admin, {})).map((d) => d.id)).not.toContain(documentId);
  });

  it('keeps only a kind’s default fields, blanks dropped', async () => {
    expect(await templates.setDefaults('info', { 刊名: ' 沂河新区政务信息 ', 编发单位: '', 发文字号: '1号' }, admin.id)).toEqual({ 刊名: '沂河新区政务信息' });
    expect(await templates.defaults('info')).toEqual({ 刊名: '沂河新区政务信息' });
    await templates.setDefaults('info', { 编发单位: '党政办' }, admin.id);
    expect(await templates.defaults('info')).toEqual({ 编发单位: '党政办' });
    expect(await templates.defaults('official')).toEqual({});
  });
});

describe('DocumentLinks', () => {
  it('finds every generation made from a piece, once, even through a cycle', async () => {
    const documents = new DocumentStore(database.db, new TransitionLog(database.db));
    const [a, b, c] = [await documents.create(admin, { title: 'a', kind: 'research' }), await documents.create(admin, { title: 'b', kind: 'info' }),
      await documents.create(admin, { title: 'c', kind: 'media' })];
    const links = new DocumentLinks(database.db);
    await links.link(a, b, admin.id);
    await links.link(b, c, admin.id);
    await links.link(c, a, admin.id);
    expect(await links.sourcesOf(b)).toEqual([a]);
    expect(await links.derivativesOf(b)).toEqual([c]);
    expect(descendants(a, await links.all())).toEqual([b, c]);
  });
});
