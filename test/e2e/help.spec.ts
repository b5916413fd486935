/** 使用说明 (#/help): the guide the desktop's 帮助 › 使用说明 opens, also linked from the top bar. */
import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, ApiClient, createWriter, loggedInPage, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let writer: TestUser;
let reviewer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'sunli', '孙立');
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  const password = 'zhoujie-pass-2023';
  const { user } = await admin.ok<{ user: { id: string } }>('POST', '/api/users', {
    username: 'zhoujie', password, displayName: '周洁', roles: ['reviewer', 'signer'],
  });
  reviewer = { id: user.id, username: 'zhoujie', password, displayName: '周洁', api: new ApiClient(server.url) };
});

test.afterAll(async () => {
  await server?.dispose();
});

test('the top bar opens 使用说明 on the reader’s own role, one role at a time', async ({ browser }) => {
  const w = await loggedInPage(browser, server, writer);
  await w.page.getByRole('link', { name: '使用说明' }).click();
  await expect(w.page).toHaveURL(/#\/help$/);
  await expect(w.page.getByRole('heading', { name: '使用说明', exact: true })).toBeVisible();
  const roles = w.page.getByRole('tablist', { name: '角色' });
  await expect(roles.getByRole('tab')).toHaveText(['撰稿人', '审核人、签发人', '统计员', '管理员']);
  await expect(roles.getByRole('tab', { name: '撰稿人' })).toHaveAttribute('aria-selected', 'true');
  const panel = w.page.getByRole('tabpanel', { name: '撰稿人' });
  await expect(panel).toContainText('提交审核');
  await expect(panel).toContainText('退回给我');
  await w.page.screenshot({ path: 'test-results/help-writer.png' });

  await roles.getByRole('tab', { name: '管理员' }).click();
  await expect(w.page.getByRole('tabpanel', { name: '管理员' })).toContainText('用户管理');
  await w.page.keyboard.press('ArrowLeft');
  await expect(w.page.getByRole('tabpanel', { name: '统计员' })).toContainText('报送台账');
  await expect(roles.getByRole('tab', { name: '统计员' })).toBeFocused();
  await w.context.close();

  const r = await loggedInPage(browser, server, reviewer);
  await r.page.getByRole('link', { name: '使用说明' }).click();
  await expect(r.page.getByRole('tabpanel', { name: '审核人、签发人' })).toContainText('待我签发');
  await r.context.close();
});

test('使用说明 reads before logging in, with a way back to 登录', async ({ page }) => {
  await page.goto(`${server.url}/#/help`);
  await expect(page.getByRole('heading', { name: '使用说明', exact: true })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: '撰稿人' })).toContainText('新建文稿');
  await page.getByRole('link', { name: '返回登录' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
});
