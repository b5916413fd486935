import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase, SQLITE_FILE, type DeskDatabase } from '../db/database';
import { YjsStore } from './yjsStore';
import { SqliteLogWriter } from './logWriter';
import { addTestUser } from '../db/testDatabase';
import { DocumentStore } from '../documents/documentStore';
import { TransitionLog } from '../review/transitionLog';
import { SearchStore } from '../search/searchStore';

function updateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

const textOf = (update: Uint8Array): string => { const d = new Y.Doc(); Y.applyUpdate(d, update); return d.getText('t').toString(); };

describe('SqliteLogWriter', () => {
  let database: DeskDatabase | null = null;
  let writer: SqliteLogWriter | null = null;
  afterEach(async () => { await writer?.close(); await database?.close(); writer = null; database = null; });

  /** A fresh SQLite database and a writer thread on its file (closed after the test). */
  async function openWithThread(): Promise<{ database: DeskDatabase; thread: SqliteLogWriter }> {
    const dataDir = mkdtempSync(join(tmpdir(), 'wengao-log-'));
    const opened = await openDatabase({ dataDir });
    database = opened;
    if (opened.driver === 'pg') throw new Error('SQLite expected');
    const thread = new SqliteLogWriter(join(dataDir, SQLITE_FILE), opened.driver);
    writer = thread;
    return { database: opened, thread };
  }

  it('commits a batch from its own thread; the server connection reads it at once, in order', async () => {
    const { database: opened, thread } = await openWithThread();
    const store = new YjsStore(opened.db);
    const ids = await thread.appendMany([{ name: 'a', update: updateOf('一') }, { name: 'a', update: updateOf('二') }, { name: 'b', update: updateOf('三') }]);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBeGreaterThan(ids[0]);
    const stored = await store.load('a');
    expect(stored.updates.map(textOf)).toEqual(['一', '二']);
    expect(stored.lastUpdateId).toBe(ids[1]);
    // Compaction on the server's own connection and appends from the thread share the file.
    await store.compact('a', updateOf('一二'), ids[1]);
    const [next] = await thread.appendMany([{ name: 'a', update: updateOf('四') }]);
    expect((await store.load('a')).updates.map(textOf)).toEqual(['一二', '四']);
    expect(next).toBeGreaterThan(ids[2]);
    // A compaction by the thread folds the log up to the id given, and keeps what came after.
    await thread.appendMany([{ name: 'a', update: updateOf('五') }]);
    await thread.compact('a', updateOf('一二四'), next);
    expect((await store.load('a')).updates.map(textOf)).toEqual(['一二四', '五']);
  });

  it('stores nothing of a batch that fails, and goes on with the next', async () => {
    const { database: opened, thread } = await openWithThread();
    const unbindable = { not: 'bytes' } as unknown as Uint8Array;
    await expect(thread.appendMany([{ name: 'a', update: updateOf('一') }, { name: 'a', update: unbindable }])).rejects.toThrow(/update log/);
    expect((await new YjsStore(opened.db).load('a')).updates).toEqual([]);
    expect(await thread.appendMany([{ name: 'a', update: updateOf('二') }])).toHaveLength(1);
  });

  it('writes the search text and the revision\'s editors from its thread; the server connection finds them', async () => {
    const { database: opened, thread } = await openWithThread();
    const transitions = new TransitionLog(opened.db);
    const owner = await addTestUser(opened, 'wangming');
    const id = await new DocumentStore(opened.db, transitions).create(owner, { title: '稿', kind: 'info' });
    const search = new SearchStore(opened.db, 'sqlite', { transitions });
    search.useWriter((query) => thread.run(query));
    await search.write(id, '旧的句子写着营商环境。', 'h1');
    await search.write(id, '新的句子写着数字乡村。', 'h2');
    expect((await search.search(owner, { q: '营商环境' })).results).toEqual([]);
    expect((await search.search(owner, { q: '数字乡村' })).results.map((r) => r.id)).toEqual([id]);
    expect(await search.stateHash(id)).toBe('h2');
    await thread.run(transitions.recordEditorQuery(id, 1, owner.id).compile());
    await thread.run(transitions.recordEditorQuery(id, 1, owner.id).compile());
    expect(await transitions.editorIds(id, 1)).toEqual([owner.id]);
  });

  it('does not fail a transaction of the server connection that read before the thread committed', async () => {
    const { database: opened, thread } = await openWithThread();
    await thread.appendMany([{ name: 'warm', update: updateOf('一') }]);
    const { racing: appended } = await opened.db.transaction().execute(async (trx) => {
      await trx.selectFrom('doc_updates').select('id').execute();
      // The thread's commit lands between this transaction's read and its write (deferred, that write failed with SQLITE_BUSY).
      const racing = thread.appendMany([{ name: 'b', update: updateOf('二') }]);
      await new Promise((r) => setTimeout(r, 50));
      await trx.insertInto('doc_updates').values({ name: 'a', data: updateOf('三'), created_at: new Date().toISOString() }).execute();
      return { racing };
    });
    expect(await appended).toHaveLength(1);
    expect((await new YjsStore(opened.db).load('b')).updates.map(textOf)).toEqual(['二']);
  });

  it('stores an update that is a view into a larger buffer as its own bytes, and leaves the caller\'s view intact', async () => {
    const { database: opened, thread } = await openWithThread();
    const bytes = updateOf('视图');
    const socketBuffer = new Uint8Array(65_536);
    socketBuffer.set(bytes, 100);
    const view = socketBuffer.subarray(100, 100 + bytes.length);
    await thread.appendMany([{ name: 'a', update: view }]);
    expect(socketBuffer.byteLength).toBe(65_536);
    expect(textOf(view)).toBe('视图');
    const [stored] = (await new YjsStore(opened.db).load('a')).updates;
    expect(stored.byteLength).toBe(bytes.length);
    expect(textOf(stored)).toBe('视图');
  });
});
