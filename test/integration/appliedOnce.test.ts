/**
 * An accepted update is decoded and integrated once (issue 17): the persistence hook applies it, so
 * that the others see it before its commit, and blanks it in the message, which Hocuspocus reads
 * again after the hooks. A real Hocuspocus server, real SQLite, real provider clients.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import * as Y from 'yjs';
import { Server, type Extension } from '@hocuspocus/server';
import { openTestDatabase } from '../../src/server/db/testDatabase';
import type { DeskDatabase } from '../../src/server/db/database';
import { PersistenceExtension } from '../../src/server/collab/PersistenceExtension';
import { YjsStore } from '../../src/server/collab/yjsStore';
import { connectRawClient, type RawClient } from '../bench/support/rawClient';
import { waitFor } from '../support/collabClient';

describe('PersistenceExtension on a real Hocuspocus server', () => {
  let database: DeskDatabase | null = null;
  let server: Server | null = null;
  const clients: RawClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await server?.destroy();
    server = null;
    await database?.close();
    database = null;
  });

  it('applies an accepted update once: Hocuspocus reads an empty one after the hook; the log keeps it whole', async () => {
    database = await openTestDatabase();
    const store = new YjsStore(database.db);
    const persistence = new PersistenceExtension({ store, log: pino({ level: 'silent' }), seed: () => Y.encodeStateAsUpdate(new Y.Doc()) });
    // What Hocuspocus reads from each sync message after the hooks (its beforeSync hook is handed the update).
    const readByHocuspocus: Uint8Array[] = [];
    const witness: Extension = { beforeSync: async ({ type, payload }) => { if (type !== 0) readByHocuspocus.push(payload.slice()); } };
    server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false, extensions: [persistence, witness] });
    await server.listen();
    const url = `ws://127.0.0.1:${server.address.port}`;
    const [writer, reader] = [connectRawClient(url, 'plain', 'token'), connectRawClient(url, 'plain', 'token')];
    clients.push(writer, reader);
    await Promise.all([writer.synced(), reader.synced()]);
    readByHocuspocus.length = 0;
    for (const word of ['各单位：', '现将有关事项', '通知如下。']) writer.doc.getText('t').insert(writer.doc.getText('t').length, word);
    await writer.acknowledged(10_000);
    await waitFor(() => reader.doc.getText('t').toString() === '各单位：现将有关事项通知如下。', 10_000, 'the reader to see the edits');
    expect(readByHocuspocus.length).toBeGreaterThanOrEqual(1);
    expect(readByHocuspocus.every((update) => update.length === 2 && update[0] === 0 && update[1] === 0)).toBe(true);
    const stored = new Y.Doc();
    for (const update of (await store.load('plain')).updates) Y.applyUpdate(stored, update);
    expect(stored.getText('t').toString()).toBe('各单位：现将有关事项通知如下。');
  });
});
