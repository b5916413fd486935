/**
 * 批注 nobody can forge (issue 12): the server decides who wrote what. Every thread, reply and
 * resolution carries the author the server knows from the session, whatever the client sends; text
 * changes only by its author, the resolved flag only by those the access table lets resolve, nobody
 * deletes another's entry, and the old review Y.Doc `<id>/review` takes no writes at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ApiClient, startDeskServer, type RunningServer } from '../support/server';
import { connectClient, waitFor, type CollabClient } from '../support/collabClient';
import { openOffice, type TestOffice } from '../support/office';
import { seedLegacyInstallation, writeLegacyThread } from '../support/legacyReview';
import { paragraphsDocx } from '../support/officeZips';
import { expectResponsive, healthWhile } from '../support/health';

interface Entry { id: string; authorId: string | null; authorName: string; text: string; at: string; editedAt: string | null; deleted: boolean; migrated?: boolean }
interface Thread {
  id: string; quote: string; authorId: string | null; authorName: string; resolved: boolean;
  resolvedBy: { id: string; name: string } | null; anchored: boolean; anchor: { start: string; end: string }; comments: Entry[];
}

let server: RunningServer;
let office: TestOffice;
/** Clients of the migration test's own server, closed with the others. */
const lateClients: CollabClient[] = [];

const as = (username: string): ApiClient => office.as(username);
const idOf = (username: string): string => office.idOf(username);
const connect = (name: string, username: string): CollabClient => office.connect(name, username);

beforeAll(async () => {
  ({ server, office } = await openOffice());
});
afterAll(async () => {
  office?.close();
  for (const c of lateClients) c.destroy();
  await server.dispose();
});

/** A 政务信息 piece of the writer (with a collaborator), submitted to the reviewer. */
async function inReview(text = '推行“四个一”工作机制，重点项目提速增效。'): Promise<string> {
  const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
    title: '沂河新区“四个一”机制推动重点项目提速增效', kind: 'info', blocks: [{ type: 'paragraph', text }],
  });
  await as('writer').ok('POST', `/api/documents/${id}/collaborators`, { userId: idOf('colleague') });
  await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
  return id;
}

/**
 * An anchor on characters [from, to) of a paragraph, as the editor computes it (anchors.ts): the caret
 * before the first character, and the caret after the last, kept to the character on its left. One
 * embed (the text node's properties) comes before the characters.
 */
function anchorIn(paragraph: Y.XmlText, from: number, to: number): { start: string; end: string } {
  const encode = (index: number, assoc: number): string =>
    Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(paragraph, index, assoc))).toString('base64');
  return { start: encode(1 + from, 0), end: encode(1 + to, -1) };
}

/** An anchor on characters [from, to) of the body's first paragraph, as the editor computes it. */
async function anchorOn(id: string, from: number, to: number): Promise<{ start: string; end: string }> {
  const reader = connectClient(server.wsUrl, id, as('writer').token);
  try {
    await reader.synced();
    const paragraph = reader.doc.get('root', Y.XmlText).toDelta()[0]?.insert as Y.XmlText;
    return anchorIn(paragraph, from, to);
  } finally {
    reader.destroy();
  }
}

const threadsOf = async (id: string, username = 'writer'): Promise<Thread[]> =>
  (await as(username).ok<{ threads: Thread[] }>('GET', `/api/documents/${id}/comments`)).threads;

/** The reviewer's thread on 四个一 with “请核实”. */
async function reviewerThread(id: string): Promise<Thread> {
  return as('reviewer').ok<Thread>('POST', `/api/documents/${id}/comments`, { anchor: await anchorOn(id, 3, 6), quote: '四个一', text: '请核实' });
}

