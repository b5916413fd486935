/**
 * The store's SQLite behaviour under each driver this Node can run: better-sqlite3 (built by npm
 * install for this Node) and node:sqlite (Node 22.16+). WENGAO_SQLITE_DRIVER=node or =better-sqlite3
 * tests only that one; test/integration/embeddedServerNode24.test.ts runs this file on Node 24 that way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Generated, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, SQLITE_FILE, type DeskDatabase } from './database';
import type { Database } from './schema';
import { chooseSqliteDriver, openSqliteFile, type SqliteDriver } from './sqliteFile';
import { loadNodeSqlite } from './nodeSqlite';
import { YjsStore } from '../collab/yjsStore';

const requested = process.env.WENGAO_SQLITE_DRIVER;
const only: SqliteDriver | null = requested === 'node' || requested === 'node:sqlite' ? 'node:sqlite'
  : requested === 'better-sqlite3' ? 'better-sqlite3' : null;
const runnable = (driver: SqliteDriver): boolean =>
  only ? driver === only : driver === 'better-sqlite3' || loadNodeSqlite() !== undefined;

type Scratch = { scratch: { id: Generated<number>; name: string; data: Uint8Array | null } };

describe.each(['better-sqlite3', 'node:sqlite'] as const)('the store on %s', (driver) => {
  // Skipped where the driver cannot load: node:sqlite needs Node 22.16+, so on Node 20 its five tests
  // skip here, and test/integration/embeddedServerNode24.test.ts runs this file again on Node 24 with
  // WENGAO_SQLITE_DRIVER=node, where they run (and better-sqlite3's skip).
  describe.skipIf(!runnable(driver))(driver === 'node:sqlite' ? 'where Node has it (22.16+)' : 'as npm install built it for this Node', () => {
    let dataDir: string;
    let database: DeskDatabase;
    let db: Kysely<Database & Scratch>;

    beforeEach(async () => {
      vi.stubEnv('WENGAO_SQLITE_DRIVER', driver);
      dataDir = mkdtempSync(join(tmpdir(), 'wengao-sqlite-'));
      database = await openDatabase({ dataDir });
      db = database.db.withTables<Scratch>();
      await db.schema.createTable('scratch')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('data', 'blob')
        .execute();
    });
    afterEach(async () => {
      vi.unstubAllEnvs();
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('opens in WAL mode, synchronous=FULL, foreign keys on', async () => {
      expect(database.driver).toBe(driver);
      const pragma = async (name: string): Promise<unknown> =>
        Object.values((await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(db)).rows[0])[0];
      expect(await pragma('journal_mode')).toBe('wal');
      expect(await pragma('synchronous')).toBe(2);
      expect(await pragma('foreign_keys')).toBe(1);
    });

    it('returns ids from INSERT … RETURNING, counts changes and gives BLOBs back as Buffers', async () => {
      const first = await db.insertInto('scratch').values({ name: 'a', data: new Uint8Array([1, 2, 3]) }).returning('id').executeTakeFirstOrThrow();
      const second = await db.insertInto('scratch').values({ name: 'b', data: Buffer.from([4]) }).executeTakeFirstOrThrow();
      expect(first.id).toBe(1);
      expect(second.insertId).toBe(2n);
      expect(second.numInsertedOrUpdatedRows).toBe(1n);
      const updated = await db.updateTable('scratch').set({ data: null }).where('id', '>', 0).executeTakeFirstOrThrow();
      expect(updated.numUpdatedRows).toBe(2n);

      const store = new YjsStore(database.db);
      const id = await store.append('doc-1', new Uint8Array([9, 8, 7]));
      const { updates, lastUpdateId } = await store.load('doc-1');
      expect(lastUpdateId).toBe(id);
      expect(Buffer.isBuffer(updates[0])).toBe(true);
      expect([...updates[0]]).toEqual([9, 8, 7]);
    });

    it('rolls a failed transaction back and reports a constraint error', async () => {
      await db.insertInto('scratch').values({ name: 'kept' }).execute();
      await expect(db.transaction().execute(async (trx) => {
        await trx.insertInto('scratch').values({ name: 'lost' }).execute();
        await trx.insertInto('scratch').values({ name: 'kept' }).execute();
      })).rejects.toThrow(/UNIQUE constraint failed/);
      expect((await db.selectFrom('scratch').select('name').execute()).map((r) => r.name)).toEqual(['kept']);
    });

    it('streams a select row by row', async () => {
      await db.insertInto('scratch').values([{ name: 'x' }, { name: 'y' }, { name: 'z' }]).execute();
      const names: string[] = [];
      for await (const row of db.selectFrom('scratch').select('name').orderBy('name').stream()) names.push(row.name);
      expect(names).toEqual(['x', 'y', 'z']);
    });

    it('backs a live database up to a consistent copy, read-only source', async () => {
      await db.insertInto('scratch').values({ name: 'before the backup', data: new Uint8Array([5]) }).execute();
      const source = await openSqliteFile(join(dataDir, SQLITE_FILE), { readonly: true, driver });
      const copy = join(dataDir, 'copy.db');
      try {
        await source.backup(copy);
      } finally {
        source.close();
      }
      const restored = await openSqliteFile(copy, { readonly: true, driver });
      try {
        const rows = restored.database.prepare('select name, data from scratch').all([]) as Array<{ name: string; data: Buffer }>;
        expect(rows).toHaveLength(1);
        expect(rows[0].name).toBe('before the backup');
        expect([...rows[0].data]).toEqual([5]);
      } finally {
        restored.close();
      }
      await expect(openSqliteFile(join(dataDir, 'missing.db'), { readonly: true, driver })).rejects.toThrow();
    });
  });
});

describe('choosing the driver', () => {
  it('takes node:sqlite where this Node has it, better-sqlite3 elsewhere, and obeys WENGAO_SQLITE_DRIVER', () => {
    expect(chooseSqliteDriver({})).toBe(loadNodeSqlite() ? 'node:sqlite' : 'better-sqlite3');
    expect(chooseSqliteDriver({ WENGAO_SQLITE_DRIVER: 'better-sqlite3' })).toBe('better-sqlite3');
    expect(() => chooseSqliteDriver({ WENGAO_SQLITE_DRIVER: 'sqlite3' })).toThrow(/node or better-sqlite3/);
    if (loadNodeSqlite()) expect(chooseSqliteDriver({ WENGAO_SQLITE_DRIVER: 'node' })).toBe('node:sqlite');
    else expect(() => chooseSqliteDriver({ WENGAO_SQLITE_DRIVER: 'node' })).toThrow(/no usable node:sqlite/);
  });
});
