/**
 * The editor does what the writer did, and the server stores what the writer sees (issue 11):
 * the caret stays after a multi-character commit (how an IME commits ……, ——, “” or a phrase, and
 * how voice input arrives), Enter before a heading's number leaves the heading a heading, the
 * toolbar shows the level of the paragraph holding the caret, and a seeded random session (ranges
 * across paragraphs included) keeps every paragraph's level and number in agreement and ends with
 * the page and the server in agreement.
 */
import { expect, test, type Page } from '@playwright/test';
import { parseLevelNumber } from '../../src/core/structure/levels';
import {
  body, caretToEnd, createWriter, login, openDocument, serverText, settle, startServer, type RunningServer, type TestUser,
} from './desk';
import { seededRandom } from '../support/random';

let server: RunningServer;
let writer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'jianghe', '江河');
});

test.afterAll(async () => {
  await server?.dispose();
});

type Seed = ReadonlyArray<readonly [level: number, text: string]>;

const OUTLINE: Seed = [
  [1, '一、总体要求'],
  [0, '坚持稳中求进工作总基调。'],
  [1, '二、主要任务'],
  [2, '（一）推进重点项目建设'],
  [0, '全年实施重点项目120个。'],
  [2, '（二）优化营商环境'],
  [0, '深化“放管服”改革。'],
  [1, '三、保障措施'],
  [0, '加强组织领导。'],
];

async function createOutline(title: string, seed: Seed = OUTLINE): Promise<string> {
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title, kind: 'comprehensive', blocks: seed.map(([level, text]) => (level > 0 ? { type: 'paragraph', level, text } : { type: 'paragraph', text })),
  });
  return id;
}

/** The body's top-level paragraphs as the page shows them: level (from the class) and text. */
async function pageParagraphs(page: Page): Promise<Array<{ level: number; text: string }>> {
  return body(page).locator(':scope > *').evaluateAll((nodes) => nodes.map((node) => {
    const level = /desk-level-(\d)/.exec(node.className)?.[1];
    return { level: level ? Number(level) : 0, text: (node.textContent ?? '').replace(/\u200b/g, '') };
  }));
}

/** Text of the caret's paragraph before the caret (the DOM selection, as the browser shows it). */
async function textBeforeCaret(page: Page): Promise<string> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0) return '';
    const range = selection.getRangeAt(0);
    const root = document.querySelector('[aria-label="正文"]');
    let block: Node | null = range.startContainer;
    while (block && block.parentNode !== root) block = block.parentNode;
    if (!block) return '';
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    return before.toString().replace(/\u200b/g, '');
  });
}

/** Puts the caret at `offset` (UTF-16 units; -1 for the end) in the paragraph holding `text`. */
async function clickInto(page: Page, text: string, offset: number): Promise<void> {
  await body(page).getByText(text, { exact: true }).click();
  await page.keyboard.press(offset === 0 ? 'Home' : 'End');
  if (offset > 0) {
    await page.keyboard.press('Home');
    for (let i = 0; i < offset; i += 1) await page.keyboard.press('ArrowRight');
  }
  await settle(page);
}

function levelProblems(paragraphs: Array<{ level: number; text: string }>): string[] {
  const problems: string[] = [];
  paragraphs.forEach(({ level, text }, i) => {
    const number = parseLevelNumber(text);
    if (level === 0 && number) problems.push(`paragraph ${i} is body text that starts with a level-${number.level} number: ${text}`);
    if (level > 0 && !number) problems.push(`paragraph ${i} is level ${level} without a number: ${text}`);
    if (level > 0 && number && number.level !== level) problems.push(`paragraph ${i} is level ${level} with a level-${number.level} number: ${text}`);
  });
  return problems;
}

