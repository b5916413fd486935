/**
 * The review workflow end to end, in Chromium, on a 政务信息 piece (起草 → 信息审核 → 主任签发 → 定稿):
 * a writer, a reviewer and a signer, each in their own browser context, and a collaborator who typed
 * offline while the piece went into review.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import {
  ADMIN_PASSWORD, ApiClient, body, caretToEnd, connection, createUser, createWriter, loggedInPage, openDocument, serverText, startServer, type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let writer: TestUser;
let collaborator: TestUser;
let reviewer: TestUser;
let signer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'zhangmin', '张敏');
  collaborator = await createWriter(server, 'wujing', '吴静');
  reviewer = await createUser(server, 'lishen', '李慎', ['reviewer']);
  signer = await createUser(server, 'zhouqian', '周谦', ['signer']);
});

test.afterAll(async () => {
  await server?.dispose();
});

const PHRASE = '“一网通办”';
const PARAGRAPHS = [
  '今年以来，我区以数字政府建设为牵引，深入推进政务服务' + PHRASE + '改革，群众办事更加便捷。',
  '一是优化服务流程。全区承诺办理时限平均压缩60%以上。',
  '二是拓展办理渠道。推动高频事项“掌上办”“就近办”。',
];
const WRITER_EDIT = '（全年网上办件量达12.6万件）';
const OFFLINE_TEXT = '吴静离线时补充的一句。';

function workflowState(page: Page) {
  return page.getByTestId('workflow-state');
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = resolve(`test-results/${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Selects `text` inside the body (read-only or not), as a drag with the mouse would. */
async function selectInBody(page: Page, text: string): Promise<void> {
  await body(page).evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
    }
    throw new Error(`text not found in the body: ${wanted}`);
  }, text);
}

/** Puts the caret right after `text` in the editable body. */
async function caretAfter(page: Page, text: string): Promise<void> {
  await body(page).evaluate((root, wanted) => {
    (root as HTMLElement).focus();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        window.getSelection()?.collapse(node, at + wanted.length);
        return;
      }
    }
    throw new Error(`text not found in the body: ${wanted}`);
  }, text);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0))));
}

/** The texts the comment highlights (open and selected threads) cover now (CSS Custom Highlight API). */
async function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => ['review-comment', 'review-comment-active']
    .flatMap((name) => [...(CSS.highlights.get(name) ?? [])].map((range) => range.toString())));
}

