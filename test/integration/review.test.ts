import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { ApiClient, RunningServer } from '../support/server';
import { waitFor, type CollabClient } from '../support/collabClient';
import { openOffice, type TestOffice } from '../support/office';
import type { HistoryEntry, Inbox, WorkflowStatus } from '../../src/shared/review';
import { EDITS_REFUSED } from '../../src/shared/collabMessages';
import JSZip from 'jszip';
import SQLite from 'better-sqlite3';
import type { SerializedEditorState } from 'lexical';
import { canonicalTextV1 } from '../../src/core/review/canonicalV1';
import { sha256Hex } from '../../src/server/digest';

let server: RunningServer;
let admin: ApiClient;
let office: TestOffice;

const as = (username: string): ApiClient => office.as(username);
const idOf = (username: string): string => office.idOf(username);
const connect = (name: string, username: string): CollabClient => office.connect(name, username);

async function infoPiece(text = '今年以来，沂河新区坚持项目为王。'): Promise<string> {
  const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
    title: '沂河新区“四个一”机制推动重点项目提速增效', kind: 'info', properties: { 期号: '第45期' },
    blocks: [{ type: 'paragraph', text }],
  });
  await as('writer').ok('POST', `/api/documents/${id}/collaborators`, { userId: idOf('colleague') });
  return id;
}
const text = async (id: string): Promise<string> => (await as('writer').ok<{ text: string }>('GET', `/api/documents/${id}/content`)).text;

beforeAll(async () => {
  ({ server, admin, office } = await openOffice());
});
afterAll(async () => {
  office?.close();
  await server.dispose();
});

describe('review checkpoints', () => {
  it('takes a 政务信息 piece from 起草 through 信息审核 and 主任签发 to 定稿, binding each approval to the content', async () => {
    const id = await infoPiece();
    const writer = connect(id, 'writer');
    await writer.synced();
    writer.type('1—8月份完成投资126.5亿元。');
    await writer.acknowledged();

    const submitted = await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    expect(submitted).toMatchObject({ state: 'review', checkpoint: { name: '信息审核' }, assigneeId: idOf('reviewer') });

    const inbox = await as('reviewer').ok<Inbox>('GET', '/api/inbox');
    expect(inbox.toReview.map((i) => i.id)).toContain(id);

    // The writer may not approve their own piece, and may no longer change the title.
    expect((await as('writer').request('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: idOf('signer') })).status).toBe(403);
    const locked = await as('writer').request<{ error: { message: string } }>('PATCH', `/api/documents/${id}`, { title: '改标题' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toContain('审核');

    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: idOf('signer') });
    const atSigner = await as('signer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(atSigner).toMatchObject({ state: 'review', checkpoint: { name: '主任签发' }, matchesApproval: true, allowedActions: ['return', 'sign'] });
    expect(atSigner.lastApproval).toMatchObject({ action: 'approve', actorName: '李审核' });

    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
    const final = await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(final).toMatchObject({ state: 'final', matchesApproval: true });

    const { entries } = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(entries.map((e) => [e.action, e.actorName, e.toState])).toEqual([
      ['submit', '王撰稿', 'review'], ['approve', '李审核', 'review'], ['sign', '张主任', 'final'],
    ]);
    expect(new Set(entries.map((e) => e.contentHash)).size).toBe(1);
    expect(entries[0].contentHash).toMatch(/^v2:[0-9a-f]{64}$/);
    expect(entries.map((e) => e.vouches)).toEqual([false, true, true]);

    // The official .docx carries the signature and the hash it vouched for.
    const exported = await fetch(`${server.url}/api/documents/${id}/export.docx`, { headers: { authorization: `Bearer ${as('writer').token}` } });
    expect(exported.status).toBe(200);
    const zip = await JSZip.loadAsync(await exported.arrayBuffer());
    const custom = await zip.file('docProps/custom.xml')?.async('string');
    expect(custom).toContain(entries[2].contentHash);
    expect(custom).toContain('张主任');
    expect(decodeURIComponent(exported.headers.get('content-disposition') ?? '')).not.toContain('草稿');

    // A clerk reads the 定稿 piece; the admin reads the audit chain, which verifies.
    expect((await as('clerk').request('GET', `/api/documents/${id}`)).status).toBe(200);
    expect(await admin.ok('GET', '/api/audit/verify')).toMatchObject({ ok: true });
    writer.destroy();
  });

  it('refuses body updates from a raw Yjs client while the piece is in review and stores nothing of them', async () => {
    const id = await infoPiece('审核中的正文。');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    const before = await text(id);
    const raw = connect(id, 'writer');
    await raw.synced();
    // A raw Yjs edit, bypassing Lexical and the UI: straight into the first paragraph's shared text.
    const paragraph = raw.doc.get('root', Y.XmlText).toDelta()[0]?.insert as Y.XmlText;
    paragraph.insert(1, '偷改');
    expect(raw.text()).toBe(`偷改${before}`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await text(id)).toBe(before);
    await server.restart();
    expect(await text(id)).toBe(before);
  });

  it('makes connections already open read-only at submission, and editable again when returned', async () => {
    const id = await infoPiece('已连接时提交。');
    const writer = connect(id, 'writer');
    await writer.synced();
    let refused = false;
    writer.provider.on('stateless', () => { refused = true; });
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    writer.type('提交后还在输入');
    await waitFor(() => refused, 10_000, 'the refusal');
    expect(await text(id)).toBe('已连接时提交。');
    writer.destroy();
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '请修改' });
    // The refused edits diverged that copy (the app keeps them as a draft); a fresh one edits again.
    const fresh = connect(id, 'writer');
    await fresh.synced();
    fresh.type('退回后修改');
    await fresh.acknowledged();
    expect(await text(id)).toBe('已连接时提交。退回后修改');
    fresh.destroy();
  });

  it('lets only the assignee return, with a comment, and a resubmission starts again at the first checkpoint', async () => {
    const id = await infoPiece();
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    expect((await as('signer').request('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '不行' })).status).toBe(403);
    expect((await as('reviewer').request('POST', `/api/documents/${id}/transitions`, { action: 'return' })).status).toBe(400);
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '数据请核实' });
    expect((await as('writer').ok<Inbox>('GET', '/api/inbox')).returned.map((i) => i.id)).toContain(id);
    await as('writer').ok('PATCH', `/api/documents/${id}`, { title: '退回后改过的标题' });
    const again = await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    expect(again).toMatchObject({ state: 'review', checkpoint: { key: 'info' } });
    // 409 for an action the state forbids.
    expect((await as('writer').request('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') })).status).toBe(409);
  });

  it('refuses an approval by a reviewer who edited the piece in this revision', async () => {
    const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', { title: '合写稿', kind: 'media' });
    await as('writer').ok('POST', `/api/documents/${id}/collaborators`, { userId: idOf('reviewer') });
    await as('reviewer').ok('PATCH', `/api/documents/${id}`, { properties: { 作者: '李审核' } });
    const refused = await as('writer').request<{ error: { message: string } }>('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('撰稿人或修改人');
  });

  it('shows when the content no longer matches the last approval after a reopen', async () => {
    const id = await infoPiece('签发后的正文。');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: idOf('signer') });
    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
    expect((await as('reviewer').request('POST', `/api/documents/${id}/transitions`, { action: 'reopen', comment: '要改' })).status).toBe(403);
    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'reopen', comment: '数据更新' });
    const writer = connect(id, 'writer');
    await writer.synced();
    writer.type('补充一句。');
    await writer.acknowledged();
    const status = await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(status).toMatchObject({ state: 'draft', revision: 2, lastApproval: null, matchesApproval: null });
    writer.destroy();
  });
});

