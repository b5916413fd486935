import { expect, test } from '@playwright/test';
import { body, createDocument, createWriter, login, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let writer: TestUser;
let other: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'chenjing', '陈静');
  other = await createWriter(server, 'liuyang', '刘洋');
});

test.afterAll(async () => {
  await server?.dispose();
});

test('新建文稿, filter, 重命名, 删除 to the 回收站 and 恢复', async ({ page }) => {
  await login(page, server, writer);
  await expect(page.getByText('暂无文稿')).toBeVisible();

  await page.getByRole('button', { name: '新建文稿' }).click();
  const dialog = page.getByRole('dialog', { name: '新建文稿' });
  await dialog.getByLabel('标题').fill('2025年上半年工作总结');
  await dialog.getByLabel('类型').selectOption({ label: '综合文稿' });
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('textbox', { name: '标题' })).toHaveValue('2025年上半年工作总结');
  await expect(body(page)).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: '文稿' }).click();
  await createDocument(writer, '关于社区治理的调研报告');
  const shared = await createDocument(other, '刘洋起草的政务信息', [], [writer]);
  await page.reload();
  const rows = page.getByRole('row');
  await expect(rows).toHaveCount(4); // header + 3
  // Newest change first.
  await expect(rows.nth(1)).toContainText('刘洋起草的政务信息');

  await page.getByRole('searchbox', { name: '搜索标题和正文' }).fill('调研');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('关于社区治理的调研报告');
  await page.getByRole('searchbox', { name: '搜索标题和正文' }).fill('');
  await page.getByLabel('创建人').selectOption({ label: '刘洋' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('刘洋');
  await page.getByLabel('创建人').selectOption({ label: '全部创建人' });
  await expect(rows).toHaveCount(4);

  const summary = rows.filter({ hasText: '2025年上半年工作总结' });
  await summary.getByRole('button', { name: '重命名' }).click();
  const rename = page.getByRole('dialog', { name: '重命名' });
  await rename.getByLabel('标题').fill('2025年上半年工作总结（修改稿）');
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(rows.filter({ hasText: '（修改稿）' })).toHaveCount(1);

  await rows.filter({ hasText: '（修改稿）' }).getByRole('button', { name: '删除' }).click();
  await expect(rows.filter({ hasText: '（修改稿）' })).toHaveCount(0);
  await page.getByRole('link', { name: '回收站' }).click();
  await expect(page.getByRole('heading', { name: '回收站' })).toBeVisible();
  await rows.filter({ hasText: '（修改稿）' }).getByRole('button', { name: '恢复' }).click();
  await expect(page.getByText('回收站是空的')).toBeVisible();
  await page.getByRole('link', { name: '返回文稿' }).click();
  await expect(rows.filter({ hasText: '（修改稿）' })).toHaveCount(1);

  // A collaborator may edit, but only the owner manages collaborators.
  await page.goto(`${server.url}/#/documents/${shared}`);
  await expect(page.getByRole('status')).toHaveText('在线', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: '添加' })).toHaveCount(0);
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');
});

test('the title saves on Enter and the 协作者 panel adds and removes people', async ({ page }) => {
  const id = await createDocument(writer, '待改标题');
  await login(page, server, writer);
  await page.goto(`${server.url}/#/documents/${id}`);
  const title = page.getByRole('textbox', { name: '标题' });
  await title.fill('已改标题');
  await title.press('Enter');
  await expect.poll(async () => (await writer.api.ok<{ title: string }>('GET', `/api/documents/${id}`)).title)
    .toBe('已改标题');

  const panel = page.getByRole('region', { name: '协作者' });
  await panel.getByLabel('选择协作者').selectOption({ label: '刘洋（liuyang）' });
  await panel.getByRole('button', { name: '添加' }).click();
  const people = panel.getByRole('listitem');
  await expect(people.filter({ hasText: '刘洋' })).toHaveCount(1);
  await panel.getByRole('button', { name: '移除 刘洋' }).click();
  await expect(people.filter({ hasText: '刘洋' })).toHaveCount(0);
  await expect(people).toHaveCount(1); // the owner
});

test('a page whose code cannot be loaded offers a reload instead of a blank window', async ({ page }) => {
  const id = await createDocument(writer, '加载失败时的文稿', ['正文']);
  await login(page, server, writer);
  await page.route(/\/assets\/WorkspacePage-[^/]+\.js$/, (route) => route.abort());
  await page.goto(`${server.url}/#/documents/${id}`);
  await expect(page.getByRole('alert')).toContainText('页面加载失败');
  await page.unroute(/\/assets\/WorkspacePage-[^/]+\.js$/);
  await page.getByRole('button', { name: '重新加载' }).click();
  await expect(body(page)).toContainText('正文');
});
