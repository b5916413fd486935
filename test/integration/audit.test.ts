/**
 * The audit log as an auditor reads it: Chinese actions, people and document titles instead of ids,
 * filters on the server with pagination, the .xlsx export of what is filtered, failed logins.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ApiClient, startDeskServer, type RunningServer } from '../support/server';
import type { AuditEntryView, AuditPage, AuditVerification } from '../../src/shared/audit';
import type { Outlet } from '../../src/shared/ledger';

let server: RunningServer;
let admin: ApiClient;
const people: Record<string, { client: ApiClient; id: string }> = {};
const as = (username: string): ApiClient => people[username].client;
const idOf = (username: string): string => people[username].id;
const TITLE = '沂河新区“四个一”机制推动重点项目提速增效';
const WRONG_PASSWORD = 'Wrong-Secret-93817';
let pieceId = '';

async function person(username: string, displayName: string, roles: string[]): Promise<void> {
  const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', { username, password: `${username}-pass`, displayName, roles });
  people[username] = { id: user.id, client: await new ApiClient(server.url).login(username, `${username}-pass`) };
}

async function page(query = ''): Promise<AuditPage> {
  return admin.ok<AuditPage>('GET', `/api/audit${query ? `?${query}` : ''}`);
}

const find = (entries: AuditEntryView[], action: string): AuditEntryView => {
  const entry = entries.find((e) => e.action === action);
  if (!entry) throw new Error(`no ${action} in ${entries.map((e) => e.action).join(', ')}`);
  return entry;
};
const detail = (entry: AuditEntryView, label: string): string | undefined => entry.details.find((d) => d.label === label)?.value;

beforeAll(async () => {
  server = await startDeskServer();
  admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  await person('writer', '王撰稿', ['writer']);
  await person('reviewer', '李审核', ['reviewer']);
  await person('signer', '张主任', ['signer']);
  await person('clerk', '钱统计', ['clerk']);

  ({ id: pieceId } = await as('writer').ok<{ id: string }>('POST', '/api/documents', {
    title: TITLE, kind: 'info', properties: { 期号: '第45期' }, blocks: [{ type: 'paragraph', text: '今年以来，沂河新区坚持项目为王。' }],
  }));
  await as('writer').ok('POST', `/api/documents/${pieceId}/transitions`, { action: 'submit', assigneeId: idOf('reviewer') });
  await as('reviewer').ok('POST', `/api/documents/${pieceId}/transitions`, { action: 'approve', assigneeId: idOf('signer') });
  await as('signer').ok('POST', `/api/documents/${pieceId}/transitions`, { action: 'sign' });
  expect((await fetch(`${server.url}/api/documents/${pieceId}/export.docx`, { headers: { authorization: `Bearer ${as('writer').token}` } })).status).toBe(200);

  const { outlets } = await as('clerk').ok<{ outlets: Outlet[] }>('GET', '/api/outlets');
  const outlet = outlets.find((o) => o.name === '省政府信息') ?? outlets[0];
  const { submissions: [row] } = await as('clerk').ok<{ submissions: Array<{ id: string }> }>('POST', '/api/submissions',
    { documentId: pieceId, outletIds: [outlet.id], on: '2023-09-12' });
  await as('clerk').ok('PATCH', `/api/submissions/${row.id}`, { status: 'adopted', at: '2023-09-15' });
  await as('clerk').ok('PATCH', `/api/submissions/${row.id}`, { status: 'published', at: '2023-09-20', issue: '第12期' });

  expect((await new ApiClient(server.url).request('POST', '/api/auth/login', { username: 'writer', password: WRONG_PASSWORD })).status).toBe(401);
  expect((await new ApiClient(server.url).request('POST', '/api/auth/login', { username: 'nobody', password: WRONG_PASSWORD })).status).toBe(401);
}, 120_000);

afterAll(() => server.dispose());

describe('the audit log reads in Chinese', () => {
  it('names actions, people and documents instead of keys and ids', async () => {
    const { entries } = await page('limit=500');
    const submit = find(entries, 'workflow.submit');
    expect(submit).toMatchObject({ actionLabel: '提交审核', actorName: '王撰稿', targetLabel: TITLE, documentId: pieceId });
    expect(detail(submit, '办理人')).toBe('李审核');
    expect(detail(submit, '新状态')).toBe('审核中');
    expect(find(entries, 'workflow.approve')).toMatchObject({ actionLabel: '通过', actorName: '李审核', targetLabel: TITLE });
    expect(find(entries, 'workflow.sign')).toMatchObject({ actionLabel: '签发', actorName: '张主任' });
    expect(find(entries, 'document.export')).toMatchObject({ actionLabel: '导出', actorName: '王撰稿', targetLabel: TITLE });
    expect(find(entries, 'submission.create')).toMatchObject({ actionLabel: '报送登记', actorName: '钱统计', targetLabel: expect.stringContaining(TITLE) as unknown });
    const events = entries.filter((e) => e.action === 'submission.event').map((e) => e.actionLabel);
    expect(events.sort()).toEqual(['刊发', '采用']);
    expect(find(entries, 'user.create')).toMatchObject({ actionLabel: '新建用户', actorName: '管理员' });
    // Nothing reads as an English key or a bare id.
    for (const e of entries) {
      expect(e.actionLabel).toMatch(/^[\u4e00-\u9fff（）、]+$/);
      expect(`${e.targetLabel} ${e.details.map((d) => `${d.label}${d.value}`).join('')}`).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });

  it('records failed logins with the username tried and the address, never the password', async () => {
    const { entries } = await page('action=auth.failed');
    expect(entries).toHaveLength(2);
    const known = entries.find((e) => detail(e, '用户名') === 'writer');
    expect(known).toMatchObject({ actionLabel: '登录失败', targetLabel: '王撰稿' });
    expect(detail(known as AuditEntryView, '地址')).toMatch(/127\.0\.0\.1/);
    expect(detail(known as AuditEntryView, '原因')).toBe('密码错误');
    const unknown = entries.find((e) => detail(e, '用户名') === 'nobody');
    expect(detail(unknown as AuditEntryView, '原因')).toBe('用户名不存在');
    expect(JSON.stringify(await page('limit=500'))).not.toContain(WRONG_PASSWORD);
    expect(server.output()).not.toContain(WRONG_PASSWORD);
    // A failed login under a user's name is found with that user.
    expect((await page(`user=${idOf('writer')}&action=auth.failed`)).entries).toHaveLength(1);
  });
});

describe('filters on the server', () => {
  it('by user, action, document, title and date range, a page at a time', async () => {
    const all = await page('limit=500');
    expect(all.total).toBe(all.entries.length);

    const reviewer = await page(`user=${idOf('reviewer')}`);
    expect(reviewer.entries.map((e) => e.action).sort()).toEqual(['auth.login', 'workflow.approve']);

    const approvals = await page('action=workflow.approve');
    expect(approvals.entries.map((e) => e.actorName)).toEqual(['李审核']);
    expect((await page('action=submission.event:adopted')).entries.map((e) => e.actionLabel)).toEqual(['采用']);

    const piece = await page(`document=${pieceId}`);
    expect(piece.entries.map((e) => e.actionLabel).reverse()).toEqual(['新建文稿', '提交审核', '通过', '签发', '导出', '报送登记', '采用', '刊发']);
    expect((await page(`title=${encodeURIComponent('四个一')}`)).entries.map((e) => e.id)).toEqual(piece.entries.map((e) => e.id));
    expect((await page(`title=${encodeURIComponent('没有这篇')}`)).total).toBe(0);

    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect((await page(`from=${today}&to=${today}&limit=500`)).total).toBe(all.total);
    expect((await page('from=2000-01-01&to=2000-12-31')).total).toBe(0);
    expect((await admin.request('GET', '/api/audit?from=2023-13-45')).status).toBe(400);

    const first = await page('limit=3');
    const second = await page('limit=3&offset=3');
    expect(first.entries).toHaveLength(3);
    expect(first.total).toBe(all.total);
    expect(second.entries.map((e) => e.id)).toEqual(all.entries.slice(3, 6).map((e) => e.id));
    expect(first.entries[0].id).toBeGreaterThan(first.entries[2].id);
    expect((await as('writer').request('GET', '/api/audit')).status).toBe(403);
  });
});

describe('export', () => {
  it('writes the filtered log as an .xlsx that opens with its rows', async () => {
    const filtered = await page(`document=${pieceId}`);
    const response = await fetch(`${server.url}/api/audit.xlsx?document=${pieceId}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toMatch(/审计日志.*\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.getWorksheet('审计日志');
    if (!sheet) throw new Error('no sheet 审计日志');
    const values = (n: number): string[] => (sheet.getRow(n).values as unknown[]).slice(1).map((v) => String(v ?? ''));
    expect(values(1).slice(0, 6)).toEqual(['序号', '时间', '操作人', '操作', '对象', '详情']);
    expect(sheet.rowCount).toBe(filtered.total + 1);
    const rows = Array.from({ length: filtered.total }, (_, i) => values(i + 2));
    expect(rows.map((r) => Number(r[0]))).toEqual(filtered.entries.map((e) => e.id));
    expect(rows.map((r) => r[3])).toContain('提交审核');
    expect(rows.find((r) => r[3] === '提交审核')).toEqual(expect.arrayContaining(['王撰稿', TITLE]));
    expect(rows.find((r) => r[3] === '提交审核')?.[5]).toContain('办理人：李审核');
    expect(rows[0][1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(book.getWorksheet('说明')).toBeTruthy();
    expect((await as('writer').request('GET', '/api/audit.xlsx')).status).toBe(403);
    // The export itself is recorded.
    expect((await page('action=audit.export')).entries).toHaveLength(1);
  });

  it('verifies the signed chain and the recorded heads', async () => {
    const result = await admin.ok<AuditVerification>('GET', '/api/audit/verify');
    expect(result).toMatchObject({ ok: true, signedFrom: 1 });
    expect(result.heads).toBeGreaterThanOrEqual(1);
  });
});