test('the caret stays after a multi-character commit that follows Enter', async ({ page }) => {
  const id = await createOutline('光标测试');
  await login(page, server, writer);
  await openDocument(page, server, id);

  await clickInto(page, '坚持稳中求进工作总基调。', -1);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('……');
  expect(await textBeforeCaret(page)).toBe('……');
  await page.keyboard.insertText('经济运行');
  expect(await textBeforeCaret(page)).toBe('……经济运行');
  await expect(page.getByRole('button', { name: '正文', exact: true })).toHaveAttribute('aria-pressed', 'true');

  // Again after a click elsewhere, and with quotation marks as an IME commits them.
  await clickInto(page, '加强组织领导。', -1);
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('“”');
  await page.keyboard.insertText('稳增长');
  expect(await textBeforeCaret(page)).toBe('“”稳增长');

  const expected = [
    '一、总体要求', '坚持稳中求进工作总基调。', '……经济运行', '二、主要任务', '（一）推进重点项目建设',
    '全年实施重点项目120个。', '（二）优化营商环境', '深化“放管服”改革。', '三、保障措施', '加强组织领导。', '“”稳增长',
  ];
  await expect.poll(async () => (await pageParagraphs(page)).map((p) => p.text)).toEqual(expected);
  await expect.poll(() => serverText(writer, id)).toBe(expected.join('\n'));
  expect(levelProblems(await pageParagraphs(page))).toEqual([]);
});

test('Enter before a heading’s number inserts an empty paragraph above and the heading stays a heading', async ({ page }) => {
  const id = await createOutline('标题前回车');
  await login(page, server, writer);
  await openDocument(page, server, id);

  await clickInto(page, '二、主要任务', 0);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await pageParagraphs(page)).slice(1, 5)).toEqual([
    { level: 0, text: '坚持稳中求进工作总基调。' },
    { level: 0, text: '' },
    { level: 1, text: '二、主要任务' },
    { level: 2, text: '（一）推进重点项目建设' },
  ]);
  // The caret stayed with the heading: typing goes before its number, as in Word.
  await expect(page.getByRole('button', { name: '一级标题' })).toHaveAttribute('aria-pressed', 'true');
  expect(await textBeforeCaret(page)).toBe('');

  // The empty paragraph above takes text as body text.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.insertText('补充一句。');
  await expect.poll(async () => (await pageParagraphs(page)).slice(2, 4)).toEqual([
    { level: 0, text: '补充一句。' },
    { level: 1, text: '二、主要任务' },
  ]);

  // Backspace at the start of a heading that follows an empty paragraph removes the empty one.
  await clickInto(page, '三、保障措施', 0);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  const paragraphs = await pageParagraphs(page);
  expect(paragraphs.find((p) => p.text === '三、保障措施')?.level).toBe(1);
  expect(levelProblems(paragraphs)).toEqual([]);
  await expect.poll(async () => (await serverText(writer, id)).split('\n'))
    .toEqual(paragraphs.map((p) => p.text));
});

test('deleting or typing over a range across paragraphs keeps each level consistent with its number', async ({ page }) => {
  const id = await createOutline('跨段删除');
  await login(page, server, writer);
  await openDocument(page, server, id);

  // From a body paragraph's start to the next heading's start: the heading stays a heading.
  await clickInto(page, '坚持稳中求进工作总基调。', 0);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.press('Backspace');
  await expect.poll(async () => (await pageParagraphs(page)).slice(0, 2)).toEqual([
    { level: 1, text: '一、总体要求' }, { level: 1, text: '二、主要任务' },
  ]);

  // From a heading's start into the next body paragraph, typed over: body text, not a heading without a number.
  await clickInto(page, '（二）优化营商环境', 0);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.insertText('继续');
  await expect.poll(async () => (await pageParagraphs(page)).find((p) => p.text.startsWith('继续'))).toEqual({ level: 0, text: '继续深化“放管服”改革。' });
  expect(levelProblems(await pageParagraphs(page))).toEqual([]);
  await expect.poll(async () => (await serverText(writer, id)).split('\n')).toEqual((await pageParagraphs(page)).map((p) => p.text));
});

