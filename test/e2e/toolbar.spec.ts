import { expect, test } from '@playwright/test';
import { body, caretToEnd, createDocument, createWriter, login, openDocument, serverText, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let writer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'xuqing', '许晴');
});

test.afterAll(async () => {
  await server?.dispose();
});

test('structure levels, 重新编号, formats, lists, tables and 撤销', async ({ page }) => {
  const id = await createDocument(writer, '工具栏测试', ['总体要求', '加强领导', '正文一段。']);
  await login(page, server, writer);
  await openDocument(page, server, id);
  const editor = body(page);

  await editor.getByText('总体要求').click();
  await page.getByRole('button', { name: '一级标题' }).click();
  await expect(page.getByRole('button', { name: '一级标题' })).toHaveAttribute('aria-pressed', 'true');
  await editor.getByText('加强领导').click();
  await page.getByRole('button', { name: '一级标题' }).click();
  await expect(editor.locator('.desk-level-1')).toHaveText(['一、总体要求', '二、加强领导']);

  // A heading typed with a wrong number is put right by 重新编号.
  await caretToEnd(page);
  await page.keyboard.press('Enter');
  await page.keyboard.type('五、强化保障');
  await page.getByRole('button', { name: '一级标题' }).click();
  await editor.getByText('二、加强领导').click();
  await page.getByRole('button', { name: '正文', exact: true }).click();
  await expect(editor.locator('.desk-level-1')).toHaveCount(2);
  await page.getByRole('button', { name: '重新编号' }).click();
  await expect(editor.locator('.desk-level-1')).toHaveText(['一、总体要求', '二、强化保障']);
  await expect.poll(() => serverText(writer, id)).toBe('一、总体要求\n加强领导\n正文一段。\n二、强化保障');

  await caretToEnd(page);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '加粗' }).click();
  await page.keyboard.type('加粗的字');
  await expect(editor.locator('strong, .desk-text-bold').filter({ hasText: '加粗的字' })).toHaveCount(1);

  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: '加粗' }).click();
  await page.getByRole('button', { name: '编号列表' }).click();
  await page.keyboard.type('第一项');
  await page.keyboard.press('Enter');
  await page.keyboard.type('第二项');
  await expect(editor.locator('ol li')).toHaveText(['第一项', '第二项']);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');

  await page.getByRole('button', { name: '插入表格' }).click();
  await expect(editor.locator('table tr')).toHaveCount(3);
  // Yjs' UndoManager merges edits less than 500 ms apart into one undo step; a writer pauses.
  await page.waitForTimeout(700);
  await page.keyboard.type('单元格');
  await expect(editor.locator('table td').first()).toHaveText('单元格');
  await expect.poll(() => serverText(writer, id)).toContain('第一项\n第二项');
  await expect.poll(() => serverText(writer, id)).toContain('单元格');

  await page.waitForTimeout(700);
  await page.getByRole('button', { name: '撤销' }).click();
  await expect(editor.locator('table td').first()).toHaveText('');
  await expect(editor.locator('ol li')).toHaveText(['第一项', '第二项']);
  await page.getByRole('button', { name: '重做' }).click();
  await expect(editor.locator('table td').first()).toHaveText('单元格');
});
