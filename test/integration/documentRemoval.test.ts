/**
 * Issue 11, defect 5: a signed 定稿 went to the 回收站 with one click, and a colleague who had it open
 * was not told. Protected pieces (审核中, 定稿, or with 报送 rows in the ledger) are deleted only by an
 * admin with a reason; open copies hear of a deletion at once and may no longer change the body.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient, RunningServer } from '../support/server';
import { waitFor, type CollabClient } from '../support/collabClient';
import { openOffice, type TestOffice } from '../support/office';
import type { RemovalPreview } from '../../src/shared/removal';
import { DOCUMENT_REMOVED } from '../../src/shared/collabMessages';
import type { DocumentSummary } from '../../src/shared/api';

let server: RunningServer;
let admin: ApiClient;
let office: TestOffice;
let outletId = '';

const as = (username: string): ApiClient => office.as(username);
const idOf = (username: string): string => office.idOf(username);
const connect = (name: string, username: string): CollabClient => office.connect(name, username);
const text = async (id: string): Promise<string> => (await admin.ok<{ text: string }>('GET', `/api/documents/${id}/content`)).text;
const listed = async (username: string, deleted = false): Promise<DocumentSummary[]> =>
  (await as(username).ok<{ documents: DocumentSummary[] }>('GET', `/api/documents${deleted ? '?deleted=true' : ''}`)).documents;
const auditOf = async (id: string): Promise<Array<{ action: string; actorId: string; detail: Record<string, unknown> }>> =>
  (await admin.ok<{ entries: Array<{ action: string; target: string; actorId: string; detail: Record<string, unknown> }> }>('GET', '/api/audit'))
    .entries.filter((e) => e.target === id);

/** A 政务信息 draft of `writer`, shared with `colleague`. */
async function draft(body = '正文第一段。'): Promise<string> {
  const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
    title: '沂河新区重点项目建设情况', kind: 'info', blocks: [{ type: 'paragraph', text: body }],
  });
  await as('writer').ok('POST', `/api/documents/${id}/collaborators`, { userId: idOf('colleague') });
  return id;
}
const submit = (id: string) => as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
/** Drives a piece through 信息审核 and 主任签发 to 定稿. */
async function signed(body?: string): Promise<string> {
  const id = await draft(body);
  await submit(id);
  await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: idOf('signer') });
  await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
  return id;
}
/** Records one 报送 of the 定稿 piece in the ledger; returns the row's id. */
async function record(id: string): Promise<string> {
  const { submissions } = await as('clerk').ok<{ submissions: Array<{ id: string }> }>('POST', '/api/submissions',
    { documentId: id, outletIds: [outletId], on: '2023-03-01' });
  return submissions[0].id;
}

beforeAll(async () => {
  ({ server, admin, office } = await openOffice());
  outletId = (await admin.ok<{ outlets: Array<{ id: string; name: string }> }>('GET', '/api/outlets')).outlets
    .find((o) => o.name === '大众日报')?.id ?? '';
});
afterAll(async () => {
  office?.close();
  await server.dispose();
});