async function takeAction(page: Page, action: string, fill?: { holder?: string; comment?: string }): Promise<void> {
  await page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (fill?.holder) await dialog.getByRole('combobox').first().selectOption({ label: fill.holder });
  if (fill?.comment) await dialog.getByRole('textbox').fill(fill.comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('a 政务信息 piece: drafted, annotated, returned, fixed, approved, signed; offline edits kept as a draft', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '我区深化“一网通办”改革 政务服务效能持续提升', kind: 'info',
    blocks: PARAGRAPHS.map((text) => ({ type: 'paragraph', text })),
  });
  await writer.api.ok('POST', `/api/documents/${id}/collaborators`, { userId: collaborator.id });

  // The writer drafts.
  const w = await loggedInPage(browser, server, writer);
  await openDocument(w.page, server, id);
  await expect(workflowState(w.page)).toHaveText('起草');
  await caretToEnd(w.page);
  await w.page.keyboard.type('下一步，将持续提升服务效能。');
  await expect.poll(() => serverText(writer, id)).toContain('下一步，将持续提升服务效能。');

  // The collaborator has the piece open, loses the server and keeps typing; then closes the page.
  const c = await loggedInPage(browser, server, collaborator);
  await openDocument(c.page, server, id);
  await server.stop();
  await expect(connection(c.page)).toHaveText('离线', { timeout: 15_000 });
  await caretToEnd(c.page);
  await c.page.keyboard.type(OFFLINE_TEXT);
  await expect(body(c.page)).toContainText(OFFLINE_TEXT);
  await c.page.waitForTimeout(500); // y-indexeddb writes each update right away; let it land
  await c.page.close();
  await server.restart();

  // Meanwhile the writer submits the piece to the reviewer.
  await expect(connection(w.page)).toHaveText('在线', { timeout: 20_000 });
  await takeAction(w.page, '提交审核', { holder: reviewer.displayName });
  await expect(workflowState(w.page)).toHaveText('审核中');
  await expect(w.page.getByRole('group', { name: '审核状态' })).toContainText('信息审核');
  await expect(w.page.getByRole('group', { name: '审核状态' })).toContainText(`${reviewer.displayName} 办理中`);
  await expect(body(w.page)).toHaveAttribute('contenteditable', 'false');

  // The collaborator comes back: the server refuses the offline edits; the app keeps them as a new draft.
  const cPage = await c.context.newPage();
  await cPage.goto(`${server.url}/#/documents/${id}`);
  const refusal = cPage.getByRole('alert').filter({ hasText: '你离线时的修改未能写入此稿' });
  await expect(refusal).toBeVisible({ timeout: 20_000 });
  const draftLink = refusal.getByRole('link');
  await expect(draftLink).toContainText('（离线修改）');
  await expect(connection(cPage)).toHaveText('在线', { timeout: 20_000 });
  await expect(body(cPage)).not.toContainText(OFFLINE_TEXT);
  expect(await serverText(writer, id)).not.toContain(OFFLINE_TEXT);
  await draftLink.click();
  await expect(cPage.getByRole('textbox', { name: '标题' })).toHaveValue(/（离线修改）$/);
  await expect(body(cPage)).toContainText(OFFLINE_TEXT, { timeout: 15_000 });
  await expect(workflowState(cPage)).toHaveText('起草');
  await c.context.close();

  // The reviewer finds it in 待办, can change the body only in 修订 (their typing is a mark, the
  // server's text stays), comments on a phrase and returns it.
  const r = await loggedInPage(browser, server, reviewer);
  const inboxLink = r.page.getByRole('navigation').getByRole('link', { name: /待办/ });
  await expect(inboxLink).toContainText('1');
  await inboxLink.click();
  await r.page.getByRole('region', { name: '待我审核' }).getByRole('link', { name: /一网通办/ }).click();
  await expect(connection(r.page)).toHaveText('在线', { timeout: 15_000 });
  const before = await body(r.page).textContent();
  await expect(body(r.page)).toHaveAttribute('contenteditable', 'true');
  await expect(r.page.getByRole('button', { name: /^修订/ })).toBeDisabled();
  await body(r.page).click();
  await r.page.keyboard.type('审核人想改');
  await expect(body(r.page).locator('ins.desk-suggestion')).toHaveText('审核人想改');
  await expect.poll(() => serverText(writer, id)).not.toContain('审核人想改');
  await r.page.getByRole('region', { name: /审阅/ }).getByRole('button', { name: '全部拒绝' }).click();
  await expect(body(r.page)).toHaveText(before ?? '');
  await expect(r.page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: '通过', exact: true })).toBeVisible();

  await selectInBody(r.page, PHRASE);
  await r.page.getByRole('button', { name: '添加批注' }).click();
  await r.page.getByRole('textbox', { name: '批注内容' }).fill('请补充改革以来的具体成效数据。');
  await r.page.locator('.new-thread').getByRole('button', { name: '添加批注' }).click();
  const reviewerThread = r.page.getByRole('listitem', { name: `批注：${PHRASE}` });
  await expect(reviewerThread).toContainText('请补充改革以来的具体成效数据。');
  await expect(reviewerThread.getByRole('button', { name: '编辑' })).toHaveCount(1);
  await expect.poll(() => highlightedTexts(r.page)).toEqual([PHRASE]);
  await r.page.evaluate(() => window.getSelection()?.removeAllRanges());
  await screenshot(r.page, testInfo, 'review-reviewer');
  await expect.poll(async () => (await reviewer.api.ok<{ threads: Array<{ quote: string; anchored: boolean }> }>(
    'GET', `/api/documents/${id}/comments`)).threads).toEqual([expect.objectContaining({ quote: PHRASE, anchored: true })]);

  await takeAction(r.page, '退回', { comment: '数据不够具体，请按批注修改后再报。' });
  await expect(workflowState(r.page)).toHaveText('已退回');

  // The writer sees the comment anchored on that phrase, edits, resolves it and resubmits.
  await w.page.reload();
  await expect(connection(w.page)).toHaveText('在线', { timeout: 15_000 });
  await expect(workflowState(w.page)).toHaveText('已退回');
  await expect(body(w.page)).toHaveAttribute('contenteditable', 'true');
  const writerThread = w.page.getByRole('listitem', { name: `批注：${PHRASE}` });
  await expect(writerThread).toContainText('请补充改革以来的具体成效数据。');
  await expect.poll(() => highlightedTexts(w.page)).toEqual([PHRASE]);
  // The reviewer's comment carries the reviewer's name, as the server knows it, and is theirs alone to edit.
  const reviewerComment = writerThread.locator('.thread-comment').filter({ hasText: '请补充改革以来的具体成效数据。' });
  await expect(reviewerComment.locator('.thread-author')).toHaveText(reviewer.displayName);
  await expect(reviewerComment.getByRole('button', { name: '编辑' })).toHaveCount(0);
  await expect(reviewerComment.getByRole('button', { name: '删除' })).toHaveCount(0);
  await screenshot(w.page, testInfo, 'review-returned');

  // An edit in the same paragraph, after the phrase: the anchor stays on it.
  await caretAfter(w.page, '群众办事更加便捷');
  await w.page.keyboard.type(WRITER_EDIT);
  await expect(body(w.page)).toContainText(`群众办事更加便捷${WRITER_EDIT}。`);
  await expect.poll(() => serverText(writer, id)).toContain(WRITER_EDIT);
  await expect.poll(() => highlightedTexts(w.page)).toEqual([PHRASE]);
  await writerThread.getByRole('button', { name: '回复' }).click();
  await writerThread.getByRole('textbox', { name: '回复内容' }).fill('已补充全年办件量。');
  await writerThread.getByRole('button', { name: '回复' }).click();
  await expect(writerThread).toContainText('已补充全年办件量。');
  // The writer's own reply is theirs to edit (编辑), under their own name.
  const writerReply = writerThread.locator('.thread-comment').filter({ hasText: '已补充全年办件量。' });
  await expect(writerReply.locator('.thread-author')).toHaveText(writer.displayName);
  await writerReply.getByRole('button', { name: '编辑' }).click();
  await writerReply.getByRole('textbox', { name: '编辑内容' }).fill('已补充全年网上办件量。');
  await writerThread.getByRole('button', { name: '保存' }).click();
  await expect(writerThread.locator('.thread-comment').filter({ hasText: '已补充全年网上办件量。' })).toContainText('已编辑');
  // The reviewer's open page hears of it from the server, without reloading.
  await expect(r.page.getByRole('listitem', { name: `批注：${PHRASE}` })).toContainText('已补充全年网上办件量。');
  await writerThread.getByRole('button', { name: '解决' }).click();
  await expect(w.page.locator('.resolved-threads summary')).toHaveText('已解决（1）');
  await expect.poll(() => highlightedTexts(w.page)).toEqual([]);
  await takeAction(w.page, '提交审核', { holder: reviewer.displayName });
  await expect(workflowState(w.page)).toHaveText('审核中');

  // The reviewer approves and names the signer.
  await r.page.reload();
  await expect(workflowState(r.page)).toHaveText('审核中');
  await takeAction(r.page, '通过', { holder: signer.displayName });
  await expect(r.page.getByRole('group', { name: '审核状态' })).toContainText('主任签发');
  await expect(r.page.getByRole('group', { name: '审核状态' })).toContainText('内容与审核通过时一致');

  // The signer signs: 定稿, read-only for everyone.
  const s = await loggedInPage(browser, server, signer);
  await expect(s.page.getByRole('navigation').getByRole('link', { name: /待办/ })).toContainText('1');
  await openDocument(s.page, server, id);
  await takeAction(s.page, '签发');
  await expect(workflowState(s.page)).toHaveText('定稿');
  await expect(s.page.getByRole('group', { name: '审核状态' })).toContainText('内容与审核通过时一致');
  await expect(body(s.page)).toHaveAttribute('contenteditable', 'false');
  await w.page.reload();
  await expect(workflowState(w.page)).toHaveText('定稿');
  await expect(body(w.page)).toHaveAttribute('contenteditable', 'false');
  await expect(w.page.getByRole('textbox', { name: '标题' })).not.toBeEditable();

  // 审核记录 lists every step with its content hash.
  await s.page.getByRole('tab', { name: '审核记录' }).click();
  const steps = s.page.getByRole('list', { name: '审核记录' }).getByRole('listitem');
  await expect(steps).toHaveCount(5);
  const expected = ['提交审核', '退回', '提交审核', '通过', '签发'];
  for (let i = 0; i < expected.length; i++) {
    await expect(steps.nth(i).locator('.history-action')).toHaveText(expected[i]);
    await expect(steps.nth(i).getByTestId('content-hash')).toHaveText(/^[0-9a-f]{12}$/);
    await expect(steps.nth(i).getByTestId('content-hash')).toHaveAttribute('title', /^v2:[0-9a-f]{64}$/);
  }
  await screenshot(s.page, testInfo, 'review-final');

  // A diff between the first submission and the final version shows the writer's edit.
  const { versions } = await signer.api.ok<{ versions: Array<{ id: string; name: string; origin: string }> }>('GET', `/api/documents/${id}/versions`);
  const transitions = versions.filter((v) => v.origin === 'transition');
  const firstSubmission = transitions[0];
  const final = transitions[transitions.length - 1];
  expect(firstSubmission.name).toContain('提交审核');
  expect(final.name).toContain('签发');
  await s.page.getByRole('tab', { name: '版本记录' }).click();
  const compare = s.page.getByRole('form', { name: '对比版本' });
  await compare.getByLabel('原版本').selectOption(firstSubmission.id);
  await compare.getByLabel('新版本').selectOption(final.id);
  await compare.getByRole('button', { name: '对比' }).click();
  const diff = s.page.getByRole('dialog', { name: '对比' });
  await expect(diff.getByRole('article').locator('ins').filter({ hasText: WRITER_EDIT })).toHaveCount(1);
  await expect(diff.getByRole('article')).toContainText(`群众办事更加便捷${WRITER_EDIT}。`);
  await screenshot(s.page, testInfo, 'review-diff');
  await diff.getByRole('button', { name: '关闭' }).click();

  for (const context of [w.context, r.context, s.context]) await context.close();
});

