import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriters, startDeskServer, type ApiClient, type RunningServer } from '../support/server';
import { connectClient, waitFor, type CollabClient } from '../support/collabClient';

let server: RunningServer;
let alice: ApiClient;
let bob: ApiClient;
const open: CollabClient[] = [];

function client(documentId: string, who: ApiClient): CollabClient {
  const c = connectClient(server.wsUrl, documentId, who.token);
  open.push(c);
  return c;
}

async function sharedDocument(text = ''): Promise<string> {
  const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', {
    title: '关于推进重点项目建设的调研报告', kind: 'research', blocks: [{ type: 'paragraph', text }],
  });
  const users = await alice.ok<{ users: Array<{ id: string; username: string }> }>('GET', '/api/users');
  const bobId = users.users.find((u) => u.username === 'bob')?.id;
  await alice.ok('POST', `/api/documents/${id}/collaborators`, { userId: bobId });
  return id;
}

async function serverText(id: string): Promise<string> {
  return (await alice.ok<{ text: string }>('GET', `/api/documents/${id}/content`)).text;
}

beforeAll(async () => {
  server = await startDeskServer();
  ({ writers: [alice, bob] } = await createWriters(server, 'alice', 'bob'));
});

afterAll(async () => {
  for (const c of open) c.destroy();
  await server.dispose();
});

describe('real-time collaboration', () => {
  it('converges when two writers type at the same time', async () => {
    const id = await sharedDocument('开头');
    const a = client(id, alice);
    const b = client(id, bob);
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 20; i++) {
      a.type(`甲${i}`);
      b.type(`乙${i}`);
    }
    a.addParagraph('甲的新段落');
    await Promise.all([a.acknowledged(), b.acknowledged()]);
    await waitFor(() => a.text() === b.text(), 10_000, 'convergence');
    const text = a.text();
    for (let i = 0; i < 20; i++) expect(text).toContain(`甲${i}`);
    for (let i = 0; i < 20; i++) expect(text).toContain(`乙${i}`);
    expect(text.split('\n')).toHaveLength(2);
    expect(await serverText(id)).toBe(text);
  });

  it('refuses a connection with a wrong token before sending any content', async () => {
    const id = await sharedDocument('机密的正文内容');
    const intruder = connectClient(server.wsUrl, id, 'not-a-token');
    open.push(intruder);
    let failed = false;
    intruder.provider.on('authenticationFailed', () => { failed = true; });
    await waitFor(() => failed, 10_000, 'authentication failure');
    expect(intruder.text()).toBe('');
    expect(intruder.provider.isSynced).toBe(false);
  });

  it('refuses a user who is not invited to the document', async () => {
    const { id } = await alice.ok<{ id: string }>('POST', '/api/documents', {
      title: '仅限本人', kind: 'comprehensive', blocks: [{ type: 'paragraph', text: '不给别人看' }],
    });
    const peeker = connectClient(server.wsUrl, id, bob.token);
    open.push(peeker);
    let failed = false;
    peeker.provider.on('authenticationFailed', () => { failed = true; });
    await waitFor(() => failed, 10_000, 'authentication failure');
    expect(peeker.text()).toBe('');
  });
});

describe('nothing is lost', () => {
  it('keeps the text across a clean restart, SIGTERM having written the open document', async () => {
    const id = await sharedDocument('');
    const a = client(id, alice);
    await a.synced();
    a.type('重启之前写下的文字');
    await a.acknowledged();
    await server.stop('SIGTERM');
    // The document was still open: SIGTERM folded its update log into the snapshot before exit.
    const { default: SQLite } = await import('better-sqlite3');
    const db = new SQLite(`${server.dataDir}/wengao.db`, { readonly: true });
    const left = db.prepare('select count(*) as n from doc_updates where name = ?').get(id) as { n: number };
    const snapshot = db.prepare('select length(data) as bytes from doc_snapshots where name = ?').get(id) as { bytes: number };
    db.close();
    expect(left.n).toBe(0);
    expect(snapshot.bytes).toBeGreaterThan(0);
    a.destroy();
    await server.restart();
    expect(await serverText(id)).toBe('重启之前写下的文字');
  });

  it('keeps every acknowledged edit when the server is killed, and takes the unacknowledged ones after restart', async () => {
    const id = await sharedDocument('');
    const a = client(id, alice);
    const b = client(id, bob);
    await Promise.all([a.synced(), b.synced()]);
    for (let i = 0; i < 30; i++) {
      a.type(`A${i};`);
      b.type(`B${i};`);
    }
    await Promise.all([a.acknowledged(), b.acknowledged()]);
    const acknowledged = await serverText(id);
    // SIGKILL right after the acknowledgements: before any debounced snapshot could be written.
    await server.stop('SIGKILL');
    a.type('断线时甲写的;');
    b.type('断线时乙写的;');
    await server.restart();
    const afterRestart = await serverText(id);
    for (let i = 0; i < 30; i++) {
      expect(afterRestart).toContain(`A${i};`);
      expect(afterRestart).toContain(`B${i};`);
    }
    expect(afterRestart.length).toBeGreaterThanOrEqual(acknowledged.length);
    // The providers reconnect by themselves and deliver what they typed while the server was down.
    await Promise.all([a.acknowledged(20_000), b.acknowledged(20_000)]);
    await waitFor(() => a.text() === b.text(), 10_000, 'convergence after restart');
    const merged = await serverText(id);
    expect(merged).toContain('断线时甲写的;');
    expect(merged).toContain('断线时乙写的;');
    expect(merged).toBe(a.text());
  });
});