/** Runs SQL on the server's SQLite file, as a server from before a change would have written it. */
function withDatabase<T>(run: (db: SQLite.Database) => T): T {
  const db = new SQLite(`${server.dataDir}/wengao.db`);
  db.pragma('busy_timeout = 5000');
  try {
    return run(db);
  } finally {
    db.close();
  }
}

async function exportOf(id: string): Promise<{ status: number; custom: string }> {
  const response = await fetch(`${server.url}/api/documents/${id}/export.docx`, { headers: { authorization: `Bearer ${as('writer').token}` } });
  if (response.status !== 200) return { status: response.status, custom: '' };
  const zip = await JSZip.loadAsync(await response.arrayBuffer());
  return { status: 200, custom: await zip.file('docProps/custom.xml')?.async('string') ?? '' };
}

describe('approvals made with canonical version 1', () => {
  it('still export a 定稿 signed with a v1 hash, verified as v1, while new approvals store v2', async () => {
    const id = await infoPiece('签发于版本二之前的正文。');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: idOf('signer') });
    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
    const { entries } = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(entries.map((e) => e.contentHash.slice(0, 3))).toEqual(['v2:', 'v2:', 'v2:']);

    // What a server before version 2 stored for the same content: the bare v1 hash, and v1 text in the versions.
    const { json } = await as('writer').ok<{ json: SerializedEditorState }>('GET', `/api/documents/${id}/content`);
    const fields = { title: '沂河新区“四个一”机制推动重点项目提速增效', kind: 'info', properties: { 期号: '第45期' } };
    const v1Text = canonicalTextV1({ ...fields, body: json });
    const v1Hash = sha256Hex(v1Text);
    withDatabase((db) => {
      db.prepare('update transitions set content_hash = ? where document_id = ?').run(v1Hash, id);
      db.prepare('update versions set content_hash = ?, canonical = ? where document_id = ?').run(v1Hash, v1Text, id);
    });

    const status = await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(status).toMatchObject({ state: 'final', matchesApproval: true, lastApproval: { contentHash: v1Hash } });
    expect(status.currentHash).toMatch(/^v2:/);
    const exported = await exportOf(id);
    expect(exported.status).toBe(200);
    expect(exported.custom).toContain(v1Hash);

    // A v1-era version still reads and compares.
    const { versions } = await as('writer').ok<{ versions: Array<{ id: string; contentHash: string }> }>('GET', `/api/documents/${id}/versions`);
    const version = await as('writer').ok<{ title: string; lines: string[] }>('GET', `/api/documents/${id}/versions/${versions[0].id}`);
    expect(version).toMatchObject({ title: fields.title, lines: ['签发于版本二之前的正文。'] });
    const diff = await as('writer').ok<{ lines: Array<{ type: string }> }>('GET', `/api/documents/${id}/diff?from=${versions[0].id}&to=current`);
    expect(diff.lines.map((l) => l.type)).toEqual(['equal']);

    // A v1 hash of other content is refused as before.
    const otherV1 = sha256Hex(canonicalTextV1({ ...fields, title: '另一个标题', body: json }));
    withDatabase((db) => db.prepare('update transitions set content_hash = ? where document_id = ?').run(otherV1, id));
    expect((await exportOf(id)).status).toBe(409);
    expect(await as('writer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`)).toMatchObject({ matchesApproval: false });
  });
});

