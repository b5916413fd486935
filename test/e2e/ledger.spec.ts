/**
 * 报送台账 and 统计 end to end: a clerk records a submission from a 定稿 piece, then an adoption and a
 * publication; the dashboard's figures and chart change; the exported .xlsx reads back with the same
 * rows; a bad import file is refused with its row errors listed.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import SQLite from 'better-sqlite3';
import { ADMIN_PASSWORD, ApiClient, login, startServer, type RunningServer } from './desk';
import { shanghaiDate } from '../../src/core/targets/dates';

let server: RunningServer;
const clerk = { username: 'tongji', password: 'tongji-pass-2023' };
const TITLE = '沂河新区重大项目集中开工';
const shots = (name: string) => `test-results/ledger-${name}.png`;

test.beforeAll(async () => {
  server = await startServer();
  const admin = await new ApiClient(server.url).login('admin', ADMIN_PASSWORD);
  await admin.ok('POST', '/api/users', { ...clerk, displayName: '王统计', roles: ['clerk'] });
  await admin.ok('POST', '/api/users', { username: 'zhangming', password: 'zhangming-pass', displayName: '张明', roles: ['writer'] });
  const writer = await new ApiClient(server.url).login('zhangming', 'zhangming-pass');
  const { id } = await writer.ok<{ id: string }>('POST', '/api/documents', { title: TITLE, kind: 'media' });
  // 定稿 comes from the review workflow; here the piece is made final directly in the database.
  const db = new SQLite(`${server.dataDir}/wengao.db`);
  db.pragma('busy_timeout = 5000');
  db.prepare("update documents set state = 'final' where id = ?").run(id);
  db.close();
});
test.afterAll(() => server.dispose());

function targetRow(page: Page, name: string): Locator {
  return page.getByRole('article', { name });
}

async function figure(page: Page, name: string, which: 'actual' | 'target' | 'expected' | 'projected'): Promise<string> {
  return (await targetRow(page, name).locator(`[data-figure="${which}"]`).textContent()) ?? '';
}

test('a clerk records an adoption and a publication; the dashboard, export and import follow', async ({ page }) => {
  await login(page, server, clerk);

  // The dashboard before: nothing counted yet.
  await page.getByRole('link', { name: '统计', exact: true }).click();
  await expect(page.getByRole('heading', { name: '统计', exact: true })).toBeVisible();
  await expect(targetRow(page, '中央、省级媒体发稿').locator('[data-figure="actual"]')).toHaveText('0');
  await expect(targetRow(page, '市级以上媒体发稿').locator('[data-figure="actual"]')).toHaveText('0');
  await targetRow(page, '市级以上媒体发稿').getByRole('button', { name: '市级以上媒体发稿', exact: true }).click();
  const chart = page.getByRole('figure', { name: '市级以上媒体发稿月度走势' });
  await expect(chart.locator('.recharts-bar-rectangle path')).toHaveCount(0);

  // 报送 from the 定稿 piece to a provincial and a city paper.
  await page.getByRole('link', { name: '报送台账' }).click();
  await page.getByRole('button', { name: '报送', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '报送' });
  await dialog.getByRole('combobox', { name: '选择文稿' }).selectOption({ label: `${TITLE}（媒体稿件 · 张明）` });
  await dialog.getByRole('checkbox', { name: '大众日报' }).check();
  await dialog.getByRole('checkbox', { name: '临沂日报' }).check();
  await page.screenshot({ path: shots('record') });
  await dialog.getByRole('button', { name: '确定报送' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已登记 2 条报送记录' })).toBeVisible();
  const rows = page.locator('.ledger-table tbody tr');
  await expect(rows).toHaveCount(2);

  // 采用, then 刊发 with its issue, on the provincial paper's row; and an evidence scan.
  await rows.filter({ hasText: '大众日报' }).getByRole('button', { name: TITLE }).click();
  const panel = page.getByRole('dialog', { name: TITLE });
  await panel.getByRole('button', { name: '采用', exact: true }).click();
  await panel.getByRole('button', { name: '记录采用' }).click();
  await expect(panel.locator('.submission-facts')).toContainText('已采用');
  await panel.getByRole('button', { name: '刊发', exact: true }).click();
  await panel.getByLabel('期号').fill('第 1234 期');
  await panel.getByLabel('版面').fill('第2版');
  await panel.getByRole('button', { name: '记录刊发' }).click();
  await expect(panel.locator('.submission-facts')).toContainText('已刊发');
  await expect(panel.getByRole('list', { name: '进展记录' }).getByRole('listitem')).toHaveCount(3);
  await panel.getByLabel('上传证明材料').setInputFiles({ name: '大众日报第2版.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 版面') });
  await expect(panel.getByRole('button', { name: '大众日报第2版.pdf' })).toBeVisible();
  await page.screenshot({ path: shots('panel') });
  await panel.getByRole('button', { name: '关闭' }).click();
  await expect(rows.filter({ hasText: '大众日报' })).toContainText('已刊发');
  await page.screenshot({ path: shots('ledger') });

  // The dashboard after: one publication counts toward both media targets; the chart has its bar.
  await page.getByRole('link', { name: '统计', exact: true }).click();
  await expect(targetRow(page, '中央、省级媒体发稿').locator('[data-figure="actual"]')).toHaveText('1');
  await expect(targetRow(page, '市级以上媒体发稿').locator('[data-figure="actual"]')).toHaveText('1');
  expect(await figure(page, '报送政务信息', 'actual')).toBe('0');
  const todayDate = shanghaiDate(new Date());
  const year = Number(todayDate.slice(0, 4));
  const day = (Date.UTC(year, Number(todayDate.slice(5, 7)) - 1, Number(todayDate.slice(8, 10))) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const days = year % 4 === 0 ? 366 : 365;
  expect(await figure(page, '中央、省级媒体发稿', 'expected')).toBe((Math.round(20 * day / days * 10) / 10).toLocaleString('zh-CN'));
  expect(await figure(page, '中央、省级媒体发稿', 'projected')).toBe((Math.round(days / day * 10) / 10).toLocaleString('zh-CN'));
  await targetRow(page, '市级以上媒体发稿').getByRole('button', { name: '市级以上媒体发稿', exact: true }).click();
  await expect(chart.locator('.recharts-bar-rectangle path')).toHaveCount(1);
  await expect(chart.locator('.bar-label text, text.bar-label').filter({ hasText: /^1$/ })).toHaveCount(1);
  await expect(page.getByRole('region', { name: '市级以上媒体发稿详情' }).getByLabel('按作者')).toContainText('张明');
  await page.mouse.move(0, 0);
  await page.screenshot({ path: shots('dashboard') });
  await page.getByRole('region', { name: '市级以上媒体发稿详情' }).screenshot({ path: shots('chart') });
  await targetRow(page, '市级以上媒体发稿').getByRole('button', { name: '查看计入“市级以上媒体发稿”的稿件' }).click();
  const counted = page.getByRole('table', { name: '计入稿件' });
  await expect(counted.locator('tbody tr')).toHaveCount(1);
  await expect(counted).toContainText('大众日报');
  await page.keyboard.press('Escape');

  // 年度目标: a manual target's count, entered by the clerk.
  await page.getByRole('button', { name: '年度目标' }).click();
  const targetsDialog = page.getByRole('dialog', { name: `${year} 年度目标` });
  await targetsDialog.getByLabel('举办“沂河大讲堂”已完成').fill('3');
  await page.screenshot({ path: shots('targets') });
  await targetsDialog.getByRole('button', { name: '保存' }).click();
  await expect(targetRow(page, '举办“沂河大讲堂”').locator('[data-figure="actual"]')).toHaveText('3');

  // Export: the .xlsx reads back with the rows the ledger shows.
  await page.getByRole('link', { name: '报送台账' }).click();
  await expect(rows).toHaveCount(2);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`报送台账-${year}.xlsx`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('报送台账');
  const exported: string[][] = [];
  sheet?.eachRow((row) => exported.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  expect(exported[0]).toEqual(['序号', '标题', '作者', '类别', '报送单位/媒体', '级别', '报送日期', '状态', '采用/刊发日期', '期号/链接', '批示', '得分']);
  const shown = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(exported.slice(1).map((r) => [r[1], r[4], r[7]]).sort()).toEqual(
    shown.map((r) => [r[0].replace('手工', ''), r[3].replace(/(中央|省级|市级|区级)$/, '').trim(), r[5]]).sort());
  expect(exported.find((r) => r[4] === '大众日报')).toEqual(['1', TITLE, '张明', '媒体稿件', '大众日报', '省级', todayDate, '已刊发', todayDate, '第 1234 期 第2版', '', '5']
    .map((v, i) => (i === 0 ? expect.any(String) : v)));

  // A bad import is refused with its row errors, and nothing is imported.
  await page.getByRole('button', { name: '导入台账' }).click();
  const importer = page.getByRole('dialog', { name: '导入台账' });
  const bad = ['序号,标题,作者,类别,报送单位/媒体,级别,报送日期,状态,采用/刊发日期,期号/链接,批示,得分',
    `1,好的一行,张明,媒体稿件,临沂日报,市级,${year}-05-01,已报送,,,,`,
    `2,,张明,小说,临沂日报,市级,${year}-13-01,已报送,,,,`,
    `3,新区夜经济,李华,媒体稿件,不存在的报,,${year}-05-02,已刊发,,,,`].join('\r\n');
  await importer.getByLabel('选择文件').setInputFiles({ name: '台账.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await importer.getByRole('button', { name: '开始导入' }).click();
  await expect(importer.getByRole('alert')).toContainText('2 行不符合要求，未导入任何记录');
  const report = importer.getByRole('table', { name: '校验结果' });
  await expect(report.locator('tbody tr')).toHaveCount(2);
  await expect(report.locator('tbody tr').nth(0)).toContainText('第 3 行');
  await expect(report.locator('tbody tr').nth(0)).toContainText('标题为空');
  await expect(report.locator('tbody tr').nth(1)).toContainText('第 4 行');
  await expect(report.locator('tbody tr').nth(1)).toContainText('不在刊物与媒体目录中');
  await page.screenshot({ path: shots('import') });
  await importer.getByRole('button', { name: '关闭', exact: true }).first().click();
  await expect(rows).toHaveCount(2);

  // 作废: the city paper's row was recorded by mistake. It needs a reason, then takes no more events.
  await rows.filter({ hasText: '临沂日报' }).getByRole('button', { name: TITLE }).click();
  const mistaken = page.getByRole('dialog', { name: TITLE });
  await mistaken.getByRole('button', { name: '作废', exact: true }).click();
  const voidForm = mistaken.getByRole('form', { name: '作废' });
  await voidForm.getByRole('button', { name: '确认作废' }).click();
  await expect(mistaken.getByRole('alert')).toHaveText('请填写作废原因');
  await voidForm.getByLabel('作废原因').fill('报送单位选错');
  await voidForm.getByRole('button', { name: '确认作废' }).click();
  await expect(mistaken.locator('.submission-facts')).toContainText('已作废');
  await expect(mistaken.getByRole('status')).toContainText('此记录已作废，不计入统计');
  await expect(mistaken.getByRole('group', { name: '记录进展' })).toHaveCount(0);
  await expect(mistaken.getByRole('list', { name: '进展记录' }).getByRole('listitem').last()).toContainText('作废');
  await page.screenshot({ path: shots('void') });
  await mistaken.getByRole('button', { name: '关闭' }).click();
  await expect(rows.filter({ hasText: '临沂日报' })).toContainText('已作废');

  await page.getByRole('link', { name: '刊物与媒体' }).click();
  await expect(page.getByRole('heading', { name: '刊物与媒体' })).toBeVisible();
  await page.screenshot({ path: shots('outlets') });
});

test('a writer tags a draft with its publication targets; the document list filters by them', async ({ page }) => {
  await login(page, server, { username: 'zhangming', password: 'zhangming-pass' });
  const writer = await new ApiClient(server.url).login('zhangming', 'zhangming-pass');
  const { id } = await writer.ok<{ id: string }>('POST', '/api/documents', { title: '在经济工作会议上的讲话', kind: 'comprehensive' });
  await page.goto(`${server.url}/#/documents/${id}`);
  const tags = page.getByLabel('发表目标', { exact: true });
  await tags.getByRole('button', { name: '发表目标' }).click();
  const dialog = page.getByRole('dialog', { name: '发表目标' });
  await dialog.getByRole('checkbox', { name: '市级以上刊物发表综合文稿' }).check();
  await dialog.getByRole('checkbox', { name: /临沂通讯/ }).check();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(tags.locator('.target-chip')).toHaveText(['市级以上刊物发表综合文稿', '临沂通讯']);
  await page.screenshot({ path: shots('editor-tags') });

  await page.getByRole('link', { name: '文稿', exact: true }).click();
  await expect(page.locator('.doc-table tbody tr')).toHaveCount(2);
  await page.getByRole('combobox', { name: '发表目标' }).selectOption({ label: '市级以上刊物发表综合文稿' });
  await expect(page.locator('.doc-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.doc-table tbody tr')).toContainText('在经济工作会议上的讲话');
});
