import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, ApiClient, login, startServer, type RunningServer } from './desk';

let server: RunningServer;

test.beforeAll(async () => {
  server = await startServer();
});

test.afterAll(async () => {
  await server?.dispose();
});

test('用户管理: create a user, change roles, 重置密码, 停用 and 启用', async ({ page }, testInfo) => {
  await login(page, server, { username: 'admin', password: ADMIN_PASSWORD });
  await page.getByRole('navigation').getByRole('link', { name: '用户管理' }).click();
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible();

  await page.getByRole('button', { name: '新建用户' }).click();
  const create = page.getByRole('dialog', { name: '新建用户' });
  await create.getByLabel('用户名').fill('huangmin');
  await create.getByLabel('显示名称').fill('黄敏');
  await create.getByLabel('密码').fill('huangmin-pass');
  await create.getByLabel('审核人').check();
  await create.getByRole('button', { name: '创建' }).click();
  const row = page.getByRole('row').filter({ hasText: 'huangmin' });
  await expect(row).toContainText('黄敏');
  await expect(row).toContainText('撰稿人');
  await expect(row).toContainText('审核人');
  await new ApiClient(server.url).login('huangmin', 'huangmin-pass');

  await row.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: /编辑用户/ });
  await edit.getByLabel('撰稿人').uncheck();
  await edit.getByLabel('签发人').check();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(row).not.toContainText('撰稿人');
  await expect(row).toContainText('签发人');

  await row.getByRole('button', { name: '重置密码' }).click();
  const reset = page.getByRole('dialog', { name: /重置密码/ });
  await reset.getByLabel('新密码').fill('short');
  await reset.getByRole('button', { name: '保存' }).click();
  await expect(reset.getByRole('alert')).toHaveText('密码至少 8 位');
  await reset.getByLabel('新密码').fill('huangmin-new-pass');
  await reset.getByRole('button', { name: '保存' }).click();
  await expect(reset).toHaveCount(0);
  await new ApiClient(server.url).login('huangmin', 'huangmin-new-pass');

  await row.getByRole('button', { name: '停用' }).click();
  await expect(row).toContainText('已停用');
  const refused = await new ApiClient(server.url).request('POST', '/api/auth/login',
    { username: 'huangmin', password: 'huangmin-new-pass' });
  expect(refused.status).toBeGreaterThanOrEqual(400);
  await page.screenshot({ path: testInfo.outputPath('admin.png') });
  await row.getByRole('button', { name: '启用' }).click();
  await expect(row).not.toContainText('已停用');
});
