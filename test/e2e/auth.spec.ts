import { expect, test } from '@playwright/test';
import { body, createDocument, createWriter, login, openDocument, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let writer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'liming', '李明');
});

test.afterAll(async () => {
  await server?.dispose();
});

test('a wrong password shows the server’s message on the login page', async ({ page }) => {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'nobody', password: 'wrong-password' }),
  });
  const { error } = await response.json() as { error: { message: string } };

  await page.goto(server.url);
  await page.getByLabel('用户名').fill(writer.username);
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(error.message);
  await expect(page.getByRole('heading', { name: '文稿', exact: true })).toHaveCount(0);

  await page.getByLabel('密码').fill(writer.password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '文稿', exact: true })).toBeVisible();
  await expect(page.getByRole('banner').getByText('李明')).toBeVisible();
});

test('退出登录 ends the session and deletes the offline copies in IndexedDB', async ({ page }) => {
  const id = await createDocument(writer, '离线副本测试', ['这一段会留在浏览器里。']);
  await login(page, server, writer);
  await openDocument(page, server, id);
  await expect(body(page)).toContainText('这一段会留在浏览器里。');

  const appDatabases = () => page.evaluate(async () =>
    (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith('wengao:')));
  await expect.poll(appDatabases).toHaveLength(1);
  const appKeys = () => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('wengao:')).sort());
  // The document's details are kept beside its offline copy, so it opens without the server.
  expect(await appKeys()).toEqual([`wengao:detail:${writer.id}:${id}`, 'wengao:token']);

  const token = await page.evaluate(() => localStorage.getItem('wengao:token'));
  expect(token).toBeTruthy();
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
  expect(await appDatabases()).toEqual([]);
  expect(await page.evaluate(() => localStorage.getItem('wengao:token'))).toBeNull();
  expect(await appKeys()).toEqual([]);

  // The browser's session is over on the server too.
  const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  expect(me.status).toBe(401);
});
