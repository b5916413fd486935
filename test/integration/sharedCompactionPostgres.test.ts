/**
 * Compaction with several instances on one PostgreSQL update log (src/server/cluster/sharedCompaction.ts):
 * an instance's open copy may lack an update another instance logged a moment ago, so the snapshot it
 * stores must not drop that update from the log. Also: two instances compacting one document at once.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DeskDatabase } from '../../src/server/db/database';
import { YjsStore } from '../../src/server/collab/yjsStore';
import { SharedCompaction } from '../../src/server/cluster/sharedCompaction';
import { startPostgres, type TestPostgres } from '../support/postgres';

let postgres: TestPostgres | null = null;
let database: DeskDatabase | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'wengao-compaction-'));

beforeAll(async () => {
  postgres = await startPostgres();
  if (postgres) database = await openDatabase({ dataDir, postgresUrl: await postgres.createDatabase() });
}, 60_000);

afterAll(async () => {
  await database?.close();
  await postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** An update typing `text` as a client of its own (another writer, maybe on another instance). */
function typed(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}

async function storedText(store: YjsStore, name: string): Promise<string> {
  const doc = new Y.Doc();
  for (const update of (await store.load(name)).updates) Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

describe.skipIf(!hasPostgres() && !process.env.CI)('shared compaction on PostgreSQL', () => {
  it('keeps an update logged by another instance that the compacting copy does not hold yet', async () => {
    if (!database) throw new Error('no database');
    const store = new YjsStore(database.db);
    const mine = typed('甲');
    // Instance A logged its update, instance B logged one a moment later; A's copy holds only its own.
    for (const name of ['plain', 'shared']) await store.appendMany([{ name, update: mine }, { name, update: typed('乙') }]);
    const lastId = (await store.load('plain')).lastUpdateId;
    // What one instance alone may do (its copy holds every update it acknowledged) loses B's edit here:
    await store.compact('plain', mine, lastId);
    expect(await storedText(store, 'plain')).not.toContain('乙');
    await new SharedCompaction(database.db, store).compact('shared', mine, lastId);
    expect((await storedText(store, 'shared')).split('').sort()).toEqual(['乙', '甲']);
    expect((await store.load('shared')).updates).toHaveLength(1);
  });

  it('lets two instances compact one document at once without losing what either holds', async () => {
    if (!database) throw new Error('no database');
    const store = new YjsStore(database.db);
    const [a, b, c] = [typed('一'), typed('二'), typed('三')];
    await store.appendMany([{ name: 'both', update: a }, { name: 'both', update: b }]);
    const compaction = new SharedCompaction(database.db, store);
    await Promise.all([compaction.compact('both', a), compaction.compact('both', b), store.appendMany([{ name: 'both', update: c }])]);
    expect((await storedText(store, 'both')).split('').sort()).toEqual(['一', '三', '二'].sort());
  });
});

function hasPostgres(): boolean {
  try {
    return readdirSync('/usr/lib/postgresql').length > 0;
  } catch {
    return false;
  }
}
