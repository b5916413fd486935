/**
 * Issue 11, defect 5, in Chromium: a writer's list offers no 删除 for a 定稿 (nor for a piece the
 * 报送台账 has rows for); an admin deletes such a piece only through 删除文稿, which says what it
 * affects and takes a reason; a colleague who has it open is told at once and can no longer edit.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import {
  ADMIN_PASSWORD, ApiClient, body, createUser, createWriter, loggedInPage, login, openDocument, startServer, type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let admin: ApiClient;
let writer: TestUser;
let colleague: TestUser;
let reviewer: TestUser;
let signer: TestUser;

/** A 政务信息 piece of the writer, shared with the colleague, taken through review to 定稿. */
async function signedPiece(title: string): Promise<string> {
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title, kind: 'info', blocks: [{ type: 'paragraph', text: '今年以来，我区重点项目建设提速增效。' }],
  });
  await writer.api.ok('POST', `/api/documents/${id}/collaborators`, { userId: colleague.id });
  await writer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: reviewer.id });
  await reviewer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: signer.id });
  await signer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
  return id;
}

/** Records a 报送 of the piece to 大众日报 in the ledger. */
async function recordSubmission(id: string): Promise<void> {
  const { outlets } = await admin.ok<{ outlets: Array<{ id: string; name: string }> }>('GET', '/api/outlets');
  const outlet = outlets.find((o) => o.name === '大众日报');
  await admin.ok('POST', '/api/submissions', { documentId: id, outletIds: [outlet?.id], on: '2025-03-01' });
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = resolve(`test-results/${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test.beforeAll(async () => {
  server = await startServer();
  admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  writer = await createWriter(server, 'zhangmin', '张敏');
  colleague = await createWriter(server, 'wujing', '吴静');
  reviewer = await createUser(server, 'lishen', '李慎', ['reviewer']);
  signer = await createUser(server, 'zhouqian', '周谦', ['signer']);
});

test.afterAll(async () => {
  await server?.dispose();
});

test("a writer's list offers no 删除 for a 定稿, nor for a piece with 报送 rows", async ({ page }) => {
  await signedPiece('已签发的政务信息');
  const reported = await signedPiece('已报送后重新打开的政务信息');
  await recordSubmission(reported);
  await signer.api.ok('POST', `/api/documents/${reported}/transitions`, { action: 'reopen', comment: '数据更新' });
  await writer.api.ok('POST', '/api/documents', { title: '普通草稿', kind: 'info' });

  await login(page, server, writer);
  const rows = page.getByRole('row');
  const final = rows.filter({ hasText: '已签发的政务信息' }).getByRole('button', { name: '删除' });
  await expect(final).toBeDisabled();
  await expect(final).toHaveAttribute('title', '该文稿已定稿，不能删除；如确需删除，请联系管理员。');
  const withRows = rows.filter({ hasText: '已报送后重新打开的政务信息' }).getByRole('button', { name: '删除' });
  await expect(withRows).toBeDisabled();
  await expect(withRows).toHaveAttribute('title', /报送台账中有 1 条报送记录/);
  await expect(rows.filter({ hasText: '普通草稿' }).getByRole('button', { name: '删除' })).toBeEnabled();
});

test('a colleague who has the piece open is told at once when an admin deletes it with a reason', async ({ browser }, testInfo) => {
  const id = await signedPiece('关于重点项目建设情况的报告');
  await recordSubmission(id);
  await signer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'reopen', comment: '补充数据' });

  const open = await loggedInPage(browser, server, colleague);
  const text = await openDocument(open.page, server, id);
  await expect(text).toHaveAttribute('contenteditable', 'true');

  const deskContext = await browser.newContext();
  const deskPage = await deskContext.newPage();
  await login(deskPage, server, { username: 'admin', password: ADMIN_PASSWORD });
  const row = deskPage.getByRole('row').filter({ hasText: '关于重点项目建设情况的报告' });
  await row.getByRole('button', { name: '删除' }).click();
  const dialog = deskPage.getByRole('dialog', { name: '删除文稿' });
  await expect(dialog).toContainText('1 条报送记录');
  await expect(dialog).toContainText('吴静');
  await screenshot(deskPage, testInfo, 'deletion-admin-confirmation');

  // No reason, no deletion.
  await dialog.getByRole('button', { name: '移入回收站' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('请填写删除原因');
  await dialog.getByLabel('删除原因').fill('与另一篇重复，保留另一篇');
  await dialog.getByRole('button', { name: '移入回收站' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);

  const notice = open.page.getByText('此文稿已被 管理员 移入回收站。');
  await expect(notice).toBeVisible();
  await expect(body(open.page)).toHaveAttribute('contenteditable', 'false');
  await expect(notice.getByRole('link', { name: '返回文稿' })).toHaveAttribute('href', '#/');
  await expect(open.page.getByRole('button', { name: '提交审核' })).toHaveCount(0);
  await screenshot(open.page, testInfo, 'deletion-notice');

  // Restored, the open copy is editable again without a reload.
  await admin.ok('POST', `/api/documents/${id}/restore`);
  await expect(notice).toBeHidden();
  await expect(body(open.page)).toHaveAttribute('contenteditable', 'true');

  const { entries } = await admin.ok<{ entries: Array<{ action: string; target: string; detail: { reason?: string } }> }>('GET', '/api/audit');
  expect(entries.find((e) => e.action === 'document.delete' && e.target === id)?.detail.reason).toBe('与另一篇重复，保留另一篇');
  await open.context.close();
  await deskContext.close();
});
