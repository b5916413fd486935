/**
 * 查找和替换 end to end, in Chromium: Ctrl+F finds a Chinese term and full-width punctuation,
 * highlights every match (CSS Custom Highlight API) and moves the current one; Ctrl+H replaces one
 * and all, the server's content follows, one Ctrl+Z restores every match 全部替换 replaced, Esc puts
 * the selection on the current match, and a replacement keeps the format of the text it replaces.
 * A reader gets find without 替换, and sees the matches follow a writer's typing.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN_PASSWORD, body, caretToEnd, createDocument, createWriter, loggedInPage, login, openDocument, serverText,
  startServer, type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let writer: TestUser;

const PARAGRAPHS = [
  '一、招商引资工作',
  '今年以来，全区坚持把招商引资作为“一号工程”，招商引资到位资金38.6亿元。',
  '二、下一步打算',
  '持续优化营商环境，以招商引资促进项目建设。',
];

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'zhoujie', '周洁');
});

test.afterAll(async () => {
  await server?.dispose();
});

async function highlightSize(page: Page, name: string): Promise<number> {
  return page.evaluate((highlight) => CSS.highlights.get(highlight)?.size ?? -1, name);
}

/** The current match: its paragraph (index among the body's blocks), offset in it and text. */
async function currentMatch(page: Page): Promise<{ paragraph: number; offset: number; text: string } | null> {
  return page.evaluate(() => {
    const [range] = [...(CSS.highlights.get('find-current') ?? [])];
    if (!(range instanceof Range)) return null;
    const blocks = [...document.querySelectorAll('[aria-label="正文"] > *')];
    const block = blocks.find((b) => b.contains(range.startContainer));
    if (!block) return null;
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return { paragraph: blocks.indexOf(block), offset: before.toString().length, text: range.toString() };
  });
}

const occurrences = (text: string, term: string): number => text.split(term).length - 1;

test('Ctrl+F finds and moves through matches; Ctrl+H replaces one and all; one Ctrl+Z undoes 全部替换', async ({ browser }) => {
  test.setTimeout(120_000);
  const id = await createDocument(writer, '招商引资工作情况汇报', PARAGRAPHS);
  const { context, page } = await loggedInPage(browser, server, writer);
  await openDocument(page, server, id);

  await page.keyboard.press('Control+f');
  const bar = page.getByRole('search', { name: '查找和替换' });
  const find = bar.getByRole('textbox', { name: '查找' });
  await expect(find).toBeFocused();
  await expect(bar.getByRole('textbox', { name: '替换为' })).toHaveCount(0);

  await page.keyboard.type('招商引资');
  await expect(bar).toContainText('第 1 处，共 4 处');
  await expect.poll(() => highlightSize(page, 'find-match')).toBe(4);
  await expect.poll(() => highlightSize(page, 'find-current')).toBe(1);
  await expect.poll(() => currentMatch(page)).toEqual({ paragraph: 0, offset: 2, text: '招商引资' });

  // Enter / Shift+Enter and the buttons move the current match, wrapping round.
  await page.keyboard.press('Enter');
  await expect(bar).toContainText('第 2 处，共 4 处');
  await expect.poll(() => currentMatch(page)).toEqual({ paragraph: 1, offset: 10, text: '招商引资' });
  await page.keyboard.press('Enter');
  await expect.poll(() => currentMatch(page)).toEqual({ paragraph: 1, offset: 23, text: '招商引资' });
  await page.keyboard.press('Shift+Enter');
  await expect(bar).toContainText('第 2 处，共 4 处');
  await bar.getByRole('button', { name: '上一个' }).click();
  await bar.getByRole('button', { name: '上一个' }).click();
  await expect(bar).toContainText('第 4 处，共 4 处');
  await expect.poll(() => currentMatch(page)).toEqual({ paragraph: 3, offset: 10, text: '招商引资' });
  await bar.getByRole('button', { name: '下一个' }).click();
  await expect(bar).toContainText('第 1 处，共 4 处');

  // Full-width punctuation as typed: the two ， of paragraph 2 and the one of paragraph 4.
  await find.fill('，');
  await expect(bar).toContainText('第 1 处，共 3 处');
  await expect.poll(() => highlightSize(page, 'find-match')).toBe(3);
  await find.fill('招商引资工作汇报');
  await expect(bar).toContainText('无匹配');
  await expect.poll(() => highlightSize(page, 'find-match')).toBe(0);

  // Ctrl+H: the 替换 row, with the focus in 替换为 since a query is there.
  await find.fill('招商引资');
  await page.keyboard.press('Control+h');
  const replaceWith = bar.getByRole('textbox', { name: '替换为' });
  await expect(replaceWith).toBeFocused();
  await page.keyboard.type('招商引智');
  await expect(bar).toContainText('第 1 处，共 4 处');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'test-results/find-bar.png' });

  // 替换: the current match, then the next one is current.
  await bar.getByRole('button', { name: '替换', exact: true }).click();
  await expect(body(page)).toContainText('一、招商引智工作');
  await expect(bar).toContainText('第 1 处，共 3 处');
  await expect.poll(() => currentMatch(page)).toEqual({ paragraph: 1, offset: 10, text: '招商引资' });
  await expect.poll(() => serverText(writer, id)).toContain('一、招商引智工作');

  // 全部替换: every match in one edit.
  await bar.getByRole('button', { name: '全部替换' }).click();
  await expect(bar).toContainText('已替换 3 处');
  await expect.poll(() => highlightSize(page, 'find-match')).toBe(0);
  await expect.poll(async () => occurrences(await serverText(writer, id), '招商引智')).toBe(4);
  expect(occurrences(await serverText(writer, id), '招商引资')).toBe(0);

  // One Ctrl+Z brings all three back (and not the one 替换 changed before).
  await page.keyboard.press('Control+z');
  await expect.poll(() => serverText(writer, id)).toBe([
    '一、招商引智工作',
    '今年以来，全区坚持把招商引资作为“一号工程”，招商引资到位资金38.6亿元。',
    '二、下一步打算',
    '持续优化营商环境，以招商引资促进项目建设。',
  ].join('\n'));
  await expect(bar).toContainText('共 3 处');
  await expect.poll(() => highlightSize(page, 'find-match')).toBe(3);

  // Esc: the bar closes and the body has the focus, its selection on the current match.
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(body(page)).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('招商引资');
  await expect.poll(() => highlightSize(page, 'find-match')).toBe(-1);

  // A replacement keeps the format of the text it replaces: bold the selected match, replace all.
  await page.keyboard.press('Control+b');
  await expect(body(page).locator('.desk-text-bold')).toHaveText('招商引资');
  await page.keyboard.press('Control+h');
  await expect(replaceWith).toBeFocused();
  await expect(find).toHaveValue('招商引资');
  await page.keyboard.type('双招双引');
  await bar.getByRole('button', { name: '全部替换' }).click();
  await expect(bar).toContainText('已替换 3 处');
  await expect(body(page).locator('.desk-text-bold')).toHaveText('双招双引');
  await expect.poll(async () => occurrences(await serverText(writer, id), '双招双引')).toBe(3);
  await context.close();
});

