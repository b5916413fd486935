/**
 * Group commit (issue 17): the updates of one event-loop turn share one transaction, written by the
 * update-log thread. "Acknowledged = durable" must still hold: many writers typing at once over two
 * documents, SIGKILL at the moment every edit is acknowledged, and every acknowledged edit is there
 * after the restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriters, startDeskServer, type ApiClient, type RunningServer } from '../support/server';
import { connectRawClient, type RawClient } from '../bench/support/rawClient';

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!await check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let server: RunningServer;
let writers: ApiClient[];
let ids: string[];
const open: RawClient[] = [];

beforeAll(async () => {
  server = await startDeskServer();
  ({ writers, ids } = await createWriters(server, 'writer1', 'writer2', 'writer3', 'writer4'));
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server.dispose();
});

async function sharedDocument(title: string): Promise<string> {
  const { id } = await writers[0].ok<{ id: string }>('POST', '/api/documents', { title, kind: 'research', blocks: [] });
  for (const userId of ids.slice(1)) await writers[0].ok('POST', `/api/documents/${id}/collaborators`, { userId });
  return id;
}

function connect(documentId: string, who: ApiClient): RawClient {
  const c = connectRawClient(server.wsUrl, documentId, who.token);
  open.push(c);
  return c;
}

describe('group commit', () => {
  it('keeps every acknowledged edit of many writers typing at once when the server is killed', async () => {
    const documents = [await sharedDocument('并发一'), await sharedDocument('并发二')];
    const changedAt = async (id: string): Promise<string> => (await writers[0].ok<{ updatedAt: string }>('GET', `/api/documents/${id}`)).updatedAt;
    const created = await changedAt(documents[0]);
    const clients = documents.flatMap((id) => writers.map((w) => connect(id, w)));
    await Promise.all(clients.map((c) => c.synced()));
    // Each writer types 20 times in bursts: several updates reach the server in one loop turn.
    for (let round = 0; round < 20; round++) {
      clients.forEach((c, i) => c.doc.getText('t').insert(c.doc.getText('t').length, `〔${i}-${round}〕`));
      if (round % 5 === 4) await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(clients.map((c) => c.acknowledged(20_000)));
    // The change time is written by the update-log thread too.
    await waitFor(async () => (await changedAt(documents[0])) > created, 5_000, 'the change time');
    await server.stop('SIGKILL');
    await server.restart();
    for (const [d, id] of documents.entries()) {
      const reader = connect(id, writers[0]);
      await reader.synced();
      const text = reader.doc.getText('t').toString();
      for (let w = 0; w < writers.length; w++) {
        const i = d * writers.length + w;
        for (let round = 0; round < 20; round++) expect(text).toContain(`〔${i}-${round}〕`);
      }
    }
  });
});
