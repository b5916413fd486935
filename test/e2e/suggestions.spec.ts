/**
 * 修订 while drafting: a writer turns track changes on, types (as an IME commits, text at once)
 * and deletes; a collaborator sees the marks; the 审阅 pane lists the changes with their author and
 * accepts or rejects them, one undo step each; the server's text is the body with pending
 * suggestions unapplied.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  createUser, body, caretToEnd, createDocument, createWriter, loggedInPage, openDocument, serverText, settle, shot, startServer, type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let owner: TestUser;
let colleague: TestUser;
let reviewer: TestUser;
let signer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  owner = await createWriter(server, 'wangfang', '王芳');
  colleague = await createWriter(server, 'zhaolei', '赵磊');
  reviewer = await createUser(server, 'lishen', '李慎', ['reviewer']);
  signer = await createUser(server, 'zhangqian', '张签', ['reviewer', 'signer']);
});

test.afterAll(async () => {
  await server?.dispose();
});

const ORIGINAL = '各街道、各部门：现将有关事项通知如下。';

function pane(page: Page) {
  return page.getByRole('region', { name: /审阅/ });
}

function change(page: Page, kind: string, author: string) {
  return pane(page).getByRole('listitem', { name: `${kind} ${author}` });
}

test('修订: marks for a collaborator, the 审阅 pane accepts one change and rejects the other', async ({ browser }) => {
  const id = await createDocument(owner, '关于做好年度政务信息工作的通知', [ORIGINAL], [colleague]);
  const a = await loggedInPage(browser, server, owner);
  const b = await loggedInPage(browser, server, colleague);
  await openDocument(a.page, server, id);
  await openDocument(b.page, server, id);

  const toggle = a.page.getByRole('button', { name: /^修订/ });
  await expect(toggle).toHaveText('修订：关');
  await toggle.click();
  await expect(toggle).toHaveText('修订：开');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  // Typed as an IME commits: several characters at once.
  await caretToEnd(a.page);
  await a.page.keyboard.insertText('请认真贯彻落实。');
  await expect(body(a.page).locator('ins.desk-suggestion')).toHaveText('请认真贯彻落实。');

  // Delete the word 有关: select it (from after it, two characters left) and press Backspace.
  await a.page.keyboard.press('Control+Home');
  for (let i = 0; i < 12; i += 1) await a.page.keyboard.press('ArrowRight');
  await a.page.keyboard.press('Shift+ArrowLeft');
  await a.page.keyboard.press('Shift+ArrowLeft');
  await settle(a.page);
  await a.page.keyboard.press('Backspace');
  await expect(body(a.page).locator('.desk-suggestion-delete')).toHaveText('有关');
  await expect(body(a.page)).toHaveText(`${ORIGINAL}请认真贯彻落实。`);

  // The collaborator sees both marks with their author; the server keeps the original text.
  const inserted = body(b.page).locator('ins.desk-suggestion');
  await expect(inserted).toHaveText('请认真贯彻落实。');
  await expect(body(b.page).locator('.desk-suggestion-delete')).toHaveText('有关');
  await expect(inserted).toHaveAttribute('title', /^插入 · 王芳 · /);
  await expect.poll(() => serverText(owner, id)).toBe(ORIGINAL);

  // Both writers' panes list the two changes in order with the author.
  for (const page of [a.page, b.page]) {
    await expect(pane(page).getByRole('listitem')).toHaveCount(2);
    await expect(change(page, '删除', '王芳')).toContainText('有关');
    await expect(change(page, '插入', '王芳')).toContainText('请认真贯彻落实。');
  }
  await expect(pane(a.page).getByRole('listitem').first()).toContainText('删除');

  // Ctrl+Shift+E turns 修订 off and on again, as in Word.
  await body(a.page).focus();
  await a.page.keyboard.press('Control+Shift+E');
  await expect(toggle).toHaveText('修订：关');
  await a.page.keyboard.press('Control+Shift+E');
  await expect(toggle).toHaveText('修订：开');

  // 下一处 moves to the first change.
  await pane(a.page).getByRole('button', { name: '下一处' }).click();
  await expect(change(a.page, '删除', '王芳')).toHaveClass(/active/);
  await expect(body(a.page).locator('.desk-suggestion-delete.desk-suggestion-active')).toHaveText('有关');

  // The margin: a bar beside the paragraph and its author with the count; hovering names each change.
  const margin = b.page.getByRole('list', { name: '页边修订' });
  await expect(margin.getByRole('button')).toHaveText('王芳 2处');
  await expect(margin.getByRole('button')).toHaveAttribute('title', /删除“有关” · 王芳 · .*\n插入“请认真贯彻落实。” · 王芳/);
  const bar = await margin.locator('.suggestion-margin-bar').boundingBox();
  const paragraph = await body(b.page).locator('p').first().boundingBox();
  expect(Math.abs((bar?.y ?? 0) - (paragraph?.y ?? 100))).toBeLessThan(2);
  await shot(a.page, 'suggestions-marks');
  await shot(b.page, 'suggestions-collaborator');

  // The writer accepts the insertion: the server's text has it.
  await change(a.page, '插入', '王芳').getByRole('button', { name: '接受' }).click();
  await expect(body(a.page).locator('ins.desk-suggestion')).toHaveCount(0);
  await expect.poll(() => serverText(owner, id)).toBe(`${ORIGINAL}请认真贯彻落实。`);
  await expect(pane(b.page).getByRole('listitem')).toHaveCount(1);

  // Accepting is one undo step: 撤销 brings the mark back, and the text stays.
  await a.page.getByRole('button', { name: '撤销' }).click();
  await expect(body(a.page).locator('ins.desk-suggestion')).toHaveText('请认真贯彻落实。');
  await expect(body(a.page)).toHaveText(`${ORIGINAL}请认真贯彻落实。`);
  await expect.poll(() => serverText(owner, id)).toBe(ORIGINAL);
  await a.page.getByRole('button', { name: '重做' }).click();
  await expect(body(a.page).locator('ins.desk-suggestion')).toHaveCount(0);
  await expect.poll(() => serverText(owner, id)).toBe(`${ORIGINAL}请认真贯彻落实。`);

  // The collaborator rejects the deletion: 有关 stays, no mark is left.
  await change(b.page, '删除', '王芳').getByRole('button', { name: '拒绝' }).click();
  await expect(body(b.page).locator('.desk-suggestion')).toHaveCount(0);
  await expect(body(a.page).locator('.desk-suggestion')).toHaveCount(0);
  await expect(pane(a.page)).toContainText('没有待处理的修订');
  await expect(a.page.getByRole('list', { name: '页边修订' })).toHaveCount(0);
  await expect(body(a.page)).toHaveText(`${ORIGINAL}请认真贯彻落实。`);
  await expect.poll(() => serverText(owner, id)).toBe(`${ORIGINAL}请认真贯彻落实。`);
  await a.context.close();
  await b.context.close();
});

test('修订: Delete marks the characters after the caret one by one, Backspace those before it; with 修订 off, typing after a deletion is not part of it', async ({ browser }) => {
  const id = await createDocument(owner, '删除键修订', [ORIGINAL]);
  const a = await loggedInPage(browser, server, owner);
  await openDocument(a.page, server, id);
  await a.page.getByRole('button', { name: /^修订/ }).click();
  await body(a.page).focus();
  await a.page.keyboard.press('Control+Home');
  // The caret after 现将, before 有关事项.
  for (let i = 0; i < 10; i += 1) await a.page.keyboard.press('ArrowRight');
  await settle(a.page);
  for (let i = 0; i < 3; i += 1) await a.page.keyboard.press('Delete');
  await a.page.keyboard.insertText('工作');
  // Word's order: what Delete struck, then what was typed after it (before the fix the caret stayed
  // in front of the first struck character, so Delete pressed again marked nothing more).
  await expect(body(a.page).locator('.desk-suggestion-delete')).toHaveText('有关事');
  await expect(body(a.page)).toHaveText('各街道、各部门：现将有关事工作项通知如下。');
  // Backspace strikes the characters before the caret, walking back over them.
  await caretToEnd(a.page);
  for (let i = 0; i < 3; i += 1) await a.page.keyboard.press('Backspace');
  await expect(body(a.page).locator('.desk-suggestion-delete')).toHaveText(['有关事', '如下。']);
  await expect(pane(a.page).getByRole('listitem')).toHaveCount(3);
  await expect.poll(() => serverText(owner, id)).toBe(ORIGINAL);
  // 修订 off: text typed right after the struck 如下。 is the writer's own, not part of the deletion.
  await a.page.keyboard.press('Control+Shift+E');
  await expect(a.page.getByRole('button', { name: /^修订/ })).toHaveText('修订：关');
  await caretToEnd(a.page);
  await a.page.keyboard.insertText('请执行。');
  await expect(body(a.page).locator('.desk-suggestion-delete')).toHaveText(['有关事', '如下。']);
  await expect.poll(() => serverText(owner, id)).toBe(`${ORIGINAL}请执行。`);
  await a.context.close();
});

test('修订 off: words typed inside a colleague\'s insertion are the writer\'s own, not more of the colleague\'s', async ({ browser }) => {
  const id = await createDocument(owner, '协作者插入中的直接输入', ['报送工作。'], [colleague]);
  const a = await loggedInPage(browser, server, owner);
  const b = await loggedInPage(browser, server, colleague);
  await openDocument(a.page, server, id);
  await openDocument(b.page, server, id);
  // 赵磊 inserts 信息 after 报送, with 修订 on.
  await b.page.getByRole('button', { name: /^修订/ }).click();
  await body(b.page).focus();
  await b.page.keyboard.press('Control+Home');
  for (let i = 0; i < 2; i += 1) await b.page.keyboard.press('ArrowRight');
  await b.page.keyboard.insertText('信息');
  await expect(body(a.page).locator('ins.desk-suggestion')).toHaveText('信息');
  // 王芳 turns 修订 off (for the piece, as in Word) and types 政务 between 信 and 息.
  await expect(a.page.getByRole('button', { name: /^修订/ })).toHaveText('修订：开');
  await a.page.getByRole('button', { name: /^修订/ }).click();
  await expect(a.page.getByRole('button', { name: /^修订/ })).toHaveText('修订：关');
  await body(a.page).focus();
  await a.page.keyboard.press('Control+Home');
  for (let i = 0; i < 3; i += 1) await a.page.keyboard.press('ArrowRight');
  await settle(a.page);
  await a.page.keyboard.insertText('政务');
  await expect(body(a.page)).toHaveText('报送信政务息工作。');
  // Both see 政务 as 王芳's insertion inside 赵磊's; 赵磊's own is still 信息.
  for (const page of [a.page, b.page]) {
    await expect(change(page, '插入', '赵磊')).toContainText('信息');
    await expect(change(page, '插入', '王芳')).toContainText('政务');
    await expect(body(page).locator('ins.desk-suggestion[title^="插入 · 王芳"]')).toHaveText('政务');
  }
  await expect.poll(() => serverText(owner, id)).toBe('报送工作。');
  await shot(a.page, 'suggestions-typed-inside-colleague-insertion');
  await a.context.close();
  await b.context.close();
});

test('修订 with a Chinese IME: the composed words become one insertion; 全部拒绝 by author', async ({ browser }) => {
  const id = await createDocument(owner, '输入法修订', ['报送工作。'], [colleague]);
  const a = await loggedInPage(browser, server, owner);
  const b = await loggedInPage(browser, server, colleague);
  await openDocument(a.page, server, id);
  await openDocument(b.page, server, id);
  // 修订 is the document's: turned on by one writer, it is on for the other too.
  await a.page.getByRole('button', { name: /^修订/ }).click();
  await expect(b.page.getByRole('button', { name: /^修订/ })).toHaveText('修订：开');

  await caretToEnd(a.page);
  const cdp = await a.context.newCDPSession(a.page);
  for (const [text, caret] of [['z', 1], ['zheng', 5], ['zheng wu', 8], ['政务', 2]] as const) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: caret, selectionEnd: caret });
  }
  await cdp.send('Input.insertText', { text: '政务' });
  await cdp.send('Input.imeSetComposition', { text: 'xin xi', selectionStart: 6, selectionEnd: 6 });
  await cdp.send('Input.insertText', { text: '信息' });
  await expect(body(a.page)).toHaveText('报送工作。政务信息');
  await expect(body(a.page).locator('ins.desk-suggestion')).toHaveText('政务信息');
  await expect(change(a.page, '插入', '王芳')).toContainText('政务信息');

  // The colleague's own edit in 修订 is a mark of the colleague.
  await body(b.page).getByText('报送工作。').click();
  await b.page.keyboard.press('Home');
  await settle(b.page);
  await b.page.keyboard.insertText('做好');
  await expect(change(a.page, '插入', '赵磊')).toContainText('做好');
  await expect.poll(() => serverText(owner, id)).toBe('报送工作。');

  // Reject all of 王芳's changes: 赵磊's stays pending.
  await pane(a.page).getByRole('combobox', { name: '按作者筛选' }).selectOption({ label: '王芳' });
  await expect(pane(a.page).getByRole('listitem')).toHaveCount(1);
  await shot(a.page, 'suggestions-pane-filter');
  await pane(a.page).getByRole('button', { name: '全部拒绝' }).click();
  await expect(body(a.page)).toHaveText('做好报送工作。');
  await expect(pane(a.page).getByRole('listitem')).toHaveCount(1);
  await expect(change(a.page, '插入', '赵磊')).toBeVisible();
  await pane(a.page).getByRole('button', { name: '全部接受' }).click();
  await expect.poll(() => serverText(owner, id)).toBe('做好报送工作。');
  await a.context.close();
  await b.context.close();
});

test('in review the writer\'s 审阅 pane lists the changes without 接受 or 拒绝; the holder gets them, with 修订 forced on', async ({ browser }) => {
  const id = await createDocument(owner, '审核中的修订', ['请各单位按时报送。']);
  const a = await loggedInPage(browser, server, owner);
  await openDocument(a.page, server, id);
  await caretToEnd(a.page);
  await a.page.keyboard.press('Control+Shift+E');
  await expect(a.page.getByRole('button', { name: /^修订/ })).toHaveText('修订：开');
  await a.page.keyboard.insertText('（12月底前）');
  await expect(change(a.page, '插入', '王芳')).toContainText('（12月底前）');
  await expect.poll(() => serverText(owner, id)).toBe('请各单位按时报送。');
  await owner.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: reviewer.id });

  // The writer: read-only, the list only.
  await expect(body(a.page)).toHaveAttribute('contenteditable', 'false');
  await expect(change(a.page, '插入', '王芳')).toContainText('（12月底前）');
  await expect(pane(a.page).getByRole('button', { name: /接受|拒绝/ })).toHaveCount(0);
  await expect(a.page.getByRole('button', { name: /^修订/ })).toHaveCount(0);

  // The holder of the checkpoint: suggest-only editing, and 接受 / 拒绝.
  const r = await loggedInPage(browser, server, reviewer);
  await openDocument(r.page, server, id);
  await expect(body(r.page)).toHaveAttribute('contenteditable', 'true');
  const toggle = r.page.getByRole('button', { name: /^修订/ });
  await expect(toggle).toHaveText('修订：开');
  await expect(toggle).toBeDisabled();
  await expect(change(r.page, '插入', '王芳').getByRole('button', { name: '接受' })).toBeVisible();
  await expect(r.page.getByTestId('pending-suggestions')).toHaveText('修订 1 处（王芳）');
  await shot(r.page, 'suggestions-in-review');

  // The holder accepts the writer's change and approves: the 审核记录 says the approval covers it.
  await change(r.page, '插入', '王芳').getByRole('button', { name: '接受' }).click();
  await expect.poll(() => serverText(owner, id)).toBe('请各单位按时报送。（12月底前）');
  await reviewer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'approve', assigneeId: signer.id });
  await r.page.getByRole('tab', { name: '审核记录' }).click();
  const approval = r.page.getByRole('list', { name: '审核记录' }).locator(':scope > li').last();
  await expect(approval).toHaveClass(/action-approve/);
  const decided = approval.getByTestId('history-decided');
  await expect(decided).toContainText('本次处理修订：接受 1 处');
  await decided.locator('summary').click();
  await expect(decided.getByRole('listitem')).toHaveText('接受 王芳 插入“（12月底前）”');
  await shot(r.page, 'suggestions-history');

  // 对比 of the submitted version with the current text: the submitted one had the change pending.
  await r.page.getByRole('tab', { name: '版本记录' }).click();
  const submitted = r.page.getByRole('list', { name: '版本列表' }).getByRole('listitem', { name: /提交审核/ });
  await submitted.getByRole('button', { name: /^对比 .* 与当前内容$/ }).click();
  const diff = r.page.getByRole('dialog', { name: '对比' });
  await expect(diff.getByRole('article').locator('ins')).toHaveText('（12月底前）');
  const pending = diff.getByRole('region', { name: /待处理修订/ });
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText('插入“（12月底前）”');
  await expect(pending).toContainText('王芳');
  await diff.getByRole('radio', { name: '接受全部修订后' }).check();
  await expect(diff.getByText('两者内容相同')).toBeVisible();
  await expect(diff.getByRole('article').locator('ins')).toHaveCount(0);
  await shot(r.page, 'suggestions-diff');
  await a.context.close();
  await r.context.close();
});

test('the holder suggests in a table cell and changes a paragraph\'s level: marks, not direct edits', async ({ browser }) => {
  const id = await createDocument(owner, '表格与层级修订', ['总体要求', '各项任务如下。']);
  const a = await loggedInPage(browser, server, owner);
  const editor = await openDocument(a.page, server, id);
  await caretToEnd(a.page);
  await a.page.getByRole('button', { name: '插入表格' }).click();
  await expect(editor.locator('table tr')).toHaveCount(3);
  await a.page.keyboard.insertText('道路');
  await a.page.keyboard.press('Tab');
  await a.page.keyboard.insertText('12');
  await expect.poll(() => serverText(owner, id)).toContain('12');
  const submitted = await serverText(owner, id);
  await owner.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: reviewer.id });
  await a.context.close();

  const r = await loggedInPage(browser, server, reviewer);
  const body2 = await openDocument(r.page, server, id);
  await expect(body2).toHaveAttribute('contenteditable', 'true');
  // Typing in a cell: an insertion of the reviewer, in the cell.
  await body2.locator('td').nth(1).click();
  await r.page.keyboard.press('End');
  await settle(r.page);
  await r.page.keyboard.insertText('公里');
  await expect(body2.locator('td').nth(1).locator('ins.desk-suggestion')).toHaveText('公里');
  // A level for the first paragraph: the level and its number are one change.
  await body2.getByText('总体要求').click();
  await settle(r.page);
  const level = r.page.getByRole('button', { name: '一级标题' });
  await expect(level).toBeEnabled();
  await level.click();
  await expect(body2.locator('p').first()).toHaveText('一、总体要求');
  await expect(body2.locator('p').first().locator('ins.desk-suggestion')).toHaveText('一、');
  // The pane lists them as one change, as the header counts them.
  await expect(change(r.page, '更改层级、插入', '李慎')).toContainText('一、');
  await expect(pane(r.page).getByRole('listitem')).toHaveCount(2);
  await expect(r.page.getByTestId('pending-suggestions')).toHaveText('修订 2 处（李慎）');
  await shot(r.page, 'suggestions-table-level');
  // Nothing was refused, and the server's text is still the writer's.
  await expect(r.page.getByText(/未能保存|被拒绝/)).toHaveCount(0);
  await expect.poll(() => serverText(reviewer, id)).toBe(submitted);
  const listed = await reviewer.api.ok<{ suggestions: Array<{ kind: string; text: string }> }>('GET', `/api/documents/${id}/suggestions`);
  expect(listed.suggestions.map((s) => [s.kind, s.text])).toEqual(expect.arrayContaining([['level', ''], ['insert', '一、'], ['insert', '公里']]));
  await r.context.close();
});
