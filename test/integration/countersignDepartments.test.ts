/**
 * 会签 from departments through a real desk server: users get a 部门, a 公文's chain takes its 会签
 * holders from 办公室 and 财务科 (one at least from each), the 发文稿纸 names each holder's department,
 * and role-based 会签 (new pieces and pieces already in review) works as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { ApiClient, ADMIN_PASSWORD, startDeskServer, type RunningServer } from '../support/server';
import { TestOffice } from '../support/office';
import type { User } from '../../src/shared/api';
import type { HistoryEntry, WorkflowStatus } from '../../src/shared/review';
import { COUNTERSIGN_CHAIN, transitionAs } from '../support/countersignStory';

let server: RunningServer;
let office: TestOffice;
const as = (username: string): ApiClient => office.as(username);
const idOf = (username: string): string => office.idOf(username);
const transition = transitionAs(() => office);

/** 核稿 → 部门会签 (办公室, 财务科) → 签发. */
const DEPARTMENT_CHAIN = { draftName: '拟稿', checkpoints: [
  { key: 'check', name: '核稿', role: 'reviewer' },
  { key: 'joint', name: '部门会签', role: 'reviewer', countersign: true, holdersFrom: 'departments', departments: ['办公室', '财务科'] },
  { key: 'sign', name: '签发', role: 'signer' },
] };

beforeAll(async () => {
  server = await startDeskServer();
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  office = new TestOffice(server, admin);
  await office.staff();
  await office.person('zhang', '张三', ['reviewer']);
  await office.person('liu', '刘洋', ['reviewer']);
  await office.person('qian', '钱财', ['reviewer']);
  await office.person('fagui', '法规孙', ['reviewer']);
  for (const [who, department] of [['zhang', '办公室'], ['liu', '办公室'], ['qian', '财务科'], ['fagui', '法规科']]) {
    await admin.ok('PATCH', `/api/users/${idOf(who)}`, { department });
  }
  await admin.ok('PUT', '/api/chains/official', DEPARTMENT_CHAIN);
  await admin.ok('PUT', '/api/chains/research', { ...COUNTERSIGN_CHAIN, draftName: '起草' });
});
afterAll(async () => {
  office?.close();
  await server?.dispose();
});

async function piece(kind: string, title: string): Promise<string> {
  const { id } = await as('writer').ok<{ id: string }>('POST', '/api/documents', { title, kind, blocks: [{ type: 'paragraph', text: '现将有关事项通知如下。' }] });
  return id;
}

async function formText(id: string): Promise<string> {
  const res = await fetch(`${server.url}/api/documents/${id}/dispatch-form.docx`, { headers: { authorization: `Bearer ${as('writer').token}` } });
  const xml = await (await JSZip.loadAsync(new Uint8Array(await res.arrayBuffer()))).file('word/document.xml')?.async('string') ?? '';
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}

describe('部门', () => {
  it('is set by the admin, shown in the user list, cleared with a blank and refused when too long', async () => {
    const { users } = await as('admin').ok<{ users: User[] }>('GET', '/api/users');
    expect(users.find((u) => u.id === idOf('qian'))?.department).toBe('财务科');
    expect(users.find((u) => u.id === idOf('writer'))).not.toHaveProperty('department');
    const long = await as('admin').request<{ error: { message: string } }>('PATCH', `/api/users/${idOf('fagui')}`, { department: '科'.repeat(33) });
    expect([long.status, long.body.error.message]).toEqual([400, '部门不能超过 32 个字']);
    const created = await as('admin').ok<{ user: User }>('POST', '/api/users', { username: 'temp', password: 'temp-pass-1', displayName: '临时', roles: [], department: '档案室' });
    expect(created.user.department).toBe('档案室');
    expect((await as('admin').ok<{ user: User }>('PATCH', `/api/users/${created.user.id}`, { department: '' })).user).not.toHaveProperty('department');
    expect((await as('writer').request('PATCH', `/api/users/${idOf('writer')}`, { department: '办公室' })).status).toBe(403);
  });

  it('a chain refuses departments on a step that is not 会签, in Chinese', async () => {
    const refused = await as('admin').request<{ error: { message: string } }>('PUT', '/api/chains/info', { draftName: '起草', checkpoints: [
      { key: 'a', name: '审核', role: 'reviewer', holdersFrom: 'departments', departments: ['办公室'] }, { key: 'b', name: '签发', role: 'signer' },
    ] });
    expect([refused.status, refused.body.error.message]).toEqual([400, '“审核”不是会签环节，不能按部门选择办理人']);
  });
});

