/**
 * 修订 in review, in Chromium: the 公文 story (拟稿 → 核稿 → 签发). The 核稿 reviewer, holder of the
 * checkpoint, fixes three words with 修订 forced on and approves; the 签发人 sees the marks, cannot
 * sign while they are pending and returns the piece; the writer accepts two and rejects one in the
 * 审阅 pane and resubmits; the chain approves and signs. Also: a holder typing with a Chinese IME
 * keeps a writable connection (the composing text is their own insertion from its first state).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import {
  body, caretToEnd, connection, createUser, createWriter, loggedInPage, openDocument, serverText, settle, shot, startServer, type RunningServer, type TestUser,
} from './desk';

let server: RunningServer;
let writer: TestUser;
let reviewer: TestUser;
let signer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'chenjing', '陈静');
  reviewer = await createUser(server, 'hegao', '何高', ['reviewer']);
  signer = await createUser(server, 'qianfa', '钱发', ['signer']);
});

test.afterAll(async () => {
  await server?.dispose();
});

const PARAGRAPHS = [
  '各镇人民政府，区政府各部门：',
  '为进一步加强全区安全生产工作，现就有关事项通知如下。',
  '一、各单位要认真落实主体责任，及时排查隐患。',
];

function pane(page: Page) {
  return page.getByRole('region', { name: /审阅/ });
}

function change(page: Page, kind: string, author: string, text: string) {
  return pane(page).getByRole('listitem', { name: `${kind} ${author}` }).filter({ hasText: text });
}

function workflowBar(page: Page) {
  return page.getByRole('group', { name: '审核状态' });
}

/** Selects `text` in the body, or (collapsed) puts the caret right after it. */
async function select(page: Page, text: string, collapseToEnd = false): Promise<void> {
  await body(page).evaluate((root, [wanted, collapse]) => {
    (root as HTMLElement).focus();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, collapse ? at + wanted.length : at);
      range.setEnd(node, at + wanted.length);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      return;
    }
    throw new Error(`text not found in the body: ${wanted}`);
  }, [text, collapseToEnd] as const);
  await settle(page);
}

async function takeAction(page: Page, action: string, fill?: { holder?: string; comment?: string }): Promise<void> {
  await workflowBar(page).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (fill?.holder) await dialog.getByRole('combobox').first().selectOption({ label: fill.holder });
  if (fill?.comment) await dialog.getByRole('textbox').fill(fill.comment);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

/** Exports Word from the page with the 修订 choice `choice`; the file's word/document.xml. */
async function exportedDocumentXml(page: Page, choice: '含修订' | '不含修订'): Promise<string> {
  const word = page.getByRole('region', { name: 'Word 文件' });
  await word.getByRole('combobox', { name: '导出修订' }).selectOption({ label: choice });
  const downloaded = page.waitForEvent('download');
  await word.getByRole('button', { name: '导出 Word' }).click();
  const path = await (await downloaded).path();
  const zip = await JSZip.loadAsync(readFileSync(path));
  return (await zip.file('word/document.xml')?.async('string')) ?? '';
}

interface Listed { kind: string; authorName: string; text: string }

async function serverSuggestions(user: TestUser, id: string): Promise<string[]> {
  const { suggestions } = await user.api.ok<{ suggestions: Listed[] }>('GET', `/api/documents/${id}/suggestions`);
  return suggestions.map((s) => `${s.kind}:${s.authorName}:${s.text}`);
}

async function createOfficial(title: string, paragraphs: string[]): Promise<string> {
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title, kind: 'official', blocks: paragraphs.map((text) => ({ type: 'paragraph', text })),
  });
  return id;
}