describe('who may move a piece to the 回收站', () => {
  it("refuses the owner's DELETE of a signed 定稿 with 409, and nothing changes", async () => {
    const id = await signed();
    const refused = await as('writer').request<{ error: { code: string; message: string } }>('DELETE', `/api/documents/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({ code: 'conflict', message: '该文稿已定稿，不能删除；如确需删除，请联系管理员。' });
    expect((await listed('writer')).map((d) => d.id)).toContain(id);
    expect((await listed('writer', true)).map((d) => d.id)).not.toContain(id);
    expect((await auditOf(id)).map((e) => e.action)).not.toContain('document.delete');
  });

  it("refuses the owner's DELETE of a piece in 审核中", async () => {
    const id = await draft();
    await submit(id);
    const refused = await as('writer').request<{ error: { message: string } }>('DELETE', `/api/documents/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('审核中');
  });

  it("refuses the owner's DELETE of a reopened draft that has 报送 rows in the ledger, even voided ones", async () => {
    const id = await signed();
    const row = await record(id);
    await as('clerk').ok('PATCH', `/api/submissions/${row}`, { status: 'voided', at: '2023-03-02', summary: '报送单位选错' });
    await as('signer').ok('POST', `/api/documents/${id}/transitions`, { action: 'reopen', comment: '数据更新' });
    const refused = await as('writer').request<{ error: { message: string } }>('DELETE', `/api/documents/${id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe('该文稿在报送台账中有 1 条报送记录，不能删除；如确需删除，请联系管理员。');
  });

  it('lets an admin delete a protected piece only with a reason, which the audit log keeps', async () => {
    const id = await signed();
    await record(id);
    for (const body of [undefined, {}, { reason: '   ' }]) {
      const refused = await admin.request<{ error: { code: string; message: string } }>('DELETE', `/api/documents/${id}`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe('删除已定稿、审核中或已报送的文稿，请填写删除原因。');
    }
    const preview = await admin.ok<RemovalPreview>('GET', `/api/documents/${id}/removal`);
    expect(preview).toMatchObject({ mode: 'reason', state: 'final', submissions: 1, voidedSubmissions: 0, openBy: [] });

    await admin.ok('DELETE', `/api/documents/${id}`, { reason: '重复录入，保留另一份' });
    expect((await listed('writer', true)).map((d) => d.id)).toContain(id);
    const deletions = (await auditOf(id)).filter((e) => e.action === 'document.delete');
    expect(deletions).toHaveLength(1);
    expect(deletions[0].detail).toMatchObject({ reason: '重复录入，保留另一份', state: 'final', submissions: 1 });
    expect(await admin.ok('GET', '/api/audit/verify')).toMatchObject({ ok: true });
  });

  it('lets the owner delete a plain draft as before, and nobody else', async () => {
    const id = await draft();
    expect((await as('colleague').request('DELETE', `/api/documents/${id}`)).status).toBe(403);
    await as('writer').ok('DELETE', `/api/documents/${id}`);
    expect((await listed('writer', true)).map((d) => d.id)).toContain(id);
    await as('writer').ok('POST', `/api/documents/${id}/restore`);
    expect((await listed('writer')).map((d) => d.id)).toContain(id);
  });

  it('says in the list who may delete each piece, and why not', async () => {
    const plain = await draft();
    const final = await signed();
    const mine = new Map((await listed('writer')).map((d) => [d.id, d.removal]));
    expect(mine.get(plain)).toEqual({ mode: 'owner', message: null });
    expect(mine.get(final)).toEqual({ mode: 'none', message: '该文稿已定稿，不能删除；如确需删除，请联系管理员。' });
    const colleagues = new Map((await listed('colleague')).map((d) => [d.id, d.removal]));
    expect(colleagues.get(plain)?.mode).toBe('none');
    const admins = new Map((await admin.ok<{ documents: DocumentSummary[] }>('GET', '/api/documents')).documents.map((d) => [d.id, d.removal]));
    expect(admins.get(final)?.mode).toBe('reason');
  });
});

describe('open copies of a deleted piece', () => {
  it('tells every open connection at once, with who deleted it, and again when it is restored', async () => {
    const id = await signed('已签发的正文。');
    const colleague = connect(id, 'colleague');
    await colleague.synced();
    const heard: unknown[] = [];
    colleague.provider.on('stateless', ({ payload }: { payload: string }) => { heard.push(JSON.parse(payload)); });
    expect((await admin.ok<RemovalPreview>('GET', `/api/documents/${id}/removal`)).openBy).toEqual(['赵协作']);

    await admin.ok('DELETE', `/api/documents/${id}`, { reason: '误建' });
    await waitFor(() => heard.some((m) => (m as { type?: string }).type === DOCUMENT_REMOVED), 10_000, 'the deletion message');
    expect(heard).toContainEqual({ type: DOCUMENT_REMOVED, documentId: id, deleted: true, byName: '管理员' });
    // In the 回收站 nothing moves it on: not even an admin's reopen.
    const reopen = await admin.request<{ error: { message: string } }>('POST', `/api/documents/${id}/transitions`, { action: 'reopen', comment: '要改' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.message).toContain('回收站');

    await admin.ok('POST', `/api/documents/${id}/restore`);
    await waitFor(() => heard.some((m) => (m as { deleted?: boolean }).deleted === false), 10_000, 'the restore message');
    expect(heard).toContainEqual({ type: DOCUMENT_REMOVED, documentId: id, deleted: false, byName: '管理员' });
  });

  it('refuses, and does not store, body updates sent to a deleted piece by connections opened before', async () => {
    const id = await draft('删除前的正文。');
    const colleague = connect(id, 'colleague');
    const owner = connect(id, 'writer');
    await Promise.all([colleague.synced(), owner.synced()]);
    await as('writer').ok('DELETE', `/api/documents/${id}`);
    colleague.type('删除后协作者写的');
    owner.type('删除后撰稿人写的');
    await new Promise((r) => setTimeout(r, 600));
    expect(await text(id)).toBe('删除前的正文。');
    await server.restart();
    expect(await text(id)).toBe('删除前的正文。');
  });

  it('makes a connection left open editable again when the piece is restored', async () => {
    const id = await draft('恢复前的正文。');
    const colleague = connect(id, 'colleague');
    await colleague.synced();
    await as('writer').ok('DELETE', `/api/documents/${id}`);
    await as('writer').ok('POST', `/api/documents/${id}/restore`);
    colleague.type('恢复后写的');
    await colleague.acknowledged();
    expect(await text(id)).toBe('恢复前的正文。恢复后写的');
  });
});
