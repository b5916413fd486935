/**
 * 会签 with two holders in the browser, 撤回 and 催办 from the writer's side, and the reason of a
 * return at the top of the returned piece (综合文稿 on a chain of 会签 → 领导签发); then 会签 from
 * departments: the admin sets 部门 on 用户管理 and a 公文 chain's 会签 step to draw on them, and the
 * 核稿 holder chooses at least one holder from each department.
 */
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_PASSWORD, ApiClient, createDocument, createUser, createWriter, loggedInPage, openDocument, shot, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let writer: TestUser;
let finance: TestUser;
let planning: TestUser;

test.beforeAll(async () => {
  // 催办 after 1.8 s here (24 h by default).
  server = await startServer({ env: { WENGAO_REMIND_AFTER_HOURS: '0.0005' } });
  writer = await createWriter(server, 'wangmin', '王敏');
  finance = await createUser(server, 'sunli', '孙力', ['reviewer']);
  planning = await createUser(server, 'zhoujie', '周洁', ['reviewer']);
  await createUser(server, 'chenzhu', '陈主任', ['signer']);
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  await admin.ok('PUT', '/api/chains/comprehensive', { draftName: '起草', checkpoints: [
    { key: 'joint', name: '部门会签', role: 'reviewer', countersign: true },
    { key: 'leader', name: '领导签发', role: 'signer' },
  ] });
});

test.afterAll(async () => {
  await server?.dispose();
});

/** Takes `action` through its dialog, ticking `holders`, choosing `holder` and clicking a phrase. */
async function act(page: Page, action: string, fill: { holders?: string[]; holder?: string; phrase?: string } = {}): Promise<void> {
  await page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  for (const name of fill.holders ?? []) await dialog.getByRole('checkbox', { name }).check();
  if (fill.holder) await dialog.getByRole('combobox').selectOption({ label: fill.holder });
  if (fill.phrase) await dialog.getByRole('group', { name: '常用意见' }).getByRole('button', { name: fill.phrase, exact: true }).click();
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toHaveCount(0);
}

test('会签 with two holders: the step passes when both have approved, each with an opinion', async ({ browser }) => {
  const id = await createDocument(writer, '关于联合开展营商环境评估的报告', ['根据区委部署，财政局、发改委联合开展评估。']);
  const w = await loggedInPage(browser, server, writer);
  await openDocument(w.page, server, id);
  await act(w.page, '提交审核', { holders: ['孙力', '周洁'] });
  await expect(w.page.getByTestId('countersign-holders')).toHaveText('会签 0/2：孙力、周洁');

  const f = await loggedInPage(browser, server, finance);
  await openDocument(f.page, server, id);
  await f.page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: '通过', exact: true }).click();
  const dialog = f.page.getByRole('dialog', { name: '通过' });
  await expect(dialog).toContainText('还需其他 1 位会签人同意');
  await expect(dialog.getByRole('combobox')).toHaveCount(0);
  await dialog.getByRole('button', { name: '同意', exact: true }).click();
  await shot(f.page, 'countersign-dialog');
  await dialog.getByRole('button', { name: '通过', exact: true }).click();
  await expect(f.page.getByTestId('countersign-holders')).toHaveText('会签 1/2：孙力 ✓、周洁');
  await expect(f.page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: '通过' })).toHaveCount(0);

  const p = await loggedInPage(browser, server, planning);
  await openDocument(p.page, server, id);
  await act(p.page, '通过', { holder: '陈主任', phrase: '拟同意，请领导审定' });
  await expect(p.page.getByTestId('workflow-state')).toHaveText('审核中');
  await expect(p.page.getByText('陈主任 办理中')).toBeVisible();

  const { entries } = await writer.api.ok<{ entries: Array<{ actorName: string; opinion: string; checkpoint: string | null }> }>('GET', `/api/documents/${id}/history`);
  expect(entries.map((e) => [e.actorName, e.checkpoint, e.opinion])).toEqual([
    ['王敏', null, ''], ['孙力', '部门会签', '同意'], ['周洁', '部门会签', '拟同意，请领导审定'],
  ]);
  await p.page.getByRole('tab', { name: '审核记录' }).click().catch(() => undefined);
  await shot(p.page, 'countersign-passed');
  await Promise.all([w.context.close(), f.context.close(), p.context.close()]);
});

