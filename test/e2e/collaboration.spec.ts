import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  body, caretToEnd, createDocument, createWriter, loggedInPage, openDocument, serverText, startServer,
  type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let owner: TestUser;
let colleague: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  owner = await createWriter(server, 'wangfang', '王芳');
  colleague = await createWriter(server, 'zhaolei', '赵磊');
});

test.afterAll(async () => {
  await server?.dispose();
});

test('two writers see each other’s text and carets', async ({ browser }) => {
  const id = await createDocument(owner, '关于做好年度政务信息工作的通知', ['各街道、各部门：'], [colleague]);
  const a = await loggedInPage(browser, server, owner);
  const b = await loggedInPage(browser, server, colleague);
  await openDocument(a.page, server, id);
  await openDocument(b.page, server, id);

  await caretToEnd(a.page);
  await a.page.keyboard.type('王芳写的第一句。');
  await expect(body(b.page)).toContainText('各街道、各部门：王芳写的第一句。');

  await caretToEnd(b.page);
  await b.page.keyboard.press('Enter');
  await b.page.keyboard.type('赵磊补充的一段。');
  await expect(body(a.page)).toContainText('赵磊补充的一段。');

  // Each sees the other's caret, labelled with the other's name, in the other's colour.
  await expect(a.page.locator('.collab-caret-name', { hasText: '赵磊' })).toBeVisible();
  await expect(b.page.locator('.collab-caret-name', { hasText: '王芳' })).toBeVisible();
  await expect(a.page.locator('.collab-caret-name', { hasText: '王芳' })).toHaveCount(0);

  await expect.poll(() => serverText(owner, id)).toBe('各街道、各部门：王芳写的第一句。\n赵磊补充的一段。');
  await a.context.close();
  await b.context.close();
});

test('Chinese typed through an IME composition reaches the server', async ({ browser }) => {
  const id = await createDocument(owner, '输入法测试', ['']);
  const { context, page } = await loggedInPage(browser, server, owner);
  await openDocument(page, server, id);
  await caretToEnd(page);

  const cdp = await context.newCDPSession(page);
  // Pinyin being composed, then the candidate chosen, as a Chinese IME does it.
  for (const [text, caret] of [['z', 1], ['zheng', 5], ['zheng wu', 8], ['政务', 2]] as const) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: caret, selectionEnd: caret });
  }
  await cdp.send('Input.insertText', { text: '政务' });
  await cdp.send('Input.imeSetComposition', { text: 'xin xi', selectionStart: 6, selectionEnd: 6 });
  await cdp.send('Input.insertText', { text: '信息' });
  await page.keyboard.type('，');

  await expect(body(page)).toHaveText('政务信息，');
  await expect.poll(() => serverText(owner, id)).toBe('政务信息，');
  await expect(page.getByTestId('word-count')).toHaveText('字数 5');
  await context.close();
});

test('the editor at work, saved as test-results/editor.png', async ({ browser }, testInfo) => {
  const id = await createDocument(owner, '关于进一步加强政务信息报送工作的通知', [
    '各街道办事处，区政府各委、办、局：',
    '为进一步提高政务信息工作质量，更好地为区委、区政府决策服务，现就有关事项通知如下。',
    '一、提高思想认识',
    '政务信息是党委、政府了解情况、研究问题、科学决策的重要依据。各单位要充分认识做好政务信息工作的重要意义。',
    '（一）明确工作责任',
    '各单位主要负责同志要亲自抓，分管负责同志要具体抓，确保信息报送及时、准确。',
  ], [colleague]);
  const a = await loggedInPage(browser, server, owner);
  const b = await loggedInPage(browser, server, colleague);
  await openDocument(a.page, server, id);
  await openDocument(b.page, server, id);

  // Give the seeded headings their levels through the toolbar.
  await body(a.page).getByText('一、提高思想认识').click();
  await a.page.getByRole('button', { name: '一级标题' }).click();
  await body(a.page).getByText('（一）明确工作责任').click();
  await a.page.getByRole('button', { name: '二级标题' }).click();
  await expect(body(a.page).locator('.desk-level-1')).toHaveText('一、提高思想认识');
  await expect(body(a.page).locator('.desk-level-2')).toHaveText('（一）明确工作责任');
  await expect(body(b.page).locator('.desk-level-1')).toHaveText('一、提高思想认识');

  await body(b.page).getByText('确保信息报送及时').click();
  await expect(a.page.locator('.collab-caret-name', { hasText: '赵磊' })).toBeVisible();
  await body(a.page).getByText('更好地为区委').click();
  await a.page.locator('.desk').evaluate((desk) => { desk.scrollTop = 0; });

  const path = resolve('test-results/editor.png');
  mkdirSync(dirname(path), { recursive: true });
  await a.page.screenshot({ path });
  await testInfo.attach('editor', { path, contentType: 'image/png' });
  await a.context.close();
  await b.context.close();
});

