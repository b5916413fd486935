import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { addTestUser, openTestDatabase } from '../db/testDatabase';
import type { User } from '../../shared/api';
import { OutletCatalog } from './outletCatalog';
import { SubmissionLedger } from './submissionLedger';
import { DocumentStore } from '../documents/documentStore';
import { TransitionLog } from '../review/transitionLog';

let database: DeskDatabase;
let ledger: SubmissionLedger;
let documents: DocumentStore;
let outlets: OutletCatalog;
let clerk: User;

beforeEach(async () => {
  database = await openTestDatabase();
  documents = new DocumentStore(database.db, new TransitionLog(database.db));
  ledger = new SubmissionLedger(database.db, documents);
  outlets = new OutletCatalog(database.db);
  clerk = await addTestUser(database, 'clerk', ['clerk']);
});
afterEach(() => database.close());

async function recordOne(): Promise<string> {
  const outlet = await outlets.create({ name: '区委信息', level: 'district', kind: 'channel' });
  const [id] = await ledger.insert(clerk, [{
    documentId: null, title: '街道垃圾分类新做法', kind: 'info', authors: ['王明', '李娜'], outletId: outlet.id,
    events: [{ type: 'submitted', on: '2024-03-01' }],
  }]);
  if (!id) throw new Error('no row');
  return id;
}

describe('SubmissionLedger', () => {
  it('reads a row back with its outlet, authors and facts derived from its events', async () => {
    const id = await recordOne();
    await ledger.recordEvent(clerk, id, { status: 'instructed', at: '2024-03-05', level: 'city' });
    const row = await ledger.get(id);
    expect(row).toMatchObject({
      title: '街道垃圾分类新做法', kind: 'info', authors: ['王明', '李娜'], status: 'submitted',
      outlet: { name: '区委信息', level: 'district', kind: 'channel', example: false, disabled: false },
      facts: { submittedOn: '2024-03-01', instructions: [{ on: '2024-03-05', level: 'city' }], firstOn: '2024-03-01', lastOn: '2024-03-05' },
    });
    expect(row.events.map((e) => [e.type, e.on, e.level, e.recordedBy])).toEqual([
      ['submitted', '2024-03-01', null, 'clerk'], ['instructed', '2024-03-05', 'city', 'clerk'],
    ]);
    const [entry] = await ledger.entriesForYear(2024);
    expect(entry?.facts.instructions).toEqual([{ on: '2024-03-05', level: 'city' }]);
  });

  it('says which row is corrupt when its facts, authors or extras are not what it wrote', async () => {
    const id = await recordOne();
    await database.db.updateTable('ledger_submissions').set({ facts: '{"status": "submitted"}' }).where('id', '=', id).execute();
    await expect(ledger.get(id)).rejects.toThrow(new RegExp(`ledger_submissions\\.facts of ${id} is corrupt`));
    await database.db.updateTable('ledger_submissions').set({ authors: '"王明"' }).where('id', '=', id).execute();
    await expect(ledger.entriesForYear(2024)).rejects.toThrow(new RegExp(`ledger_submissions\\.authors of ${id} is corrupt`));
    await database.db.updateTable('ledger_submissions').set({ authors: '[]', extras: '{"ratings": 1}' }).where('id', '=', id).execute();
    await expect(ledger.entriesForYear(2024)).rejects.toThrow(new RegExp(`ledger_submissions\\.extras of ${id} is corrupt: ratings`));
  });

  it('keeps a document\'s publication tags, and refuses an outlet not in the catalog', async () => {
    const outlet = await outlets.create({ name: '测试日报', level: 'central', kind: 'media' });
    await database.db.insertInto('documents').values({
      id: 'doc-1', title: '甲', kind: 'media', owner_id: clerk.id, state: 'final', properties: '{}',
      created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z', deleted_at: null,
    }).execute();
    await ledger.setDocumentTags('doc-1', { targetKeys: ['media-central', 'journal-articles', 'media-central'], outletIds: [outlet.id] });
    expect(await ledger.documentTags('doc-1')).toEqual({ targetKeys: ['journal-articles', 'media-central'], outletIds: [outlet.id] });
    await expect(ledger.setDocumentTags('doc-1', { targetKeys: [], outletIds: ['nope'] })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('SubmissionLedger and the documents it records', () => {
  it('offers the live 定稿 pieces with their authors, and records one only while it is live and 定稿', async () => {
    const outlet = await outlets.create({ name: '区委信息', level: 'district', kind: 'channel' });
    const writer = await addTestUser(database, 'wangming');
    const colleague = await addTestUser(database, 'lina');
    const final = await documents.create(writer, { title: '定稿', kind: 'info' });
    await documents.addCollaborator(writer, final, colleague.id);
    const draft = await documents.create(writer, { title: '草稿', kind: 'info' });
    await database.db.updateTable('documents').set({ state: 'final' }).where('id', '=', final).execute();
    expect((await ledger.finalDocuments()).map((d) => [d.id, d.authors])).toEqual([[final, ['wangming', 'lina']]]);
    expect(await ledger.resolve({ documentId: final, outletIds: [outlet.id], on: null })).toMatchObject([{ documentId: final, title: '定稿', authors: ['wangming', 'lina'] }]);
    await expect(ledger.resolve({ documentId: draft, outletIds: [outlet.id], on: null })).rejects.toMatchObject({ code: 'conflict' });
    expect(await ledger.documentExists(final)).toBe(true);
    await documents.markDeleted(final, 'final');
    expect(await ledger.documentExists(final)).toBe(false);
    await expect(ledger.resolve({ documentId: final, outletIds: [outlet.id], on: null })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('counts the 报送 rows naming each piece, voided ones apart', async () => {
    const outlet = await outlets.create({ name: '区委信息', level: 'district', kind: 'channel' });
    const piece = await documents.create(clerk, { title: '信息', kind: 'info' });
    const row = { documentId: piece, title: '信息', kind: 'info' as const, authors: [], outletId: outlet.id, events: [] };
    const [first] = await ledger.insert(clerk, [row, row]);
    if (!first) throw new Error('no row');
    await ledger.recordEvent(clerk, first, { status: 'voided', at: '2024-03-02', summary: '重复报送' });
    expect(await ledger.countsByDocument([piece, 'other'])).toEqual(new Map([[piece, { all: 2, voided: 1 }]]));
    expect(await ledger.countsByDocument([])).toEqual(new Map());
  });
});

describe('OutletCatalog', () => {
  it('orders outlets from 中央 down and turns an edited example into the office\'s own', async () => {
    const district = await outlets.create({ name: '测试区报', level: 'district', kind: 'journal' });
    await outlets.create({ name: '测试通讯社', level: 'central', kind: 'media' });
    await database.db.updateTable('outlets').set({ example: 1 }).where('id', '=', district.id).execute();
    expect((await outlets.get(district.id)).example).toBe(true);
    expect((await outlets.update(district.id, { disabled: true })).example).toBe(false);
    const names = (await outlets.list()).map((o) => o.name);
    expect(names.indexOf('测试通讯社')).toBeLessThan(names.indexOf('测试区报'));
    await expect(outlets.create({ name: '测试区报', level: 'city', kind: 'journal' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
