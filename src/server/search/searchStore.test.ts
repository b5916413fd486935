import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { addTestUser, openTestDatabase } from '../db/testDatabase';
import type { User } from '../../shared/api';
import { DocumentStore } from '../documents/documentStore';
import { TransitionLog } from '../review/transitionLog';
import { SearchStore } from './searchStore';

let database: DeskDatabase;
let documents: DocumentStore;
let owner: User;

beforeEach(async () => {
  database = await openTestDatabase();
  documents = new DocumentStore(database.db, new TransitionLog(database.db));
  owner = await addTestUser(database, 'wangming');
});
afterEach(() => database.close());

const piece = (title: string): Promise<string> => documents.create(owner, { title, kind: 'info' });

describe('SearchStore on SQLite', () => {
  for (const [path, commonPair] of [['the trigram index', 1_000], ['a scan in the list order', 0]] as const) {
    it(`finds a two-character term through ${path}`, async () => {
      const search = new SearchStore(database.db, 'sqlite', { transitions: new TransitionLog(database.db) }, commonPair);
      const first = await piece('甲');
      const second = await piece('乙');
      await search.write(first, '全年招商引资项目42个。', 'h1');
      await search.write(second, '最后两字是招商', 'h2');
      await search.write(await piece('丙'), '社区志愿服务。', 'h3');
      const answer = await search.search(owner, { q: '招商' });
      expect(answer.results.map((r) => r.id).sort()).toEqual([first, second].sort());
      expect(answer.results.find((r) => r.id === second)?.sentence).toEqual({ text: '最后两字是招商', marks: [[5, 7]] });
    });
  }

  it('replaces a piece\'s text when it is written again, in the index too', async () => {
    const search = new SearchStore(database.db, 'sqlite', { transitions: new TransitionLog(database.db) });
    const id = await piece('稿');
    await search.write(id, '旧的句子写着营商环境。', 'h1');
    await search.write(id, '新的句子写着数字乡村。', 'h2');
    expect((await search.search(owner, { q: '营商环境' })).results).toEqual([]);
    expect((await search.search(owner, { q: '数字乡村' })).results.map((r) => r.id)).toEqual([id]);
    expect(await search.stateHash(id)).toBe('h2');
  });

  it('lists the pieces without text, and those changed since theirs was read', async () => {
    const search = new SearchStore(database.db, 'sqlite', { transitions: new TransitionLog(database.db) });
    const read = await piece('已读');
    const unread = await piece('未读');
    await search.write(read, '正文。', 'h1');
    expect(await search.unindexed(10)).toEqual([unread]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await documents.touch(read);
    expect((await search.unindexed(10)).sort()).toEqual([read, unread].sort());
  });
});
