import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openTestDatabase } from '../db/testDatabase';
import type { DeskDatabase } from '../db/database';
import { YjsStore } from './yjsStore';
import { GroupCommitLog } from './groupCommit';

function updateOf(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

describe('GroupCommitLog', () => {
  let database: DeskDatabase | null = null;
  afterEach(async () => { await database?.close(); database = null; });

  it('writes the appends of one event-loop turn in one transaction, each resolving with its own id', async () => {
    database = await openTestDatabase();
    const store = new YjsStore(database.db);
    const log = new GroupCommitLog(store);
    const ids = await Promise.all([log.append('a', updateOf('一')), log.append('b', updateOf('二')), log.append('a', updateOf('三'))]);
    expect(log.stats).toEqual({ batches: 1, updates: 3, largest: 3 });
    expect(new Set(ids).size).toBe(3);
    const a = await store.load('a');
    expect(a.updates.map((u) => { const d = new Y.Doc(); Y.applyUpdate(d, u); return d.getText('t').toString(); })).toEqual(['一', '三']);
    expect(a.lastUpdateId).toBe(ids[2]);
    await log.append('b', updateOf('四'));
    expect(log.stats.batches).toBe(2);
  });

  it('gathers what arrives while a commit is under way into the next batch, not one commit each', async () => {
    const batches: number[] = [];
    let release: () => void = () => undefined;
    let nextId = 1;
    const log = new GroupCommitLog({
      appendMany: async (entries) => {
        batches.push(entries.length);
        if (batches.length === 1) await new Promise<void>((r) => { release = r; });
        return entries.map(() => nextId++);
      },
    });
    const first = log.append('a', updateOf('一'));
    await new Promise((r) => setImmediate(r));
    // A slow disk: three more turns of the loop pass while the first commit is under way.
    const later: Array<Promise<number>> = [];
    for (let turn = 0; turn < 3; turn++) {
      later.push(log.append('a', updateOf(`${turn}`)));
      await new Promise((r) => setImmediate(r));
    }
    release();
    await Promise.all([first, ...later]);
    expect(batches).toEqual([1, 3]);
  });

  it('starts batches at least the spacing apart, and writes a lone append after a quiet spell at once', async () => {
    const starts: number[] = [];
    let nextId = 1;
    const log = new GroupCommitLog({
      appendMany: async (entries) => {
        starts.push(performance.now());
        return entries.map(() => nextId++);
      },
    }, 20);
    const t0 = performance.now();
    await log.append('a', updateOf('一'));
    expect(starts[0] - t0).toBeLessThan(15);
    // Appends that arrive one by one right after it wait for the spacing and go together.
    const soon = [log.append('a', updateOf('二'))];
    await new Promise((r) => setImmediate(r));
    soon.push(log.append('a', updateOf('三')));
    await Promise.all(soon);
    expect(log.stats.batches).toBe(2);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(19);
    await new Promise((r) => setTimeout(r, 30));
    const quiet = performance.now();
    await log.append('a', updateOf('四'));
    expect(starts[2] - quiet).toBeLessThan(15);
  });

  it('rejects every append of a batch that could not be written, and stores none of it', async () => {
    database = await openTestDatabase();
    const store = new YjsStore(database.db);
    const log = new GroupCommitLog(store);
    // The second update cannot be bound (not bytes): the whole transaction rolls back.
    const unbindable = { not: 'bytes' } as unknown as Uint8Array;
    const results = await Promise.allSettled([log.append('a', updateOf('一')), log.append('a', unbindable)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect((await store.load('a')).updates).toEqual([]);
    expect(await log.append('a', updateOf('二'))).toBeGreaterThan(0);
  });
});
