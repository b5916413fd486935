import { expect, test, type Page } from '@playwright/test';
import { createDocument, createWriter, loggedInPage, openDocument, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let zhang: TestUser;
let li: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  zhang = await createWriter(server, 'zhangsan', '张三');
  li = await createWriter(server, 'lisi', '李四');
});

test.afterAll(async () => {
  await server?.dispose();
});

function presence(page: Page) {
  return page.locator('.editor-head').getByRole('group', { name: /^正在查看/ });
}

test('each writer sees who else has the document open, once per person, until they leave', async ({ browser }) => {
  const id = await createDocument(zhang, '在线协作', ['第一段。'], [li]);
  const a = await loggedInPage(browser, server, zhang);
  const b = await loggedInPage(browser, server, li);
  await openDocument(a.page, server, id);
  // Alone: no avatars (one does not see oneself).
  await expect(presence(a.page)).toHaveCount(0);

  await openDocument(b.page, server, id);
  await expect(presence(a.page)).toHaveAttribute('aria-label', '正在查看：李四');
  await expect(presence(b.page)).toHaveAttribute('aria-label', '正在查看：张三');
  const avatar = presence(a.page).locator('.presence-avatar');
  await expect(avatar).toHaveText(['李']);
  await expect(avatar).toHaveAttribute('title', '李四');

  // 李四 opens it in a second tab too: still one 李四.
  const second = await b.context.newPage();
  await openDocument(second, server, id);
  await expect(presence(second)).toHaveAttribute('aria-label', '正在查看：张三');
  await a.page.waitForTimeout(500);
  await expect(avatar).toHaveCount(1);
  await a.page.locator('.editor-head').screenshot({ path: 'test-results/presence-avatars.png' });

  // Leaving by going back to the list, and by closing the window: the avatar goes within seconds.
  await second.getByRole('link', { name: '返回文稿' }).click();
  await expect(avatar).toHaveCount(1);
  await b.context.close();
  await expect(presence(a.page)).toHaveCount(0, { timeout: 5_000 });
  await a.context.close();
});
