import { expect, test } from '@playwright/test';
import {
  body, caretToEnd, connection, createDocument, createWriter, loggedInPage, openDocument, openedBy, serverDown, serverText,
  startServer, type RunningServer, type TestUser,
} from './desk';

// Each test stops and restarts its server: one server per test, never shared.
let server: RunningServer;
let owner: TestUser;
let colleague: TestUser;

test.beforeEach(async () => {
  server = await startServer();
  owner = await createWriter(server, 'sunli', '孙丽');
  colleague = await createWriter(server, 'zhoujie', '周杰');
});

test.afterEach(async () => {
  await server?.dispose();
});

test('text survives a server restart and is there after reload', async ({ browser }) => {
  const id = await createDocument(owner, '重启测试', ['第一段。']);
  const { context, page } = await loggedInPage(browser, server, owner);
  await openDocument(page, server, id);
  await caretToEnd(page);
  await page.keyboard.type('重启之前写下的字。');
  await expect.poll(() => serverText(owner, id)).toBe('第一段。重启之前写下的字。');
  await expect(connection(page)).toHaveText('在线');

  await server.restart();
  await page.reload();
  await expect(connection(page)).toHaveText('在线', { timeout: 15_000 });
  await expect(body(page)).toHaveText('第一段。重启之前写下的字。');
  expect(await serverText(owner, id)).toBe('第一段。重启之前写下的字。');
  await context.close();
});

test('edits typed while the server is down merge when it returns', async ({ browser }) => {
  const id = await createDocument(owner, '离线合并测试', ['甲段。', '乙段。'], [colleague]);
  const [a, b] = await openedBy(browser, server, id, [owner, colleague]);
  await serverDown(server, [a.page, b.page]);

  // Both keep typing while offline, in different paragraphs.
  await body(a.page).getByText('甲段。').click();
  await a.page.keyboard.press('End');
  await a.page.keyboard.type('孙丽离线时补充。');
  await caretToEnd(b.page);
  await b.page.keyboard.type('周杰离线时补充。');
  await expect(body(a.page)).toContainText('甲段。孙丽离线时补充。');
  await expect(connection(a.page)).toHaveText('离线');

  await server.restart();
  const merged = ['甲段。孙丽离线时补充。', '乙段。周杰离线时补充。'];
  for (const page of [a.page, b.page]) {
    await expect(connection(page)).toHaveText('在线', { timeout: 20_000 });
    await expect(body(page).locator('p').nth(0)).toHaveText(merged[0]);
    await expect(body(page).locator('p').nth(1)).toHaveText(merged[1]);
  }
  await expect.poll(() => serverText(owner, id)).toBe(merged.join('\n'));
  await a.context.close();
  await b.context.close();
});

test('words typed offline inside a phrase a colleague bolds offline stay where they were typed, once', async ({ browser }) => {
  const id = await createDocument(owner, '离线加粗测试', ['各街道要按时报送政务信息。'], [colleague]);
  const [a, b] = await openedBy(browser, server, id, [owner, colleague]);
  await serverDown(server, [a.page, b.page]);

  // 孙丽 bolds 按时报送; 周杰, not seeing it, types 准确 between 按时 and 报送.
  await body(a.page).getByText('各街道要按时报送政务信息。').click();
  await a.page.keyboard.press('Home');
  for (let i = 0; i < 4; i += 1) await a.page.keyboard.press('ArrowRight');
  for (let i = 0; i < 4; i += 1) await a.page.keyboard.press('Shift+ArrowRight');
  await a.page.keyboard.press('Control+b');
  await expect(body(a.page).locator('.desk-text-bold')).toHaveText('按时报送');
  await body(b.page).getByText('各街道要按时报送政务信息。').click();
  await b.page.keyboard.press('Home');
  for (let i = 0; i < 6; i += 1) await b.page.keyboard.press('ArrowRight');
  await b.page.keyboard.insertText('准确');
  await expect(body(b.page)).toHaveText('各街道要按时准确报送政务信息。');

  await server.restart();
  for (const page of [a.page, b.page]) {
    await expect(connection(page)).toHaveText('在线', { timeout: 20_000 });
    await expect(body(page)).toHaveText('各街道要按时准确报送政务信息。');
    await expect(body(page).locator('.desk-text-bold')).toHaveText('按时准确报送');
  }
  await expect.poll(() => serverText(owner, id)).toBe('各街道要按时准确报送政务信息。');
  await a.context.close();
  await b.context.close();
});