test('撤回 before anyone acted, 催办 once the holders have had it long enough, and the reason of a return on top', async ({ browser }) => {
  const id = await createDocument(writer, '关于2024年度重点工作进展的报告', ['一季度重点项目开工率达到92%。']);
  const w = await loggedInPage(browser, server, writer);
  await openDocument(w.page, server, id);
  await act(w.page, '提交审核', { holders: ['孙力'] });
  await act(w.page, '撤回');
  await expect(w.page.getByTestId('workflow-state')).toHaveText('起草');

  await writer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeIds: [finance.id, planning.id] });
  await w.page.reload();
  const remind = w.page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: '催办' });
  await expect(remind).toBeDisabled();
  await w.page.waitForTimeout(1_900);
  await w.page.reload();
  await expect(remind).toBeEnabled();
  await remind.click();
  const dialog = w.page.getByRole('dialog', { name: '催办' });
  await expect(dialog).toContainText('将提醒 孙力、周洁 尽快办理“部门会签”');
  await dialog.getByRole('textbox', { name: '催办留言' }).fill('周五前需报区委，请尽快会签。');
  await dialog.getByRole('button', { name: '催办', exact: true }).click();
  await expect(w.page.getByText(/^已催办/)).toBeVisible();
  const inbox = await finance.api.ok<{ toReview: Array<{ id: string; remindedAt: string | null }> }>('GET', '/api/inbox');
  expect(inbox.toReview.find((i) => i.id === id)?.remindedAt).toBeTruthy();

  await planning.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'return', comment: '第二部分缺少发改委的项目数据，请补充后再送会签。' });
  await w.page.reload();
  const notice = w.page.getByRole('note', { name: '退回意见' });
  await expect(notice).toContainText('周洁（部门会签）于');
  await expect(notice).toContainText('第二部分缺少发改委的项目数据，请补充后再送会签。');
  await shot(w.page, 'countersign-returned');
  await w.context.close();
});

test('会签 from departments: 部门 on 用户管理, the chain drawing on them, one holder at least from each', async ({ browser }) => {
  const checker = await createUser(server, 'lihe', '李核', ['reviewer']);
  const adminUser = { id: '', username: 'admin', password: ADMIN_PASSWORD, displayName: '管理员', api: new ApiClient(server.url) };
  const a = await loggedInPage(browser, server, adminUser);
  await a.page.getByRole('navigation').getByRole('link', { name: '用户管理' }).click();
  for (const [name, username, department] of [['孙力', 'sunli', '财务科'], ['周洁', 'zhoujie', '规划科']]) {
    await a.page.getByRole('row', { name: new RegExp(username) }).getByRole('button', { name: '编辑' }).click();
    const edit = a.page.getByRole('dialog', { name: `编辑用户：${username}` });
    await edit.getByLabel('部门（可选）').fill(department);
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(a.page.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: department })).toBeVisible();
  }
  await (await new ApiClient(server.url).login('admin', ADMIN_PASSWORD)).ok('PUT', '/api/chains/official', { draftName: '拟稿', checkpoints: [
    { key: 'check', name: '核稿', role: 'reviewer' }, { key: 'joint', name: '部门会签', role: 'reviewer', countersign: true }, { key: 'sign', name: '签发', role: 'signer' },
  ] });
  await a.page.getByRole('navigation').getByRole('link', { name: '审核流程' }).click();
  const official = a.page.getByRole('region', { name: '公文' });
  await official.getByLabel('公文第2环节会签人来源').selectOption('departments');
  const pick = official.getByRole('group', { name: '公文第2环节可选部门' });
  await pick.getByRole('button', { name: '+ 财务科' }).click();
  await pick.getByRole('button', { name: '+ 规划科' }).click();
  await official.getByRole('button', { name: '保存' }).click();
  await expect(official.getByText('已保存')).toBeVisible();
  await expect(official).toContainText('核稿 → 部门会签（会签：财务科、规划科） → 签发');
  await a.context.close();

  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '关于联合做好项目资金审核的通知', kind: 'official', blocks: [{ type: 'paragraph', text: '各单位：现将项目资金审核有关事项通知如下。' }],
  });
  await writer.api.ok('POST', `/api/documents/${id}/transitions`, { action: 'submit', assigneeId: checker.id });
  const c = await loggedInPage(browser, server, checker);
  await openDocument(c.page, server, id);
  await c.page.getByRole('group', { name: '审核状态' }).getByRole('button', { name: '通过', exact: true }).click();
  const dialog = c.page.getByRole('dialog', { name: '通过' });
  await dialog.getByRole('group', { name: '财务科' }).getByRole('checkbox', { name: '孙力' }).check();
  await dialog.getByRole('button', { name: '通过', exact: true }).click();
  await expect(dialog).toContainText('会签部门“规划科”尚未选择会签人：每个会签部门至少选择一位');
  await expect(dialog.getByRole('group', { name: '规划科' })).toContainText('请至少选一位');
  await shot(c.page, 'countersign-departments');
  await dialog.getByRole('group', { name: '规划科' }).getByRole('checkbox', { name: '周洁' }).check();
  await dialog.getByRole('button', { name: '通过', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(c.page.getByTestId('countersign-holders')).toHaveText('会签 0/2：财务科 孙力、规划科 周洁');
  await c.context.close();
});