describe('versions', () => {
  it('saves versions at transitions and on demand, diffs them, and restores one as a new change', async () => {
    const id = await infoPiece('第一稿的文字。');
    const writer = connect(id, 'writer');
    await writer.synced();
    await as('writer').ok('POST', `/api/documents/${id}/versions`, { name: '初稿' });
    writer.addParagraph('第二段新写的。');
    await writer.acknowledged();
    const { versions } = await as('writer').ok<{ versions: Array<{ id: string; name: string }> }>('GET', `/api/documents/${id}/versions`);
    expect(versions.map((v) => v.name)).toEqual(['初稿']);
    const diff = await as('writer').ok<{ lines: Array<{ type: string; text?: string }> }>('GET', `/api/documents/${id}/diff?from=${versions[0].id}&to=current`);
    expect(diff.lines).toEqual([{ type: 'equal', text: '第一稿的文字。' }, { type: 'insert', text: '第二段新写的。' }]);

    await as('writer').ok('POST', `/api/documents/${id}/versions/${versions[0].id}/restore`);
    await waitFor(() => writer.text() === '第一稿的文字。', 10_000, 'the restore to reach the client');
    expect(await text(id)).toBe('第一稿的文字。');
    const after = await as('writer').ok<{ versions: Array<{ name: string; origin: string }> }>('GET', `/api/documents/${id}/versions`);
    expect(after.versions.map((v) => v.origin)).toEqual(['manual', 'restore']);
    writer.destroy();
  });
});

// Annotations (批注): test/integration/reviewThreads.test.ts.
describe('refused offline edits', () => {
  it('tells a collaborator whose offline edits were refused, and keeps them as a separate draft', async () => {
    const id = await infoPiece('离线前的正文。');
    const colleague = connect(id, 'colleague');
    await colleague.synced();
    let refusal: unknown = null;
    colleague.provider.on('stateless', ({ payload }: { payload: string }) => { refusal = JSON.parse(payload); });
    await colleague.offline();
    colleague.type('离线时写下的补充。');
    // Meanwhile the writer submits the piece: the body is locked when the colleague comes back.
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    colleague.online();
    await waitFor(() => refusal !== null, 20_000, 'the refusal');
    expect(refusal).toMatchObject({ type: EDITS_REFUSED, documentId: id });
    expect(await text(id)).toBe('离线前的正文。');

    const state = Buffer.from(Y.encodeStateAsUpdate(colleague.doc)).toString('base64');
    const draft = await as('colleague').ok<{ id: string; title: string }>('POST', `/api/documents/${id}/rescue`, { state });
    expect(draft.title).toContain('离线修改');
    const detail = await as('colleague').ok<{ ownerId: string; sourceDocumentId: string }>('GET', `/api/documents/${draft.id}`);
    expect(detail).toMatchObject({ ownerId: idOf('colleague'), sourceDocumentId: id });
    expect((await as('colleague').ok<{ text: string }>('GET', `/api/documents/${draft.id}/content`)).text).toBe('离线前的正文。离线时写下的补充。');
    colleague.destroy();
  });
});