describe('会签 from departments', () => {
  it('takes a 公文 through 核稿 → 部门会签 (办公室 and 财务科) → 签发, the 发文稿纸 naming each department', async () => {
    const id = await piece('official', '关于联合开展财务检查的通知');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    const atCheck = await as('reviewer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    // Only reviewers of the listed departments, in the chain's order of departments, each with their 部门.
    expect(atCheck.candidates).toEqual([
      { id: idOf('zhang'), displayName: '张三', department: '办公室' },
      { id: idOf('liu'), displayName: '刘洋', department: '办公室' },
      { id: idOf('qian'), displayName: '钱财', department: '财务科' },
    ]);

    const missing = await transition('reviewer', id, { action: 'approve', assigneeIds: [idOf('zhang'), idOf('liu')] });
    expect([missing.status, missing.body.error?.message]).toEqual([400, '会签部门“财务科”尚未选择会签人：每个会签部门至少选择一位']);
    const outside = await transition('reviewer', id, { action: 'approve', assigneeIds: [idOf('zhang'), idOf('qian'), idOf('fagui')] });
    expect([outside.status, outside.body.error?.message]).toEqual([400, '会签人“法规孙”不属于会签部门（办公室、财务科）']);
    expect((await as('reviewer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`)).checkpoint?.name).toBe('核稿');

    const opened = await transition('reviewer', id, { action: 'approve', opinion: '已核', assigneeIds: [idOf('zhang'), idOf('qian')] });
    expect(opened.body).toMatchObject({ state: 'review', holderIds: [idOf('zhang'), idOf('qian')] });
    const status = await as('zhang').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(status.holders?.map((h) => [h.displayName, h.department])).toEqual([['张三', '办公室'], ['钱财', '财务科']]);

    // A holder who moves to another department mid-step still holds it, for the department they were named for.
    await as('admin').ok('PATCH', `/api/users/${idOf('qian')}`, { department: '审计科' });
    expect((await transition('zhang', id, { action: 'approve', opinion: '同意' })).body).toMatchObject({ state: 'review' });
    expect((await transition('qian', id, { action: 'approve', opinion: '无意见', assigneeId: idOf('signer') })).body).toMatchObject({ state: 'review', holderIds: [] });
    expect((await transition('signer', id, { action: 'sign', opinion: '同意印发' })).body).toMatchObject({ state: 'final' });

    const text = await formText(id);
    expect(text).toContain('部门会签\u3000办公室\u3000张三');
    expect(text).toContain('部门会签\u3000财务科\u3000钱财');
    expect(text).not.toContain('审计科');
    await as('admin').ok('PATCH', `/api/users/${idOf('qian')}`, { department: '财务科' });
  });

  it('a disabled holder is not waited on, as in a role-based 会签', async () => {
    const id = await piece('official', '关于做好节前安全检查的通知');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    await as('reviewer').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeIds: [idOf('liu'), idOf('qian')] });
    await as('admin').ok('PATCH', `/api/users/${idOf('qian')}`, { disabled: true });
    try {
      expect((await transition('liu', id, { action: 'approve', opinion: '同意', assigneeId: idOf('signer') })).body).toMatchObject({ state: 'review', holderIds: [] });
      expect((await as('signer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`)).checkpoint?.name).toBe('签发');
    } finally {
      await as('admin').ok('PATCH', `/api/users/${idOf('qian')}`, { disabled: false });
    }
  });

  it('a role-based 会签 chain still works, and a piece in review keeps its chain when the admin switches to departments', async () => {
    const id = await piece('research', '关于县域经济发展的调研报告');
    await as('writer').ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
    const atCheck = await as('reviewer').ok<WorkflowStatus>('GET', `/api/documents/${id}/workflow`);
    expect(atCheck.candidates.map((c) => c.displayName)).toEqual(expect.arrayContaining(['张三', '钱财', '法规孙']));
    await as('admin').ok('PUT', '/api/chains/research', { ...DEPARTMENT_CHAIN, draftName: '起草' });
    // Two holders from one department, and one with none: the piece's own (role-based) chain asks no more.
    expect((await transition('reviewer', id, { action: 'approve', assigneeIds: [idOf('zhang'), idOf('liu'), idOf('fagui')] })).status).toBe(200);
    for (const who of ['zhang', 'liu']) await as(who).ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', opinion: '同意' });
    await as('fagui').ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', opinion: '同意', assigneeId: idOf('signer') });
    expect((await transition('signer', id, { action: 'sign', opinion: '同意' })).body).toMatchObject({ state: 'final' });
    const { entries } = await as('writer').ok<{ entries: HistoryEntry[] }>('GET', `/api/documents/${id}/history`);
    expect(entries.filter((e) => e.checkpoint === '会签').map((e) => e.actorName)).toEqual(['张三', '刘洋', '法规孙']);
  });
});
