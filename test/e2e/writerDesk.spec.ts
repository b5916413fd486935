import { expect, test } from '@playwright/test';
import { ADMIN_PASSWORD, body, connection, createUser, createWriter, login, shot, startServer, type RunningServer } from './desk';

let server: RunningServer;
test.beforeAll(async () => { server = await startServer(); });
test.afterAll(async () => { await server.dispose(); });

test('a new 请示 starts from its template with the office defaults filled, and placeholders look like hints', async ({ page }) => {
  // The admin sets the 公文 defaults once, on the templates page.
  await login(page, server, { username: 'admin', password: ADMIN_PASSWORD });
  await page.getByRole('link', { name: '模板', exact: true }).click();
  const defaults = page.getByRole('form', { name: '公文单位默认信息' });
  await defaults.getByLabel('发文机关标志').fill('临沂沂河新区党政办公室文件');
  await defaults.getByLabel('印发机关').fill('沂河新区党政办公室');
  await defaults.getByRole('button', { name: '保存默认信息' }).click();
  await expect(defaults.getByRole('status')).toHaveText('已保存');
  await shot(page, 'writer-desk-templates');
  await page.getByRole('button', { name: '退出登录' }).click();

  const writer = await createWriter(server, 'desk-writer', '李撰稿');
  await login(page, server, writer);
  await page.getByRole('button', { name: '新建文稿' }).click();
  const dialog = page.getByRole('dialog', { name: '新建文稿' });
  await dialog.getByLabel('标题').fill('关于申请专项资金的请示');
  await dialog.getByLabel('类型').selectOption({ label: '公文' });
  await dialog.getByLabel('文种').selectOption({ label: '请示' });
  await shot(page, 'writer-desk-new');
  await dialog.getByRole('button', { name: '创建' }).click();

  await expect(connection(page)).toHaveText('在线', { timeout: 15_000 });
  await expect(body(page)).toContainText('妥否，请批示。');
  await expect(body(page)).toContainText('【请示事项');
  const properties = page.getByRole('region', { name: '文稿属性' });
  await expect(properties.getByLabel('发文机关标志')).toHaveValue('临沂沂河新区党政办公室文件');
  await expect(properties.getByLabel('印发机关')).toHaveValue('沂河新区党政办公室');
  await expect(properties.getByLabel('上行文')).toHaveValue('是');
  // An empty field shows an example marked as one, not something that could pass for a value.
  await expect(properties.getByLabel('主送机关')).toHaveValue('');
  await expect(properties.getByLabel('主送机关')).toHaveAttribute('placeholder', /^例：/);
  await shot(page, 'writer-desk-request');
});

test('a 约稿 is answered by a piece derived from a 调研报告', async ({ page }) => {
  const clerk = await createUser(server, 'desk-clerk', '王统计', ['clerk']);
  const writer = await createWriter(server, 'desk-researcher', '周调研');
  const outlets = (await clerk.api.ok<{ outlets: Array<{ id: string; name: string }> }>('GET', '/api/outlets')).outlets;
  await clerk.api.ok('POST', '/api/commissions', {
    outletId: outlets[0].id, topic: '园区招商经验', requirements: '1500字以内，突出数据', kind: 'info', deadline: '2099-06-30', warnDays: 3, assigneeId: writer.id,
  });
  // One due in two days (Shanghai): inside its three-day warning window.
  const soon = new Date(Date.now() + 2 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  await clerk.api.ok('POST', '/api/commissions', {
    outletId: outlets[0].id, topic: '防汛工作动态', kind: 'info', deadline: soon, warnDays: 3, assigneeId: writer.id,
  });
  const report = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '关于园区招商引资的调研报告', kind: 'research', blocks: [{ type: 'paragraph', text: '园区今年引进项目12个。' }],
  });

  await login(page, server, writer);
  await page.getByRole('link', { name: '待办' }).click();
  const due = page.getByRole('region', { name: '约稿' });
  await expect(due.getByRole('row', { name: /园区招商经验/ })).toContainText('待报');
  await expect(due.getByRole('row', { name: /防汛工作动态/ })).toContainText('即将到期');
  await expect(due.getByRole('row', { name: /防汛工作动态/ })).toContainText('还有 2 天');
  await expect(page.getByRole('navigation').getByLabel('1 件即将到期或已逾期')).toBeVisible();
  await shot(page, 'writer-desk-inbox');

  await page.goto(`${server.url}/#/documents/${report.id}`);
  await expect(connection(page)).toHaveText('在线', { timeout: 15_000 });
  const lineage = page.getByRole('region', { name: '来源与派生' });
  await lineage.getByLabel('派生为').selectOption({ label: '政务信息' });
  await lineage.getByRole('button', { name: '派生' }).click();

  await expect(page.locator('.kind-tag').first()).toHaveText('政务信息');
  await expect(connection(page)).toHaveText('在线', { timeout: 15_000 });
  await expect(body(page)).toContainText('园区今年引进项目12个。');
  const derived = page.getByRole('region', { name: '来源与派生' });
  await expect(derived.getByRole('link', { name: '关于园区招商引资的调研报告' })).toBeVisible();
  await derived.getByLabel('答复的约稿').selectOption({ label: `${outlets[0].name}：园区招商经验（截止 2099-06-30）` });
  await derived.getByRole('button', { name: '标记为答复' }).click();
  await expect(derived.getByText(/园区招商经验 · 截止 2099-06-30 · 已报送/)).toBeVisible();
  await shot(page, 'writer-desk-derived');

  await page.getByRole('navigation').getByRole('link', { name: /^约稿/ }).click();
  await expect(page.getByRole('row', { name: /园区招商经验/ })).toContainText('已报送');
  await shot(page, 'writer-desk-commissions');

  await page.getByRole('navigation').getByRole('link', { name: '统计' }).click();
  const yieldOf = page.getByRole('region', { name: '一稿多用' });
  await expect(yieldOf.getByRole('row', { name: /关于园区招商引资的调研报告/ })).toContainText('1');
  await expect(page.getByRole('region', { name: '约稿' })).toContainText('按时报送');
  await yieldOf.scrollIntoViewIfNeeded();
  await shot(page, 'writer-desk-dashboard');
});