test('the toolbar shows the level of the paragraph holding the caret', async ({ page }) => {
  const id = await createOutline('工具栏跟随');
  await login(page, server, writer);
  await openDocument(page, server, id);
  const pressed = (name: string) => expect(page.getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');

  await clickInto(page, '（一）推进重点项目建设', -1);
  await pressed('二级标题');
  await page.keyboard.press('ArrowDown');
  await pressed('正文');
  await page.keyboard.press('ArrowDown');
  await pressed('二级标题');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await pressed('一级标题');
});

const PIECES = ['……', '——', '“”', '《》', '政务', '信息报送', '稳中求进', '高质量发展', '。', '，', '招商引资项目'];
const LEVEL_BUTTONS = ['一级标题', '二级标题', '三级标题', '四级标题', '正文'];

test('a seeded random editing session: page, server and numbering agree, and the caret follows each commit', async ({ page }) => {
  test.setTimeout(240_000);
  // A fixed seed by default, so a red run is the code's and not the draw's; EDIT_SEED=random explores
  // (seed 64147 found Yjs' undo scrambling a restored heading: src/core/editor/collabUndo.ts).
  const seed = process.env.EDIT_SEED === 'random' ? Date.now() % 100_000 : Number(process.env.EDIT_SEED ?? 11_226);
  const actions = Number(process.env.EDIT_ACTIONS ?? 220);
  console.log(`editorIntegrity seed ${seed}, ${actions} actions (EDIT_SEED=${seed} to replay)`);
  const rnd = seededRandom(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] ?? items[0] as T;
  const id = await createOutline('随机编辑');
  await login(page, server, writer);
  await openDocument(page, server, id);
  await caretToEnd(page);
  const log: string[] = [];

  for (let step = 0; step < actions; step += 1) {
    const roll = rnd();
    if (roll < 0.22) {
      // Put the caret somewhere: a random paragraph, at its start, end or inside.
      const paragraphs = await pageParagraphs(page);
      const index = Math.floor(rnd() * paragraphs.length);
      const block = body(page).locator(':scope > *').nth(index);
      await block.click({ position: { x: 5, y: 5 } });
      const where = rnd();
      await page.keyboard.press(where < 0.4 ? 'End' : 'Home');
      if (where >= 0.7) for (let i = Math.floor(rnd() * 4); i > 0; i -= 1) await page.keyboard.press('ArrowRight');
      log.push(`caret to paragraph ${index} (${where < 0.4 ? 'end' : where < 0.7 ? 'start' : 'inside'})`);
    } else if (roll < 0.3) {
      // A range from the caret, often across paragraphs (Shift+Arrow), then Backspace, Delete, typing or Enter.
      const keys = rnd() < 0.5 ? ['Shift+ArrowDown'] : [];
      for (let i = Math.floor(rnd() * 8); i >= 0; i -= 1) keys.push(rnd() < 0.75 ? 'Shift+ArrowRight' : 'Shift+ArrowLeft');
      for (const key of keys) await page.keyboard.press(key);
      const over = pick(['Backspace', 'Delete', 'Enter', 'type']);
      if (over === 'type') await page.keyboard.insertText(pick(PIECES));
      else await page.keyboard.press(over);
      log.push(`select ${keys.join(' ')} then ${over}`);
    } else if (roll < 0.6) {
      const text = pick(PIECES);
      const before = await textBeforeCaret(page);
      await page.keyboard.insertText(text);
      log.push(`insert ${text}`);
      const after = await textBeforeCaret(page);
      expect(after, `seed ${seed}, step ${step}: the caret follows the text just committed\n${log.slice(-8).join('\n')}`)
        .toBe(before + text);
    } else if (roll < 0.75) {
      await page.keyboard.press('Enter');
      log.push('Enter');
    } else if (roll < 0.87) {
      await page.keyboard.press('Backspace');
      log.push('Backspace');
    } else if (roll < 0.95) {
      const name = pick(LEVEL_BUTTONS);
      await page.getByRole('button', { name, exact: true }).click();
      log.push(`level ${name}`);
    } else {
      // A writer pauses before undoing (Yjs merges edits under 500 ms into one undo step).
      await page.waitForTimeout(550);
      await page.keyboard.press('Control+z');
      log.push('Ctrl+Z');
    }
    await settle(page);
    const problems = levelProblems(await pageParagraphs(page));
    expect(problems, `seed ${seed}, step ${step}\n${log.slice(-8).join('\n')}`).toEqual([]);
  }

  const shown = (await pageParagraphs(page)).map((p) => p.text);
  await expect.poll(async () => (await serverText(writer, id)).split('\n'), { message: `seed ${seed}` }).toEqual(shown);
});
