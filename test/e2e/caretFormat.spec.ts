/**
 * What the caret types is in the format of the text it is in, as in Word, Google Docs and Lexical
 * without collaboration, unless the writer chose another there (Ctrl+B with nothing selected).
 *
 * Alone: keys typed inside bold text are bold, and Ctrl+B at the caret turns bold off; the keydown
 * check in freshSelection.ts had reset the format at every key. With a colleague: the bold arrives
 * over the caret, the writer types, the typed text is bold. Lexical keeps the format typing will use
 * on the selection (RangeSelection.format) and re-derives it only when the caret moves, so a remote
 * update that re-formatted the caret's text left it stale and the typed word came out plain between
 * two bold halves (collab/caretFormatRefresh.ts). A format the writer toggled at the caret outlives
 * the remote change; a caret whose text was not re-formatted keeps its format.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  body, selectChars, createDocument, createWriter, login, openDocument, openedBy, serverText, shot, startServer,
  type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let owner: TestUser;
let colleague: TestUser;

const SENTENCE = '各街道要按时报送政务信息。';

test.beforeAll(async () => {
  server = await startServer();
  owner = await createWriter(server, 'sunli', '孙丽');
  colleague = await createWriter(server, 'zhoujie', '周杰');
});

test.afterAll(async () => {
  await server?.dispose();
});


/** Puts the caret of `page` between characters at - 1 and at of the first paragraph. */
async function caretAt(page: Page, at: number): Promise<void> {
  await body(page).focus();
  await selectChars(page, at, at);
}

/** Formats characters [from, to) of the first paragraph with a shortcut, as a writer does. */
async function format(page: Page, from: number, to: number, key: 'Control+b' | 'Control+i'): Promise<void> {
  await body(page).focus();
  await selectChars(page, from, to);
  await page.keyboard.press(key);
}

/** The text of the first paragraph whose characters are shown with `selector` (bold, italic). */
async function shownAs(page: Page, selector: string): Promise<string> {
  return page.evaluate((sel) => {
    const paragraph = document.querySelector('[aria-label="正文"] > *');
    if (!paragraph) throw new Error('no paragraph');
    let text = '';
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(sel)) text += node.textContent ?? '';
    }
    return text.replace(/\u200b/g, '');
  }, selector);
}

const BOLD = 'strong, b, .desk-text-bold';
const ITALIC = 'em, i, .desk-text-italic';

/** The text of the stored body's text nodes that carry format bit `bit` (1 bold, 2 italic), in order. */
async function storedWith(user: TestUser, documentId: string, bit: number): Promise<string> {
  const { json } = await user.api.ok<{ json: unknown }>('GET', `/api/documents/${documentId}/content`);
  let text = '';
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; text?: unknown; format?: unknown; children?: unknown; root?: unknown };
    if (record.type === 'text' && typeof record.text === 'string' && typeof record.format === 'number' && (record.format & bit) !== 0) {
      text += record.text;
    }
    if (Array.isArray(record.children)) record.children.forEach(walk);
    walk(record.root);
  };
  walk(json);
  return text;
}