test('a reader finds without 替换, and the matches follow a writer’s typing', async ({ browser }) => {
  test.setTimeout(120_000);
  const id = await createDocument(writer, '营商环境工作简报', PARAGRAPHS);
  const author = await loggedInPage(browser, server, writer);
  await openDocument(author.page, server, id);

  // An administrator reads every piece but never edits others' bodies.
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, server, { username: 'admin', password: ADMIN_PASSWORD });
  await openDocument(page, server, id);
  await expect(body(page)).toHaveAttribute('contenteditable', 'false');

  await page.keyboard.press('Control+h');
  const bar = page.getByRole('search', { name: '查找' });
  await expect(bar.getByRole('textbox', { name: '查找' })).toBeFocused();
  await expect(bar.getByRole('textbox', { name: '替换为' })).toHaveCount(0);
  await expect(bar.getByRole('button', { name: '替换', exact: true })).toHaveCount(0);
  await expect(bar.getByRole('button', { name: '全部替换' })).toHaveCount(0);
  await expect(bar.getByRole('button', { name: '显示替换' })).toHaveCount(0);

  // Pinyin being composed is not searched; the chosen characters are.
  const cdp = await context.newCDPSession(page);
  for (const [text, caret] of [['zhao', 4], ['zhao shang', 10]] as const) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: caret, selectionEnd: caret });
  }
  await expect(bar.getByRole('textbox', { name: '查找' })).toHaveValue('zhao shang');
  await expect(bar).not.toContainText('无匹配');
  await cdp.send('Input.insertText', { text: '招商' });
  await expect(bar).toContainText('第 1 处，共 4 处');

  // The writer adds a match: the reader's count and highlights follow.
  await caretToEnd(author.page);
  await author.page.keyboard.type('招商工作再上新台阶。');
  await expect(bar).toContainText('共 5 处');
  await expect.poll(() => highlightSize(page, 'find-match')).toBe(5);

  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await context.close();
  await author.context.close();
});
