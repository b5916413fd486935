import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { addTestUser, openTestDatabase } from '../db/testDatabase';
import { DEFAULT_PHRASING } from '../../core/proofing';
import type { User } from '../../shared/api';
import { ProofingStore } from './proofingStore';

let database: DeskDatabase;
let store: ProofingStore;
let admin: User;

beforeEach(async () => {
  database = await openTestDatabase();
  store = new ProofingStore(database.db);
  admin = await addTestUser(database, 'admin', ['admin']);
});
afterEach(() => database.close());

describe('ProofingStore', () => {
  it('reads a list never saved as its default, and a saved list as saved', async () => {
    expect((await store.lists()).phrasing).toEqual([...DEFAULT_PHRASING]);
    const leaders = [{ name: '张伟', titles: ['区长'], rank: 1 }];
    await store.setList(admin, 'leaders', leaders);
    const lists = await store.lists();
    expect(lists.leaders).toEqual(leaders);
    expect(lists.sensitive).toEqual([]);
    const { version } = await store.versionedLists();
    expect(version).toMatch(/^leaders@/);
  });

  it('says which list is corrupt instead of proofreading with half of it', async () => {
    await store.setList(admin, 'leaders', [{ name: '张伟', titles: [], rank: 1 }]);
    await expect(store.lists()).rejects.toThrow(/proofing_lists\.entries of leaders is corrupt: 0\.titles/);
  });

  it('keeps an ignored finding once, for everyone, until unignored', async () => {
    const owner = await addTestUser(database, 'writer');
    const documentId = (await database.db.insertInto('documents').values({
      id: 'doc-1', title: '甲', kind: 'info', owner_id: owner.id, state: 'draft', properties: '{}',
      created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-01T00:00:00Z', deleted_at: null,
    }).returning('id').executeTakeFirstOrThrow()).id;
    const parts = { scope: 'body' as const, rule: 'typo', start: 0, end: 2, text: '按装空调' };
    const first = await store.ignore(admin, documentId, parts);
    await store.ignore(admin, documentId, parts);
    expect(await store.ignored(documentId)).toEqual([{ ...first, ignoredByName: 'admin' }]);
    expect(await store.unignore(documentId, first.fingerprint)).toBe(true);
    expect(await store.ignoredFingerprints(documentId)).toEqual(new Set());
  });
});