describe('review comments: authorship from the session', () => {
  it('ignores whatever author a client sends: a writer cannot create an entry under another name', async () => {
    const id = await inReview();
    const forged = { authorId: idOf('signer'), authorName: '张主任', author: { id: idOf('signer'), name: '张主任' } };
    const thread = await as('reviewer').ok<Thread>('POST', `/api/documents/${id}/comments`,
      { anchor: await anchorOn(id, 3, 6), quote: '四个一', text: '请核实', ...forged });
    expect(thread).toMatchObject({ quote: '四个一', authorId: idOf('reviewer'), authorName: '李审核', anchored: true });

    // Writers reply and resolve; only the holder of the checkpoint opens a thread.
    const opened = await as('writer').request('POST', `/api/documents/${id}/comments`,
      { anchor: await anchorOn(id, 0, 2), quote: '推行', text: '同意，可以签发。', ...forged });
    expect(opened.status).toBe(403);
    const reply = await as('writer').ok<Entry>('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { text: '同意，可以签发。', ...forged });
    expect(reply).toMatchObject({ authorId: idOf('writer'), authorName: '王撰稿', text: '同意，可以签发。' });

    const [stored] = await threadsOf(id);
    expect(stored.comments.map((c) => [c.authorName, c.text])).toEqual([['李审核', '请核实'], ['王撰稿', '同意，可以签发。']]);
    expect(JSON.stringify(await threadsOf(id))).not.toContain('张主任');
  });

  it('lets nobody but its author change a comment\'s text (403, stored text unchanged)', async () => {
    const id = await inReview();
    const thread = await reviewerThread(id);
    const entry = thread.comments[0];
    for (const username of ['writer', 'colleague', 'admin']) {
      const edit = await as(username).request('PATCH', `/api/documents/${id}/comments/${thread.id}/entries/${entry.id}`, { text: '已通过，无意见' });
      expect(edit.status).toBe(403);
    }
    expect((await threadsOf(id))[0].comments[0]).toMatchObject({ text: '请核实', editedAt: null, authorName: '李审核' });

    const edited = await as('reviewer').ok<Entry>('PATCH', `/api/documents/${id}/comments/${thread.id}/entries/${entry.id}`, { text: '请核实并注明出处' });
    expect(edited).toMatchObject({ text: '请核实并注明出处', authorName: '李审核' });
    expect(edited.editedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await threadsOf(id))[0].comments[0].text).toBe('请核实并注明出处');
  });

  it('lets only the writers and the current holder resolve; earlier assignees reply, the admin only reads', async () => {
    const id = await inReview();
    const thread = await reviewerThread(id);
    const resolve = (username: string, resolved: boolean) =>
      as(username).request<Thread>('PATCH', `/api/documents/${id}/comments/${thread.id}`, { resolved });

    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: idOf('signer') });
    // The reviewer is now an earlier assignee: read and reply, no longer resolve.
    expect((await resolve('reviewer', true)).status).toBe(403);
    await as('reviewer').ok('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { text: '补充：见第二段' });
    expect((await resolve('admin', true)).status).toBe(403);
    expect((await as('admin').request('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { text: '管理员不该写' })).status).toBe(403);
    expect((await resolve('clerk', true)).status).toBe(403);
    expect((await as('clerk').request('GET', `/api/documents/${id}/comments`)).status).toBe(403);
    expect((await threadsOf(id, 'admin')).map((t) => t.quote)).toEqual(['四个一']);
    expect((await threadsOf(id))[0].resolved).toBe(false);

    const bySigner = await resolve('signer', true);
    expect(bySigner.status).toBe(200);
    expect(bySigner.body).toMatchObject({ resolved: true, resolvedBy: { id: idOf('signer'), name: '张主任' } });
    expect((await resolve('writer', false)).body).toMatchObject({ resolved: false, resolvedBy: null });
    expect((await resolve('colleague', true)).body).toMatchObject({ resolved: true, resolvedBy: { name: '赵协作' } });
    expect((await threadsOf(id, 'signer'))[0]).toMatchObject({ resolved: true, resolvedBy: { id: idOf('colleague') } });
  });

  it('lets nobody delete another\'s entry; an author\'s delete is soft', async () => {
    const id = await inReview();
    const thread = await reviewerThread(id);
    const opening = thread.comments[0];
    const reply = await as('writer').ok<Entry>('POST', `/api/documents/${id}/comments/${thread.id}/replies`, { text: '已核实' });
    const remove = (username: string, entryId: string) => as(username).request('DELETE', `/api/documents/${id}/comments/${thread.id}/entries/${entryId}`);

    for (const username of ['writer', 'colleague', 'admin']) expect((await remove(username, opening.id)).status).toBe(403);
    expect((await remove('reviewer', reply.id)).status).toBe(403);
    expect((await threadsOf(id))[0].comments.map((c) => [c.text, c.deleted])).toEqual([['请核实', false], ['已核实', false]]);

    expect((await remove('reviewer', opening.id)).status).toBe(204);
    // The thread stays while someone else's reply is in it; the deleted entry says so, without its text.
    const [kept] = await threadsOf(id);
    expect(kept.comments.map((c) => [c.authorName, c.text, c.deleted])).toEqual([['李审核', '', true], ['王撰稿', '已核实', false]]);
    expect((await as('reviewer').request('PATCH', `/api/documents/${id}/comments/${thread.id}/entries/${opening.id}`, { text: '复活' })).status).toBe(409);

    expect((await remove('writer', reply.id)).status).toBe(204);
    expect(await threadsOf(id)).toEqual([]);
    // Soft: the rows keep who wrote what, and when it was deleted.
    const db = new SQLite(join(server.dataDir, 'wengao.db'), { readonly: true });
    try {
      const rows = db.prepare('select author_id, text, deleted_at from review_entries where thread_id = ? order by id').all(thread.id) as
        Array<{ author_id: string; text: string; deleted_at: string | null }>;
      expect(rows.map((r) => [r.author_id, r.text, r.deleted_at !== null])).toEqual([[idOf('reviewer'), '请核实', true], [idOf('writer'), '已核实', true]]);
    } finally {
      db.close();
    }
  });

  it('refuses a raw Yjs client writing into <id>/review and stores nothing of it', async () => {
    const id = await inReview();
    const raw = connect(`${id}/review`, 'writer');
    // The old client's write, signed as the signer: what the black-box probe got through.
    writeLegacyThread(raw.doc, {
      id: 'forged', anchor: { start: null, end: null }, quote: '四个一', authorId: idOf('signer'), authorName: '张主任',
      text: '同意，可以签发。', at: new Date().toISOString(),
    });
    await new Promise((r) => setTimeout(r, 800));
    const served = (await threadsOf(id)).flatMap((t) => t.comments.map((c) => `${c.authorName}:${c.text}`));
    expect(served).toEqual([]);
    await server.restart();
    expect(await threadsOf(id)).toEqual([]);
    const db = new SQLite(join(server.dataDir, 'wengao.db'), { readonly: true });
    try {
      const stored = db.prepare('select (select count(*) from doc_updates where name = ?) + (select count(*) from doc_snapshots where name = ?) as n')
        .get(`${id}/review`, `${id}/review`) as { n: number };
      expect(stored.n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('tells every open copy of the piece that its comments changed', async () => {
    const id = await inReview();
    const body = connect(id, 'writer');
    await body.synced();
    const messages: unknown[] = [];
    body.provider.on('stateless', ({ payload }: { payload: string }) => { messages.push(JSON.parse(payload)); });
    const thread = await reviewerThread(id);
    await waitFor(() => messages.length > 0, 10_000, 'the comments-changed message');
    expect(messages[0]).toEqual({ type: 'wengao:comments-changed', documentId: id, threadId: thread.id });
  });
});

describe('the quoted text of a thread', () => {
  it('is the body’s text at the anchor, whatever quote the client sends', async () => {
    const id = await inReview('推行“四个一”工作机制，第二段数据需核实。');
    const thread = await as('reviewer').ok<Thread>('POST', `/api/documents/${id}/comments`,
      { anchor: await anchorOn(id, 3, 6), quote: '同意，数据无误', text: '请核实' });
    expect(thread.quote).toBe('四个一');
    expect((await threadsOf(id)).map((t) => t.quote)).toEqual(['四个一']);
    await as('reviewer').ok('POST', `/api/documents/${id}/comments`, { anchor: await anchorOn(id, 15, 20), quote: '任意', text: '数据来源？' });
    expect((await threadsOf(id)).map((t) => t.quote)).toEqual(['四个一', '数据需核实']);
    // The client need not send one at all.
    const unquoted = await as('reviewer').ok<Thread>('POST', `/api/documents/${id}/comments`, { anchor: await anchorOn(id, 0, 2), text: '可再精炼' });
    expect(unquoted.quote).toBe('推行');
  });

  it('refuses an anchor on text the body does not have (another piece’s, or backwards) and stores nothing', async () => {
    const id = await inReview();
    const other = await inReview('别的文稿里的文字');
    const foreign = await as('reviewer').request('POST', `/api/documents/${id}/comments`, { anchor: await anchorOn(other, 0, 2), quote: '推行', text: '请核实' });
    expect(foreign).toMatchObject({ status: 400, body: { error: { message: '批注的位置无法识别，请重新选择文字' } } });
    const forward = await anchorOn(id, 3, 6);
    const backwards = await as('reviewer').request('POST', `/api/documents/${id}/comments`, { anchor: { start: forward.end, end: forward.start }, quote: '四个一', text: '请核实' });
    expect(backwards.status).toBe(400);
    expect(await threadsOf(id)).toEqual([]);
  });
});

describe('reading the threads of a long piece', () => {
  const PARAGRAPHS = 20_000;

  async function importLong(): Promise<string> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(await paragraphsDocx(PARAGRAPHS))]), '两万段.docx');
    const response = await fetch(`${server.url}/api/import`, { method: 'POST', headers: { authorization: `Bearer ${as('writer').token}` }, body: form });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  /** `rounds` of `together` reads at once (every open copy refetches after a change), while /api/health is timed. */
  async function readMany(id: string, rounds: number, together: number): Promise<void> {
    const reads = (async () => {
      for (let round = 0; round < rounds; round++) {
        const answers = await Promise.all(Array.from({ length: together }, () => threadsOf(id)));
        for (const threads of answers) expect(threads.map((t) => [t.quote, t.anchored])).toEqual([['全区重点', true], ['项目建设', true]]);
      }
    })();
    const { latencies } = await healthWhile(server, reads);
    console.log(`comments of a ${PARAGRAPHS}-paragraph piece, ${rounds} × ${together} reads: /api/health ×${latencies.length}, max ${Math.max(...latencies).toFixed(0)} ms`);
    expectResponsive(latencies);
  }

  it('does not hold up other requests, with the piece open in an editor and closed', async () => {
    const id = await importLong();
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    const copy = connectClient(server.wsUrl, id, as('reviewer').token);
    await copy.synced();
    const paragraphs = (copy.doc.get('root', Y.XmlText).toDelta() as Array<{ insert: unknown }>).map((op) => op.insert);
    const [early, late] = [paragraphs[100], paragraphs[PARAGRAPHS - 100]];
    if (!(early instanceof Y.XmlText) || !(late instanceof Y.XmlText)) throw new Error('no paragraphs to anchor on');
    await as('reviewer').ok('POST', `/api/documents/${id}/comments`, { anchor: anchorIn(early, 0, 4), quote: '全区重点', text: '第一条意见' });
    await as('reviewer').ok('POST', `/api/documents/${id}/comments`, { anchor: anchorIn(late, 4, 8), quote: '项目建设', text: '第二条意见' });

    // Open: three copies read again after each change.
    await readMany(id, 6, 3);
    copy.destroy();
    // Nobody has the piece open: the collaboration server unloads it, and reads come from storage
    // (one reader now, and no open copy to refetch).
    await new Promise((r) => setTimeout(r, 3000));
    await readMany(id, 12, 1);
  }, 240_000);
});

describe('review threads of an old installation', () => {
  it('moves the threads of <id>/review into the relational store, with authors the server knows, and refuses the old document afterwards', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wengao-legacy-'));
    const seed = await seedLegacyInstallation({ dataDir });
    const old = await startDeskServer({ dataDir });
    try {
      const login = (u: keyof typeof seed.users) => new ApiClient(old.url).login(seed.users[u].username, seed.users[u].password);
      const [writer, reviewer] = await Promise.all([login('writer'), login('reviewer')]);
      const { threads } = await writer.ok<{ threads: Thread[] }>('GET', `/api/documents/${seed.documentId}/comments`);
      expect(threads.map((t) => ({ quote: t.quote, resolved: t.resolved, anchored: t.anchored, author: t.authorName }))).toEqual([
        { quote: '四个一', resolved: false, anchored: true, author: '李审核' },
        { quote: '推行', resolved: true, anchored: true, author: '未知用户' },
      ]);
      // The reply the old client signed as 张主任 is shown under the account that wrote it.
      expect(threads[0].comments.map((c) => [c.authorName, c.text, c.migrated])).toEqual([['李审核', '请核实“四个一”的提法', true], ['王撰稿', '已核实', true]]);
      expect(threads[1].comments.map((c) => [c.authorId, c.authorName])).toEqual([[null, '未知用户']]);
      expect(threads[1].resolvedBy).toEqual({ id: seed.users.writer.id, name: '王撰稿' });
      expect(JSON.stringify(threads)).not.toContain('张主任');
      expect(JSON.stringify(threads)).not.toContain('己签发');

      // The migrated threads obey the same rules as new ones.
      const entry = threads[0].comments[0];
      expect((await writer.request('PATCH', `/api/documents/${seed.documentId}/comments/${threads[0].id}/entries/${entry.id}`, { text: '改' })).status).toBe(403);
      await writer.ok('POST', `/api/documents/${seed.documentId}/transitions`, { action: 'submit', assigneeId: seed.users.reviewer.id });
      await reviewer.ok('PATCH', `/api/documents/${seed.documentId}/comments/${threads[0].id}/entries/${entry.id}`, { text: '请核实出处' });

      // An old client still holding <id>/review writes into it: refused, nothing stored.
      const raw = connectClient(old.wsUrl, `${seed.documentId}/review`, writer.token);
      lateClients.push(raw);
      writeLegacyThread(raw.doc, { id: 'late', anchor: { start: null, end: null }, quote: 'x', authorId: seed.users.signer.id, authorName: '张主任', text: '迟到的写入', at: new Date().toISOString() });
      await new Promise((r) => setTimeout(r, 800));
      await old.restart();
      const after = await writer.ok<{ threads: Thread[] }>('GET', `/api/documents/${seed.documentId}/comments`);
      expect(after.threads.flatMap((t) => t.comments.map((c) => c.text))).toEqual(['请核实出处', '已核实', '同意，可以签发。']);
    } finally {
      await old.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