test('keys typed inside bold text are bold, and Ctrl+B at the caret turns bold off for what follows', async ({ page }) => {
  const id = await createDocument(owner, '加粗处键入测试', [SENTENCE]);
  await login(page, server, owner);
  await openDocument(page, server, id);
  await format(page, 4, 8, 'Control+b');
  await expect.poll(() => shownAs(page, BOLD)).toBe('按时报送');

  // Keys (digits have a keydown of their own, unlike text from the IME) inside the bold phrase are bold.
  await caretAt(page, 6);
  await expect(page.getByRole('button', { name: '加粗' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('2024');
  await expect.poll(() => shownAs(page, BOLD)).toBe('按时2024报送');
  // Ctrl+B with nothing selected turns bold off for the next words, there and then.
  await page.keyboard.press('Control+b');
  await expect(page.getByRole('button', { name: '加粗' })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.insertText('准确');

  const expected = '各街道要按时2024准确报送政务信息。';
  await expect(body(page)).toHaveText(expected);
  await expect.poll(() => shownAs(page, BOLD)).toBe('按时2024报送');
  await expect.poll(() => serverText(owner, id)).toBe(expected);
  await expect.poll(() => storedWith(owner, id, 1)).toBe('按时2024报送');
});

test('a caret inside a phrase a colleague bolds types bold, in both pages and on the server', async ({ browser }) => {
  const id = await createDocument(owner, '远程加粗光标测试', [SENTENCE], [colleague]);
  const [a, b] = await openedBy(browser, server, id, [owner, colleague]);

  // 周杰 puts the caret between 报 and 送; then 孙丽 bolds 按时报送.
  await caretAt(b.page, 7);
  await format(a.page, 4, 8, 'Control+b');
  await expect.poll(() => shownAs(b.page, BOLD)).toBe('按时报送');
  // The toolbar says what typing will do: bold.
  await expect.soft(b.page.getByRole('button', { name: '加粗' })).toHaveAttribute('aria-pressed', 'true');
  await b.page.keyboard.insertText('准确');

  const expected = '各街道要按时报准确送政务信息。';
  for (const { page } of [a, b]) {
    await expect(body(page)).toHaveText(expected);
    await expect.poll(() => shownAs(page, BOLD)).toBe('按时报准确送');
  }
  await expect.poll(() => serverText(owner, id)).toBe(expected);
  await expect.poll(() => storedWith(owner, id, 1)).toBe('按时报准确送');
  await shot(b.page, 'remote-format-caret');
  await a.context.close();
  await b.context.close();
});

test('a format the writer toggled at the caret wins over a colleague\'s re-formatting of that text', async ({ browser }) => {
  const id = await createDocument(owner, '自己切换格式测试', [SENTENCE], [colleague]);
  const [a, b] = await openedBy(browser, server, id, [owner, colleague]);

  // 按时报送 is bold; 周杰 puts the caret between 报 and 送 and turns bold off for what he will type.
  await format(a.page, 4, 8, 'Control+b');
  await expect.poll(() => shownAs(b.page, BOLD)).toBe('按时报送');
  await caretAt(b.page, 7);
  await expect(b.page.getByRole('button', { name: '加粗' })).toHaveAttribute('aria-pressed', 'true');
  await b.page.keyboard.press('Control+b');
  await expect(b.page.getByRole('button', { name: '加粗' })).toHaveAttribute('aria-pressed', 'false');
  // 孙丽 then italicises 按时报送: 周杰's text follows the italic but stays out of bold, as he chose.
  await format(a.page, 4, 8, 'Control+i');
  await expect.poll(() => shownAs(b.page, ITALIC)).toBe('按时报送');
  await b.page.keyboard.insertText('准确');

  const expected = '各街道要按时报准确送政务信息。';
  for (const { page } of [a, b]) {
    await expect(body(page)).toHaveText(expected);
    await expect.poll(() => shownAs(page, BOLD)).toBe('按时报送');
    await expect.poll(() => shownAs(page, ITALIC)).toBe('按时报准确送');
  }
  await expect.poll(() => serverText(owner, id)).toBe(expected);
  await expect.poll(() => storedWith(owner, id, 1)).toBe('按时报送');
  await expect.poll(() => storedWith(owner, id, 2)).toBe('按时报准确送');
  await a.context.close();
  await b.context.close();
});

test('a caret whose text a colleague\'s formatting leaves as it was keeps its format', async ({ browser }) => {
  const id = await createDocument(owner, '格式不变光标测试', [SENTENCE], [colleague]);
  const [a, b] = await openedBy(browser, server, id, [owner, colleague]);

  // 周杰's caret is between 政 and 务, set to type bold; 孙丽 bolds 按时报送, splitting 周杰's text node.
  await caretAt(b.page, 9);
  await b.page.keyboard.press('Control+b');
  await expect(b.page.getByRole('button', { name: '加粗' })).toHaveAttribute('aria-pressed', 'true');
  await format(a.page, 4, 8, 'Control+b');
  await expect.poll(() => shownAs(b.page, BOLD)).toBe('按时报送');
  await expect(b.page.getByRole('button', { name: '加粗' })).toHaveAttribute('aria-pressed', 'true');
  await b.page.keyboard.insertText('工作');

  const expected = '各街道要按时报送政工作务信息。';
  for (const { page } of [a, b]) {
    await expect(body(page)).toHaveText(expected);
    await expect.poll(() => shownAs(page, BOLD)).toBe('按时报送工作');
  }
  await expect.poll(() => serverText(owner, id)).toBe(expected);
  await expect.poll(() => storedWith(owner, id, 1)).toBe('按时报送工作');
  await a.context.close();
  await b.context.close();
});
