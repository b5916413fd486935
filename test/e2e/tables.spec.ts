import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  body, caretToEnd, createDocument, createWriter, login, openDocument, serverText, settle, startServer, type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let writer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'zhoulan', '周岚');
});

test.afterAll(async () => {
  await server?.dispose();
});

/** The table's cells, row by row, as the page shows them. */
async function cells(table: Locator): Promise<string[][]> {
  return table.locator('tr').evaluateAll((rows) => rows.map((row) =>
    [...row.querySelectorAll('td, th')].map((cell) => (cell.textContent ?? '').trim())));
}

/** Yjs' UndoManager merges edits less than 500 ms apart into one undo step; a writer pauses. */
async function pause(page: Page): Promise<void> {
  await page.waitForTimeout(700);
}

test('a table: inserted in an empty paragraph, filled with Tab, rows and columns from the menus, undone', async ({ page }) => {
  const id = await createDocument(writer, '表格测试', ['一、工作进展']);
  await login(page, server, writer);
  const editor = await openDocument(page, server, id);
  const table = editor.locator('table');

  await expect(page.getByRole('button', { name: '表格', exact: true })).toBeDisabled();
  await caretToEnd(page);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '插入表格' }).click();
  await expect(table.locator('tr')).toHaveCount(3);
  // The empty paragraph became the table, and a paragraph follows it to type below.
  await expect.poll(() => editor.evaluate((root) => [...root.children].map((child) => child.tagName)))
    .toEqual(['P', 'TABLE', 'P']);
  await expect(editor.locator(':scope > p').first()).toHaveText('一、工作进展');
  await expect(page.getByRole('button', { name: '表格', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: '插入表格' })).toBeDisabled();

  // The caret is in the first cell; Tab goes to the next cell, Shift+Tab back.
  await pause(page);
  for (const [i, text] of ['事项', '进度', '责任人', '专题调研', '已完成', '张三'].entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.insertText(text);
  }
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.insertText('（提前）');
  await expect.poll(() => cells(table)).toEqual([
    ['事项', '进度', '责任人'], ['专题调研', '已完成（提前）', '张三'], ['', '', ''],
  ]);

  // Right-click in a cell: the context menu; Esc closes it.
  await pause(page);
  await table.locator('tr').nth(1).locator('td').first().click({ button: 'right' });
  const menu = page.getByRole('menu', { name: '表格' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem')).toHaveText(
    ['在上方插入行', '在下方插入行', '在左侧插入列', '在右侧插入列', '删除行', '删除列', '删除表格']);
  await page.screenshot({ path: 'test-results/table-context-menu.png' });
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await table.locator('tr').nth(1).locator('td').first().click({ button: 'right' });
  await menu.getByRole('menuitem', { name: '在下方插入行' }).click();
  await expect(menu).toHaveCount(0);
  await expect(table.locator('tr')).toHaveCount(4);
  // The caret stayed in its cell: typing goes on there.
  await page.keyboard.insertText('甲');
  await expect.poll(() => cells(table)).toEqual([
    ['事项', '进度', '责任人'], ['专题调研甲', '已完成（提前）', '张三'], ['', '', ''], ['', '', ''],
  ]);
  await page.keyboard.press('Backspace');

  await pause(page);
  await table.locator('tr').first().locator('td').nth(1).click({ button: 'right' });
  await menu.getByRole('menuitem', { name: '在右侧插入列' }).click();
  await expect.poll(() => cells(table)).toEqual([
    ['事项', '进度', '', '责任人'], ['专题调研', '已完成（提前）', '', '张三'], ['', '', '', ''], ['', '', '', ''],
  ]);
  await table.locator('tr').first().locator('td').nth(2).click();
  await settle(page);
  await page.keyboard.insertText('完成时间');
  await expect.poll(() => serverText(writer, id)).toBe(
    '一、工作进展\n事项\t进度\t完成时间\t责任人\n专题调研\t已完成（提前）\t\t张三\n\t\t\t\n\t\t\t\n');

  // The toolbar's 表格 menu acts on the caret's cell: 删除列 removes the 进度 column.
  await pause(page);
  await table.locator('tr').nth(1).locator('td').nth(1).click();
  await settle(page);
  await page.getByRole('button', { name: '表格', exact: true }).click();
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: '删除列' }).click();
  await expect.poll(() => cells(table)).toEqual([
    ['事项', '完成时间', '责任人'], ['专题调研', '', '张三'], ['', '', ''], ['', '', ''],
  ]);
  await expect.poll(() => serverText(writer, id)).toBe(
    '一、工作进展\n事项\t完成时间\t责任人\n专题调研\t\t张三\n\t\t\n\t\t\n');

  // Tab in the last cell adds a row, as in Word.
  await pause(page);
  await table.locator('tr').last().locator('td').last().click();
  await settle(page);
  await page.keyboard.press('Tab');
  await expect(table.locator('tr')).toHaveCount(5);
  await page.keyboard.insertText('新行');
  await expect(table.locator('tr').last().locator('td').first()).toHaveText('新行');

  // 撤销 takes the writer's steps back one by one: the new row, then the deleted column returns.
  await pause(page);
  await page.keyboard.press('Control+z');
  await expect(table.locator('tr')).toHaveCount(4);
  await page.keyboard.press('Control+z');
  await expect.poll(() => cells(table)).toEqual([
    ['事项', '进度', '完成时间', '责任人'], ['专题调研', '已完成（提前）', '', '张三'], ['', '', '', ''], ['', '', '', ''],
  ]);
  await expect.poll(() => serverText(writer, id)).toBe(
    '一、工作进展\n事项\t进度\t完成时间\t责任人\n专题调研\t已完成（提前）\t\t张三\n\t\t\t\n\t\t\t\n');

  // 删除表格 leaves the paragraphs around it.
  await pause(page);
  await table.locator('td').first().click({ button: 'right' });
  await menu.getByRole('menuitem', { name: '删除表格' }).click();
  await expect(table).toHaveCount(0);
  await expect.poll(() => serverText(writer, id)).toBe('一、工作进展\n');
  expect(await body(page).locator(':scope > *').count()).toBe(2);
});
