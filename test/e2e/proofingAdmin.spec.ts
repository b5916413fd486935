/**
 * 审校词表 and 取消忽略 end to end, in Chromium: the admin adds a 规范表述 pair and a sensitive word on
 * the 审校词表 page, and a leader (a half-filled row is refused with the reason); a writer typing the phrase sees
 * both flagged, ignores one, finds it under 已忽略 with who ignored it, and 取消忽略 brings it back.
 */
import { expect, test, type Page } from '@playwright/test';
import iconv from 'iconv-lite';
import type { IgnoredFinding, ProofingLists } from '../../src/shared/proofing';
import {
  ADMIN_PASSWORD, ApiClient, body, caretToEnd, createDocument, createWriter, login, loggedInPage, openDocument, startServer,
  type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let writer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'liuyun', '刘芸');
});

test.afterAll(async () => {
  await server?.dispose();
});

/** The texts a proofreading highlight covers now. */
async function underlined(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlight) => [...(CSS.highlights.get(highlight) ?? [])].map((range) => range.toString()), name);
}

test('an admin extends 规范表述 and 敏感词; a writer sees them flagged, ignores one and takes the ignore back', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await login(page, server, { username: 'admin', password: ADMIN_PASSWORD });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审校词表' }).click();
  await expect(page).toHaveURL(/#\/admin\/proofing$/);
  await expect(page.getByRole('heading', { name: '审校词表' })).toBeVisible();

  // 规范表述: a new row at the end; saving it half filled is refused with the reason.
  const phrasing = page.getByRole('tabpanel', { name: '规范表述' });
  await expect(page.getByRole('tab', { name: '规范表述' })).toHaveAttribute('aria-selected', 'true');
  const rowsBefore = await phrasing.getByRole('row').count();
  await phrasing.getByRole('button', { name: '添加一行' }).click();
  const added = phrasing.getByRole('row').last();
  await expect(added.getByRole('textbox', { name: /不规范表述$/ })).toBeFocused();
  await page.keyboard.type('网格化管里');
  await expect(phrasing.getByRole('status')).toHaveText('有未保存的修改');
  await phrasing.getByRole('button', { name: '保存' }).click();
  await expect(phrasing.getByRole('alert')).toHaveText(`第 ${rowsBefore} 行：请填写规范表述`);
  await added.getByRole('textbox', { name: /行规范表述$/ }).fill('网格化管理');
  await added.getByRole('combobox', { name: /级别$/ }).selectOption({ label: '错误' });
  await phrasing.getByRole('button', { name: '保存' }).click();
  await expect(phrasing.getByRole('status')).toHaveText('已保存');
  await expect(phrasing.getByRole('alert')).toHaveCount(0);
  await expect(phrasing.getByRole('button', { name: '保存' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/proofing-admin-phrasing.png' });

  // 敏感词: one word per line.
  await page.getByRole('tab', { name: '敏感词' }).click();
  const sensitive = page.getByRole('tabpanel', { name: '敏感词' });
  await sensitive.getByRole('textbox', { name: '敏感词' }).fill('内部资料\n');
  await sensitive.getByRole('button', { name: '保存' }).click();
  await expect(sensitive.getByRole('status')).toHaveText('已保存');
  await expect(page.getByRole('tab', { name: '敏感词' })).toContainText('1');
  await page.screenshot({ path: 'test-results/proofing-admin-sensitive.png' });

  // 领导名单: 排位, 姓名, 职务 separated by 顿号.
  await page.getByRole('tab', { name: '领导名单' }).click();
  const leaders = page.getByRole('tabpanel', { name: '领导名单' });
  await leaders.getByRole('button', { name: '添加一行' }).click();
  await leaders.getByRole('textbox', { name: '第 1 行姓名' }).fill('张建国');
  await leaders.getByRole('button', { name: '保存' }).click();
  await expect(leaders.getByRole('alert')).toHaveText('第 1 行：请至少填写一个职务');
  await leaders.getByRole('textbox', { name: '第 1 行职务' }).fill('党工委书记、书记');
  await leaders.getByRole('button', { name: '保存' }).click();
  await expect(leaders.getByRole('status')).toHaveText('已保存');
  await page.screenshot({ path: 'test-results/proofing-admin-leaders.png' });

  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  const lists = await admin.ok<ProofingLists>('GET', '/api/proofing/lists');
  expect(lists.phrasing).toContainEqual({ wrong: '网格化管里', right: '网格化管理', severity: 'error' });
  expect(lists.sensitive).toEqual([{ word: '内部资料' }]);
  expect(lists.leaders).toEqual([{ name: '张建国', titles: ['党工委书记', '书记'], rank: 1 }]);

  // The writer types both; each is listed and underlined.
  const id = await createDocument(writer, '沂河新区基层治理情况', ['今年以来，沂河新区深化基层治理。']);
  const { page: editor } = await loggedInPage(browser, server, writer);
  await openDocument(editor, server, id);
  const panel = editor.getByRole('region', { name: '审校' });
  await expect(panel).toContainText('未发现问题');
  await caretToEnd(editor);
  await editor.keyboard.type('全面推行网格化管里，有关内部资料不得外传。');
  await expect(body(editor)).toContainText('网格化管里');
  const errors = panel.getByRole('group', { name: '错误' });
  await expect(errors).toContainText('规范表述：“网格化管里”应为“网格化管理”');
  await expect(panel.getByRole('group', { name: '警告' })).toContainText('敏感词“内部资料”');
  await expect.poll(() => underlined(editor, 'proof-error')).toEqual(['网格化管里']);
  await expect.poll(() => underlined(editor, 'proof-warning')).toEqual(['内部资料']);

  // 忽略: the finding leaves the list and the underline; 已忽略 (collapsed) says who ignored it.
  await errors.getByRole('listitem').filter({ hasText: '网格化管里' }).getByRole('button', { name: '忽略' }).click();
  await expect(errors).toHaveCount(0);
  await expect.poll(() => underlined(editor, 'proof-error')).toEqual([]);
  const ignored = panel.getByRole('group', { name: '已忽略' });
  await expect(ignored.getByText('已忽略 1 处')).toBeVisible();
  const restore = ignored.getByRole('button', { name: '取消忽略“网格化管里”' });
  await expect(restore).toBeHidden();
  await ignored.getByText('已忽略 1 处').click();
  await expect(ignored.getByRole('listitem')).toContainText('刘芸 忽略于');
  await expect(ignored.getByRole('listitem')).toContainText('规范表述');
  await editor.screenshot({ path: 'test-results/proofing-ignored.png' });

  // 取消忽略: back in the list and underlined, for everyone (the server no longer has it).
  await restore.click();
  await expect(errors).toContainText('规范表述：“网格化管里”应为“网格化管理”');
  await expect.poll(() => underlined(editor, 'proof-error')).toEqual(['网格化管里']);
  await expect(ignored).toHaveCount(0);
  const after = await writer.api.ok<{ ignored: IgnoredFinding[] }>('GET', `/api/documents/${id}/proofing/ignored`);
  expect(after.ignored).toEqual([]);
});

test('an admin imports the office’s 错别字 from a GBK CSV and saves them; a writer sees the shipped and the office’s typos flagged', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await login(page, server, { username: 'admin', password: ADMIN_PASSWORD });
  await page.goto(`${server.url}/#/admin/proofing`);
  await page.getByRole('tab', { name: '错别字' }).click();
  const typos = page.getByRole('tabpanel', { name: '错别字' });
  await expect(typos).toContainText('还没有本单位的错别字');

  // 导入…: the rows are added to the draft (the single-character one left out, with the reason); 保存 saves them.
  const csv = iconv.encode('错误写法,正确写法,说明\r\n沂河心区,沂河新区,本区名称\r\n周未村,,村名\r\n己,已,\r\n', 'gbk');
  const chooser = page.waitForEvent('filechooser');
  await typos.getByRole('button', { name: '导入…' }).click();
  await (await chooser).setFiles({ name: '本区错别字.csv', mimeType: 'text/csv', buffer: csv });
  await expect(typos.getByText(/从“本区错别字.csv”读到 3 行，新增 2 条/)).toBeVisible();
  await expect(typos).toContainText('跳过 1 行（第 4 行：错误写法至少 2 个字');
  await expect(typos.getByRole('textbox', { name: '第 1 行错误写法' })).toHaveValue('沂河心区');
  await expect(typos.getByRole('textbox', { name: '第 2 行正确写法' })).toHaveValue('');
  await page.screenshot({ path: 'test-results/proofing-admin-typos.png' });
  await typos.getByRole('button', { name: '保存' }).click();
  await expect(typos.getByText('已保存')).toBeVisible();

  const id = await createDocument(writer, '沂河心区调研报告', ['今年以来，沂河新区深化基层治理。']);
  const { page: editor } = await loggedInPage(browser, server, writer);
  await openDocument(editor, server, id);
  const panel = editor.getByRole('region', { name: '审校' });
  await caretToEnd(editor);
  await editor.keyboard.type('党员干部要严于律已，到周未村调研沂河心区建设。');
  const errors = panel.getByRole('group', { name: '错误' });
  await expect(errors).toContainText('错别字：“严于律已”应为“严于律己”');
  await expect(errors).toContainText('错别字：“沂河心区”应为“沂河新区”（本区名称）');
  await expect.poll(() => underlined(editor, 'proof-error')).toEqual(['严于律已', '沂河心区']);
  await expect.poll(() => underlined(editor, 'proof-warning')).toEqual([]);
  await editor.screenshot({ path: 'test-results/proofing-typos.png' });
});