test('保存版本 with Ctrl+S, open it read-only, 对比 with the current text, 恢复此版本', async ({ browser }, testInfo) => {
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '关于开展安全生产大检查的通知', kind: 'official', blocks: [{ type: 'paragraph', text: '各街道、各部门：' }],
  });
  const w = await loggedInPage(browser, server, writer);
  await openDocument(w.page, server, id);
  await expect(workflowState(w.page)).toHaveText('拟稿');
  await caretToEnd(w.page);
  await w.page.keyboard.type('第一稿的内容。');
  await expect.poll(() => serverText(writer, id)).toBe('各街道、各部门：第一稿的内容。');

  await w.page.keyboard.press('Control+s');
  const save = w.page.getByRole('dialog', { name: '保存版本' });
  await save.getByLabel('版本名称').fill('第一稿');
  await save.getByRole('button', { name: '保存版本' }).click();
  await expect(save).toHaveCount(0);
  const first = w.page.getByRole('list', { name: '版本列表' }).getByRole('listitem', { name: '第一稿' });
  await expect(first).toBeVisible();

  await caretToEnd(w.page);
  await w.page.keyboard.type('第二稿补充。');
  await expect.poll(() => serverText(writer, id)).toBe('各街道、各部门：第一稿的内容。第二稿补充。');

  await first.getByRole('button', { name: '查看' }).click();
  const view = w.page.getByRole('dialog', { name: '版本：第一稿' });
  await expect(view.getByRole('article')).toContainText('各街道、各部门：第一稿的内容。');
  await expect(view.getByRole('article')).not.toContainText('第二稿补充');
  await view.getByRole('button', { name: '关闭' }).click();

  await first.getByRole('button', { name: '对比 第一稿 与当前内容' }).click();
  const diff = w.page.getByRole('dialog', { name: '对比' });
  await expect(diff.getByRole('article').locator('ins')).toHaveText('第二稿补充。');
  await screenshot(w.page, testInfo, 'review-versions');
  await diff.getByRole('button', { name: '关闭' }).click();

  await first.getByRole('button', { name: '恢复此版本' }).click();
  await w.page.getByRole('dialog', { name: '恢复此版本' }).getByRole('button', { name: '恢复此版本' }).click();
  await expect(body(w.page)).toHaveText('各街道、各部门：第一稿的内容。');
  await expect.poll(() => serverText(writer, id)).toBe('各街道、各部门：第一稿的内容。');
  await expect(w.page.getByRole('list', { name: '版本列表' }).getByRole('listitem', { name: '恢复自“第一稿”' })).toBeVisible();
  await w.context.close();
});