test('the 核稿 holder types with a Chinese IME in 修订: the composed text is their insertion, the connection stays writable', async ({ browser }) => {
  const id = await createOfficial('关于报送材料的通知', ['请于月底前报送材料。']);
  await writer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: reviewer.id });
  const r = await loggedInPage(browser, server, reviewer);
  await openDocument(r.page, server, id);
  await expect(body(r.page)).toHaveAttribute('contenteditable', 'true');

  await select(r.page, '报送', true);
  const cdp = await r.context.newCDPSession(r.page);
  for (const [text, caret] of [['z', 1], ['zheng', 5], ['zheng wu', 8], ['政务', 2]] as const) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: caret, selectionEnd: caret });
    // Each composing state reaches the server as it is typed: give it the time to refuse one.
    await r.page.waitForTimeout(150);
  }
  await cdp.send('Input.insertText', { text: '政务' });
  // A second composition right after the first extends the same insertion.
  await cdp.send('Input.imeSetComposition', { text: 'xin xi', selectionStart: 6, selectionEnd: 6 });
  await r.page.waitForTimeout(150);
  await cdp.send('Input.insertText', { text: '信息' });
  await expect(body(r.page)).toHaveText('请于月底前报送政务信息材料。');
  await expect(body(r.page).locator('ins.desk-suggestion')).toHaveText('政务信息');
  await expect.poll(() => serverSuggestions(writer, id)).toEqual(['insert:何高:政务信息']);
  await expect.poll(() => serverText(writer, id)).toBe('请于月底前报送材料。');

  // Still writable: no refusal, and the next keystrokes are stored too.
  await expect(r.page.getByRole('alert')).toHaveCount(0);
  await r.page.keyboard.insertText('和数据');
  await expect.poll(() => serverSuggestions(writer, id)).toEqual(['insert:何高:政务信息和数据']);
  await expect(connection(r.page)).toHaveText('在线');
  await r.context.close();
});

