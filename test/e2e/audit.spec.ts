import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, ApiClient, createDocument, createWriter, login, startServer, type RunningServer } from './desk';

let server: RunningServer;
const TITLE = '关于做好2026年防汛工作的通知';

test.beforeAll(async () => {
  server = await startServer();
  const writer = await createWriter(server, 'wangzg', '王撰稿');
  const id = await createDocument(writer, TITLE, ['各街道、各部门：']);
  await createDocument(writer, '社区志愿服务见闻');
  const exported = await fetch(`${server.url}/api/documents/${id}/export.docx`, { headers: { authorization: `Bearer ${writer.api.token}` } });
  expect(exported.status).toBe(200);
  expect((await new ApiClient(server.url).request('POST', '/api/auth/login', { username: 'wangzg', password: 'not-the-password' })).status).toBe(401);
});

test.afterAll(async () => {
  await server?.dispose();
});

test('审计日志: Chinese actions and names, filters, export and 校验', async ({ page }, testInfo) => {
  await login(page, server, { username: 'admin', password: ADMIN_PASSWORD });
  await page.getByRole('navigation').getByRole('link', { name: '审计日志' }).click();
  await expect(page.getByRole('heading', { name: '审计日志' })).toBeVisible();

  const table = page.getByRole('table');
  const rows = table.getByRole('row');
  await expect(table.getByRole('row').filter({ hasText: '新建文稿' }).filter({ hasText: TITLE }).first()).toContainText('王撰稿');
  await expect(rows.filter({ hasText: '导出' }).first()).toContainText('版式：文稿');
  await expect(rows.filter({ hasText: '登录失败' })).toContainText('用户名：wangzg');
  await expect(table).not.toContainText('document.create');
  await expect(table).not.toContainText('auth.login');

  await page.getByLabel('操作', { exact: true }).selectOption({ label: '登录失败' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('登录失败');
  await expect(page.getByRole('navigation', { name: '翻页' })).toContainText('共 1 条');

  await page.getByRole('button', { name: '清除筛选' }).click();
  await page.getByLabel('操作人').selectOption({ label: '王撰稿（wangzg）' });
  await page.getByLabel('文稿标题').fill('防汛');
  await expect(rows.filter({ hasText: '社区志愿服务见闻' })).toHaveCount(0);
  await expect(rows.filter({ hasText: '导出' })).toHaveCount(1);
  await expect(rows.nth(1)).toContainText(TITLE);
  for (const text of await rows.allInnerTexts()) if (!text.includes('序号')) expect(text).toContain('王撰稿');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet('审计日志');
  expect(sheet?.rowCount).toBe(await rows.count());
  expect(String(sheet?.getRow(2).getCell(5).value)).toBe(TITLE);

  await page.getByRole('button', { name: '校验' }).click();
  await expect(page.getByRole('status', { name: '校验结果' })).toContainText('校验通过');
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByRole('navigation', { name: '翻页' })).toContainText('共');
  await page.screenshot({ path: testInfo.outputPath('audit.png'), fullPage: true });
});