test('待办 notice when a piece arrives; admin edits 审核流程 and verifies the 审计日志', async ({ browser }, testInfo) => {
  test.setTimeout(90_000);
  const r = await loggedInPage(browser, server, reviewer);
  await r.page.getByRole('navigation').getByRole('link', { name: /待办/ }).click();
  await expect(r.page.getByRole('heading', { name: '待办', exact: true })).toBeVisible();
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '媒体稿件：社区志愿服务见闻', kind: 'media', blocks: [{ type: 'paragraph', text: '周末的社区里，到处是志愿者忙碌的身影。' }],
  });
  await writer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: reviewer.id });
  // The server pushes the change to 待办: a notice says the piece arrived.
  const notices = r.page.getByRole('region', { name: '通知' });
  await expect(notices).toContainText('《媒体稿件：社区志愿服务见闻》待你审核', { timeout: 5_000 });
  await expect(r.page.getByRole('region', { name: '待我审核' }).getByRole('link', { name: '媒体稿件：社区志愿服务见闻' })).toBeVisible();
  await screenshot(r.page, testInfo, 'review-inbox');
  await r.context.close();

  const admin = { id: '', username: 'admin', password: ADMIN_PASSWORD, displayName: '管理员', api: new ApiClient(server.url) };
  const a = await loggedInPage(browser, server, admin);
  await a.page.getByRole('navigation').getByRole('link', { name: '审核流程' }).click();
  const media = a.page.getByRole('region', { name: '媒体稿件' });
  await media.getByLabel('媒体稿件第1环节名称').fill('编辑审核');
  await media.getByRole('button', { name: '保存' }).click();
  await expect(media.getByText('已保存')).toBeVisible();
  await screenshot(a.page, testInfo, 'review-chains');
  const adminApi = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  const chains = await adminApi.ok<Record<string, { checkpoints: Array<{ name: string }> }>>('GET', '/api/chains');
  expect(chains.media.checkpoints.map((c) => c.name)).toEqual(['编辑审核']);

  await a.page.getByRole('navigation').getByRole('link', { name: '审计日志' }).click();
  await expect(a.page.getByRole('cell', { name: '提交审核' }).first()).toBeVisible();
  await a.page.getByRole('button', { name: '校验' }).click();
  await expect(a.page.getByRole('status', { name: '校验结果' })).toContainText('校验通过');
  await screenshot(a.page, testInfo, 'review-audit');
  await a.context.close();
});
