import { expect, test } from '@playwright/test';
import { caretToEnd, createDocument, createWriter, login, openDocument, shot, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let writer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'wangfang', '王芳');
});

test.afterAll(async () => {
  await server?.dispose();
});

test('search in the document list finds a sentence of a body, typed or seeded, and marks the words', async ({ page }) => {
  await createDocument(writer, '全区经济运行情况', ['一、总体情况', '今年以来，全年新签约招商引资项目42个，总投资超百亿元。下一步将继续优化营商环境。']);
  await createDocument(writer, '社区志愿服务见闻', ['志愿者走进社区，开展义诊活动。']);
  const typed = await createDocument(writer, '乡村工作简报', ['第一段。']);
  await login(page, server, writer);

  // A sentence typed in the editor is found once the index has read it (a body quiet for 2 s).
  await openDocument(page, server, typed);
  await caretToEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('数字乡村建设取得新进展，覆盖全部村居。');
  await expect.poll(async () => (await writer.api.ok<{ results: unknown[] }>('GET', `/api/search?q=${encodeURIComponent('数字乡村')}`)).results.length,
    { timeout: 15_000 }).toBe(1);
  await page.getByRole('navigation').getByRole('link', { name: '文稿' }).click();

  const search = page.getByRole('searchbox', { name: '搜索标题和正文' });
  const rows = page.getByRole('row');
  await search.fill('招商引资');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('全区经济运行情况');
  await expect(rows.nth(1).locator('.search-sentence')).toHaveText('今年以来，全年新签约招商引资项目42个，总投资超百亿元。');
  await expect(rows.nth(1).locator('mark')).toHaveText('招商引资');

  await search.fill('数字乡村');
  await expect(rows.nth(1)).toContainText('乡村工作简报');
  await expect(rows.nth(1).locator('.search-sentence mark')).toHaveText('数字乡村');
  await shot(page, 'search-body-sentence');

  // Two characters search bodies too; one searches titles only, and the page says so.
  await search.fill('义诊');
  await expect(rows.nth(1)).toContainText('社区志愿服务见闻');
  await search.fill('诊');
  await expect(page.getByText('单个字只搜索标题')).toBeVisible();
});