test('the 公文 story: 核稿 fixes three words in 修订 and approves; 签发人 returns; the writer accepts two, rejects one; signed', async ({ browser }) => {
  test.setTimeout(240_000);
  const id = await createOfficial('关于开展安全生产大检查的通知', PARAGRAPHS);

  // The writer drafts and submits to 核稿.
  const w = await loggedInPage(browser, server, writer);
  await openDocument(w.page, server, id);
  await caretToEnd(w.page);
  await w.page.keyboard.press('Enter');
  await w.page.keyboard.insertText('二、各镇各部门要于本月底前报送检查情况。');
  await expect.poll(() => serverText(writer, id)).toContain('报送检查情况。');
  await takeAction(w.page, '提交审核', { holder: reviewer.displayName });
  await expect(body(w.page)).toHaveAttribute('contenteditable', 'false');

  // The reviewer, holder of 核稿: 修订 forced on, only what it records is offered.
  const r = await loggedInPage(browser, server, reviewer);
  await openDocument(r.page, server, id);
  await expect(body(r.page)).toHaveAttribute('contenteditable', 'true');
  const toggle = r.page.getByRole('button', { name: /^修订/ });
  await expect(toggle).toHaveText('修订：开');
  await expect(toggle).toBeDisabled();
  await expect(toggle).toHaveAttribute('title', '审核中只能以修订方式修改');
  await expect(r.page.getByRole('button', { name: '加粗' })).toBeDisabled();
  await expect(r.page.getByRole('button', { name: '插入表格' })).toBeDisabled();

  // Three words: 全面 inserted, 认真 deleted, 切实 inserted.
  await select(r.page, '及时', true);
  await r.page.keyboard.insertText('全面');
  await select(r.page, '认真');
  await r.page.keyboard.press('Backspace');
  await select(r.page, '进一步', true);
  await r.page.keyboard.insertText('切实');
  // Ctrl+B changes no format while suggesting only (it would be a direct edit).
  await select(r.page, '主体');
  await r.page.keyboard.press('Control+b');
  await expect(body(r.page).locator('strong, b, .desk-text-bold')).toHaveCount(0);

  await expect(body(r.page).locator('ins.desk-suggestion')).toHaveText(['切实', '全面']);
  await expect(body(r.page).locator('.desk-suggestion-delete')).toHaveText('认真');
  await expect(pane(r.page).getByRole('listitem')).toHaveCount(3);
  await expect(pane(r.page).getByRole('button', { name: '接受', exact: true })).toHaveCount(3);
  await expect(workflowBar(r.page).getByTestId('pending-suggestions')).toHaveText('修订 3 处（何高）');
  await expect.poll(() => serverSuggestions(writer, id)).toEqual(['insert:何高:切实', 'delete:何高:认真', 'insert:何高:全面']);
  await expect(r.page.getByRole('alert')).toHaveCount(0);
  await shot(r.page, 'suggestion-story-holder');

  // Approve with the marks pending: they pass on to 签发.
  await takeAction(r.page, '通过', { holder: signer.displayName });
  await expect(workflowBar(r.page)).toContainText('签发');

  // The 签发人 sees the marks; sign is refused while they are pending; returns the piece.
  const s = await loggedInPage(browser, server, signer);
  await openDocument(s.page, server, id);
  await expect(body(s.page).locator('ins.desk-suggestion')).toHaveText(['切实', '全面']);
  await expect(body(s.page).locator('.desk-suggestion-delete')).toHaveText('认真');
  await expect(workflowBar(s.page).getByTestId('pending-suggestions')).toHaveText('修订 3 处（何高）');
  // 导出 Word offers 含修订 (Word revisions by their author) and 不含修订 (the original text).
  const withRevisions = await exportedDocumentXml(s.page, '含修订');
  expect(withRevisions).toMatch(/<w:ins [^>]*w:author="何高"/);
  expect(withRevisions).toMatch(/<w:del [^>]*w:author="何高"/);
  const clean = await exportedDocumentXml(s.page, '不含修订');
  expect(clean).not.toMatch(/<w:(ins|del) /);
  expect(clean).toContain('认真');
  expect(clean).not.toContain('全面');

  const refusedSign = await signer.api.request('POST', `/api/documents/${id}/transitions`, { action: 'sign' });
  expect(refusedSign.status).toBe(409);
  await workflowBar(s.page).getByRole('button', { name: '签发', exact: true }).click();
  const signDialog = s.page.getByRole('dialog', { name: '签发' });
  await signDialog.getByRole('button', { name: '签发', exact: true }).click();
  await expect(signDialog).toContainText('修订');
  await signDialog.getByRole('button', { name: '取消' }).click();
  await takeAction(s.page, '退回', { comment: '“切实”不必加，其余同意。' });

  // The writer accepts two and rejects one, and resubmits.
  await w.page.reload();
  await expect(w.page.getByTestId('workflow-state')).toHaveText('已退回');
  await expect(body(w.page)).toHaveAttribute('contenteditable', 'true');
  await expect(pane(w.page).getByRole('listitem')).toHaveCount(3);
  await change(w.page, '插入', '何高', '全面').getByRole('button', { name: '接受' }).click();
  await change(w.page, '删除', '何高', '认真').getByRole('button', { name: '接受' }).click();
  await change(w.page, '插入', '何高', '切实').getByRole('button', { name: '拒绝' }).click();
  await expect(pane(w.page)).toContainText('没有待处理的修订');
  await expect.poll(() => serverSuggestions(writer, id)).toEqual([]);
  await expect.poll(() => serverText(writer, id)).toContain('一、各单位要落实主体责任，及时全面排查隐患。');
  await takeAction(w.page, '提交审核', { holder: reviewer.displayName });

  // The chain approves and signs.
  await r.page.reload();
  await takeAction(r.page, '通过', { holder: signer.displayName });
  await s.page.reload();
  await takeAction(s.page, '签发');
  await expect(s.page.getByTestId('workflow-state')).toHaveText('定稿');
  expect(await serverText(writer, id)).toBe([
    '各镇人民政府，区政府各部门：',
    '为进一步加强全区安全生产工作，现就有关事项通知如下。',
    '一、各单位要落实主体责任，及时全面排查隐患。',
    '二、各镇各部门要于本月底前报送检查情况。',
  ].join('\n'));
  for (const ctx of [w.context, r.context, s.context]) await ctx.close();
});
