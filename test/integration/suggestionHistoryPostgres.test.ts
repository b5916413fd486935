/** The stored suggestion history (migration 0012) on PostgreSQL: its insert-or-keep and its lookup on the other dialect. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import { startPostgres, type TestPostgres } from '../support/postgres';
import { openDatabase, type DeskDatabase } from '../../src/server/db/database';
import { SuggestionHistory } from '../../src/server/collab/suggestionHistory';

let postgres: TestPostgres | null = null;
let database: DeskDatabase | null = null;

beforeAll(async () => {
  postgres = await startPostgres();
  if (!postgres) return;
  database = await openDatabase({ dataDir: mkdtempSync(join(tmpdir(), 'wengao-history-')), postgresUrl: await postgres.createDatabase() });
}, 120_000);

afterAll(async () => {
  await database?.close();
  await postgres?.stop();
});

describe.skipIf(!existsSync('/usr/lib/postgresql') && !process.env.CI)('suggestion history on PostgreSQL', () => {
  it('keeps the first meta stored under a key and finds metas by body and key', async () => {
    const history = new SuggestionHistory(database!.db, pino({ level: 'silent' }));
    const meta = { id: 's1', kind: 'insert' as const, authorId: 'u1', authorName: '李四', at: '2026-12-07T08:00:00.000Z' };
    history.add('doc-1', [meta, { ...meta, id: 's2', kind: 'delete' }]);
    await expect.poll(async () => (await history.find('doc-1', ['insert:s1', 'delete:s2'])).length).toBe(2);
    // Stored again under the same key with another name: the first stays.
    history.add('doc-1', [{ ...meta, authorName: '王五' }]);
    history.add('doc-2', [meta]);
    await expect.poll(async () => (await history.find('doc-2', ['insert:s1'])).length).toBe(1);
    expect(await history.find('doc-1', ['insert:s1', 'split:s1'])).toEqual([meta]);
    expect(await history.find('doc-1', [])).toEqual([]);
  });
});
