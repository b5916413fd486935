/**
 * 审校 end to end, in Chromium: a writer types an unbalanced quotation mark, sees it underlined (CSS
 * Custom Highlight API) and listed under 错误, is refused 提交审核 with the reason, applies the
 * suggested fix, submits, and the 审核记录 shows the proofreading report.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN_PASSWORD, ApiClient, body, caretToEnd, createWriter, loggedInPage, openDocument, serverText, startServer,
  type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let writer: TestUser;
let reviewerName = '';

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'liuyun', '刘芸');
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  reviewerName = '孙审';
  await admin.ok('POST', '/api/users', { username: 'sunshen', password: 'sunshen-pass-2023', displayName: reviewerName, roles: ['reviewer'] });
});

test.afterAll(async () => {
  await server?.dispose();
});

/** The texts a proofreading highlight covers now. */
async function underlined(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlight) => [...(CSS.highlights.get(highlight) ?? [])].map((range) => range.toString()), name);
}

test('an unbalanced quotation mark is underlined, blocks 提交审核, and its suggested fix clears it', async ({ browser }) => {
  test.setTimeout(120_000);
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '沂河新区推动重点项目提速增效', kind: 'info', blocks: [{ type: 'paragraph', text: '今年以来，沂河新区坚持项目为王。' }],
  });
  const { page } = await loggedInPage(browser, server, writer);
  await openDocument(page, server, id);
  const panel = page.getByRole('region', { name: '审校' });
  await expect(panel).toContainText('未发现问题');

  await caretToEnd(page);
  await page.keyboard.type('创新实施“四个一“工作机制。');
  await expect(body(page)).toContainText('“四个一“');
  await expect.poll(() => underlined(page, 'proof-error')).toEqual(['“']);
  const errors = panel.getByRole('group', { name: '错误' });
  await expect(errors.getByRole('listitem')).toHaveCount(1);
  await expect(errors).toContainText('引号方向用错');
  await expect.poll(() => serverText(writer, id)).toContain('“四个一“');
  await page.screenshot({ path: 'test-results/proofing-underline.png' });

  // 提交审核 is refused with the reason while the error stands.
  await page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: '提交审核', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '提交审核' });
  await dialog.getByRole('combobox').first().selectOption({ label: reviewerName });
  await dialog.getByRole('button', { name: '提交审核', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('审校发现 1 处错误未处理');
  await dialog.getByRole('button', { name: '取消' }).click();

  // 采纳建议: an ordinary edit of the body, which reaches the server; the underline goes.
  await errors.getByRole('button', { name: '采纳建议' }).click();
  await expect(body(page)).toContainText('创新实施“四个一”工作机制。');
  await expect.poll(() => underlined(page, 'proof-error')).toEqual([]);
  await expect(panel).toContainText('未发现问题');
  await expect.poll(() => serverText(writer, id)).toContain('“四个一”');

  await page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: '提交审核', exact: true }).click();
  await dialog.getByRole('combobox').first().selectOption({ label: reviewerName });
  await dialog.getByRole('button', { name: '提交审核', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('tab', { name: '审核记录' }).click();
  await expect(page.getByTestId('proof-report')).toHaveText('审校：错误 0 · 警告 0 · 提示 0');
});
