/**
 * How the server takes an accepted update (issue 17): the persistence hook applies it at once, so the
 * others see it before its commit; it takes the message from Hocuspocus (which would apply it a second
 * time and acknowledge it as soon as the hook returns) and acknowledges it itself once it is durable;
 * and the writer's next update is handled without waiting for that commit. A real Hocuspocus server,
 * real SQLite, real provider clients; the update log's commits are held back on purpose.
 */
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import * as Y from 'yjs';
import { MessageType, Server, type Extension } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { openTestDatabase } from '../../src/server/db/testDatabase';
import type { DeskDatabase } from '../../src/server/db/database';
import { PersistenceExtension } from '../../src/server/collab/PersistenceExtension';
import { YjsStore } from '../../src/server/collab/yjsStore';
import { isEmptyUpdate } from '../../src/server/collab/syncMessage';
import { connectRawClient, type RawClient } from '../bench/support/rawClient';
import { waitFor } from '../support/collabClient';

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

/** A server whose update-log commits wait while `held` (the real store writes them when let go). */
interface TestServer {
  store: YjsStore;
  hold(): void;
  letGo(): void;
  /** The next `count` batches fail (as when the log's thread dies) instead of being written. */
  failNext(count: number): void;
  lock(): void;
  updatesSeenByHocuspocus: Uint8Array[];
  url: string;
}

async function startServer(): Promise<TestServer> {
  database = await openTestDatabase();
  const store = new YjsStore(database.db);
  let gate: Promise<void> | null = null;
  let open = (): void => undefined;
  let failing = 0;
  let locked = false;
  const logWriter = {
    appendMany: async (entries: ReadonlyArray<{ name: string; update: Uint8Array }>) => {
      await gate;
      if (failing > 0) {
        failing -= 1;
        throw new Error('the update-log writer stopped');
      }
      return store.appendMany(entries);
    },
    compact: (name: string, state: Uint8Array, through: number) => store.compact(name, state, through),
  };
  const persistence = new PersistenceExtension({
    store, logWriter, log: pino({ level: 'silent' }), seed: () => Y.encodeStateAsUpdate(new Y.Doc()), isLocked: () => locked,
  });
  // Hocuspocus hands every sync message it handles itself to beforeSync: updates it would apply again.
  const updatesSeenByHocuspocus: Uint8Array[] = [];
  const witness: Extension = { beforeSync: async ({ type, payload }) => { if (type !== 0) updatesSeenByHocuspocus.push(payload); } };
  server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false, extensions: [persistence, witness] });
  await server.listen();
  return {
    store,
    hold: () => { gate = new Promise((resolve) => { open = resolve; }); },
    letGo: () => { open(); gate = null; },
    failNext: (count) => { failing = count; },
    lock: () => { locked = true; },
    updatesSeenByHocuspocus,
    url: `ws://127.0.0.1:${server.address.port}`,
  };
}

function connect(url: string): RawClient {
  const client = connectRawClient(url, 'plain', 'token');
  clients.push(client);
  return client;
}

async function storedText(store: YjsStore): Promise<string> {
  const stored = new Y.Doc();
  for (const update of (await store.load('plain')).updates) Y.applyUpdate(stored, update);
  return stored.getText('t').toString();
}

const append = (client: RawClient, text: string): void => { client.doc.getText('t').insert(client.doc.getText('t').length, text); };

describe('an accepted update', () => {
  it('reaches the others before its commit, is acknowledged only after it, and is stored whole and applied once', async () => {
    const { store, hold, letGo, updatesSeenByHocuspocus, url } = await startServer();
    const [writer, reader] = [connect(url), connect(url)];
    await Promise.all([writer.synced(), reader.synced()]);
    updatesSeenByHocuspocus.length = 0;
    hold();
    append(writer, '各单位：现将有关事项通知如下。');
    await waitFor(() => reader.doc.getText('t').toString() === '各单位：现将有关事项通知如下。', 10_000, 'the reader to see the edit');
    await new Promise((r) => setTimeout(r, 200));
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
    expect(await storedText(store)).toBe('');
    letGo();
    await writer.acknowledged(10_000);
    expect(await storedText(store)).toBe('各单位：现将有关事项通知如下。');
    // Hocuspocus neither applied it a second time nor acknowledged it before the commit (what it did
    // see were the empty updates of the first sync, which change nothing and are left to it).
    expect(updatesSeenByHocuspocus.filter((update) => !isEmptyUpdate(update))).toEqual([]);
  });

  it('does not hold the writer’s next edit until the commit of the one before', async () => {
    const { store, hold, letGo, url } = await startServer();
    const [writer, reader] = [connect(url), connect(url)];
    await Promise.all([writer.synced(), reader.synced()]);
    hold();
    append(writer, '第一句。');
    await waitFor(() => reader.doc.getText('t').toString() === '第一句。', 10_000, 'the reader to see the first edit');
    append(writer, '第二句。');
    await waitFor(() => reader.doc.getText('t').toString() === '第一句。第二句。', 5_000, 'the reader to see the second edit while the first is not yet committed');
    letGo();
    await writer.acknowledged(10_000);
    expect(await storedText(store)).toBe('第一句。第二句。');
  });
});

describe('an update whose commit fails', () => {
  it('is not acknowledged, resets its connection, and is stored by a snapshot before any later edit is acknowledged', async () => {
    const { store, hold, letGo, failNext, url } = await startServer();
    const [writer, other] = [connect(url), connect(url)];
    await Promise.all([writer.synced(), other.synced()]);
    let closes = 0;
    writer.provider.on('close', () => { closes += 1; });
    hold();
    failNext(1);
    append(writer, '会失败的一句。');
    await waitFor(() => other.doc.getText('t').toString() === '会失败的一句。', 10_000, 'the other writer to see the edit');
    letGo();
    await waitFor(() => closes > 0, 10_000, 'the failed writer’s connection to be reset');
    // The other writer's next edit builds on the lost one: acknowledged only once a snapshot holds both.
    append(other, '后来的一句。');
    await other.acknowledged(10_000);
    expect(await storedText(store)).toBe('会失败的一句。后来的一句。');
    // Its sender was never told it was saved (the reset drops the connection to that document, as a
    // failing hook does; the app's provider reconnects and syncs again).
    expect(writer.provider.unsyncedChanges).toBeGreaterThan(0);
  });
});

describe('a sync reply carrying an update (a message providers do not send)', () => {
  it('is judged, logged and acknowledged like any update: refused while the body is locked', async () => {
    const { store, lock, url } = await startServer();
    const [writer, reader] = [connect(url), connect(url)];
    await Promise.all([writer.synced(), reader.synced()]);
    const sendAsSyncReply = (text: string): void => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(writer.doc));
      const before = Y.encodeStateVector(doc);
      doc.getText('t').insert(doc.getText('t').length, text);
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, 'plain');
      encoding.writeVarUint(encoder, MessageType.SyncReply);
      syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc, before));
      writer.provider.configuration.websocketProvider.send(encoding.toUint8Array(encoder));
    };
    sendAsSyncReply('回复里的一句。');
    await waitFor(() => reader.doc.getText('t').toString() === '回复里的一句。', 10_000, 'the reader to see it');
    await new Promise((r) => setTimeout(r, 300));
    expect(await storedText(store)).toBe('回复里的一句。');
    lock();
    sendAsSyncReply('锁定后的一句。');
    await new Promise((r) => setTimeout(r, 500));
    expect(reader.doc.getText('t').toString()).toBe('回复里的一句。');
    expect(await storedText(store)).toBe('回复里的一句。');
  });
});