test('a new title reaches the other writer without a reload', async ({ browser }) => {
  const id = await createDocument(owner, '初拟标题', ['正文'], [colleague]);
  const a = await loggedInPage(browser, server, owner);
  const b = await loggedInPage(browser, server, colleague);
  await openDocument(a.page, server, id);
  await openDocument(b.page, server, id);
  const title = a.page.getByRole('textbox', { name: '标题' });
  await title.fill('关于进一步加强政务信息工作的意见');
  await title.press('Enter');
  await expect(b.page.getByRole('textbox', { name: '标题' })).toHaveValue('关于进一步加强政务信息工作的意见');
  await a.context.close();
  await b.context.close();
});

test('撤销 undoes only your own edits, never a colleague’s', async ({ browser }) => {
  const id = await createDocument(owner, '撤销测试', ['第一段。'], [colleague]);
  const a = await loggedInPage(browser, server, owner);
  const b = await loggedInPage(browser, server, colleague);
  await openDocument(a.page, server, id);
  await openDocument(b.page, server, id);

  await caretToEnd(a.page);
  await a.page.keyboard.type('王芳加的。');
  await expect(body(b.page)).toContainText('第一段。王芳加的。');
  // Yjs groups edits made within half a second into one undo step.
  await a.page.waitForTimeout(700);
  await caretToEnd(b.page);
  await b.page.keyboard.press('Enter');
  await b.page.keyboard.type('赵磊的段落。');
  await expect(body(a.page)).toContainText('赵磊的段落。');

  await a.page.getByRole('button', { name: '撤销' }).click();
  await expect(body(a.page)).not.toContainText('王芳加的。');
  await expect(body(a.page)).toContainText('赵磊的段落。');
  await expect.poll(() => serverText(owner, id)).toBe('第一段。\n赵磊的段落。');
  await a.context.close();
  await b.context.close();
});

test('pasting from Word keeps paragraphs, structure levels, lists and tables', async ({ browser }) => {
  const id = await createDocument(owner, '粘贴测试', ['']);
  const { context, page } = await loggedInPage(browser, server, owner);
  await openDocument(page, server, id);
  await caretToEnd(page);
  // Word's clipboard HTML, as it arrives in the browser.
  const html = `<html><body>
    <p class=MsoNormal style='mso-outline-level:1'>一、提高思想认识</p>
    <p class=MsoNormal>政务信息是科学决策的重要依据。</p>
    <p class=MsoNormal style='mso-outline-level:2'>（一）报送内容。围绕重点工作报送。</p>
    <ol><li>经验类信息</li><li>动态类信息</li></ol>
    <table><tr><td>项目</td><td>投资</td></tr><tr><td>一期</td><td>12.5亿元</td></tr></table>
  </body></html>`;
  await body(page).evaluate((element, data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/html', data);
    transfer.setData('text/plain', '一、提高思想认识');
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, html);

  await expect(body(page).locator('.desk-level-1')).toHaveText('一、提高思想认识');
  await expect(body(page).locator('.desk-level-2')).toContainText('（一）报送内容。');
  await expect(body(page).locator('ol li')).toHaveCount(2);
  await expect(body(page).locator('table td')).toHaveCount(4);
  await expect.poll(() => serverText(owner, id)).toContain('一、提高思想认识\n政务信息是科学决策的重要依据。\n（一）报送内容。围绕重点工作报送。\n经验类信息\n动态类信息\n项目\t投资\n一期\t12.5亿元');
  await context.close();
});
