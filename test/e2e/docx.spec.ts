import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createWriter, login, openDocument, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let writer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'wangfang', '王芳');
});
test.afterAll(async () => { await server?.dispose(); });

test('文稿属性 checks as you type; 预览 renders the .docx; 导出 Word downloads a draft; 导入 Word opens a new document', async ({ page }, testInfo) => {
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '关于进一步规范政务信息报送工作的通知', kind: 'official',
    blocks: [{ type: 'paragraph', text: '为进一步提高政务信息报送质量，现就有关事项通知如下。' }, { type: 'paragraph', level: 1, text: '一、提高思想认识' }],
  });
  await login(page, server, writer);
  await openDocument(page, server, id);

  const panel = page.getByRole('region', { name: '文稿属性' });
  await panel.getByLabel('发文字号').fill('沂新办发[2023]012号');
  await expect(panel.getByRole('alert')).toContainText('六角括号');
  await expect(panel.getByRole('button', { name: '保存属性' })).toBeDisabled();
  await panel.getByLabel('发文字号').fill('沂新办发〔2023〕12号');
  await panel.getByLabel('发文机关标志').fill('临沂沂河新区党政办公室文件');
  await panel.getByLabel('成文日期').fill('2023年9月10日');
  await panel.getByRole('button', { name: '保存属性' }).click();
  await expect(panel.getByRole('status')).toHaveText('已保存');
  const detail = await writer.api.ok<{ properties: Record<string, string> }>('GET', `/api/documents/${id}`);
  expect(detail.properties).toMatchObject({ 发文字号: '沂新办发〔2023〕12号', 成文日期: '2023年9月10日' });

  await page.getByRole('button', { name: '预览' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('临沂沂河新区党政办公室文件')).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByText('沂新办发〔2023〕12号')).toBeVisible();
  // The masthead is narrowed to one line, as Word prints it (docx-preview alone would wrap it).
  const masthead = dialog.locator('span', { hasText: /^临沂沂河新区党政办公室文件$/ });
  await expect(masthead).toHaveCSS('transform', /matrix\(0\.\d+, 0, 0, 1, 0, 0\)/);
  const [line, paragraph] = await Promise.all([masthead.boundingBox(), masthead.locator('xpath=..').boundingBox()]);
  expect(line && paragraph && line.height).toBeGreaterThan(0);
  expect(paragraph?.height).toBeLessThan(2 * (line?.height ?? 0));
  await page.screenshot({ path: testInfo.outputPath('preview.png') });
  const downloadFromPreview = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出 Word' }).click();
  const download = await downloadFromPreview;
  expect(download.suggestedFilename()).toBe('关于进一步规范政务信息报送工作的通知（草稿）.docx');
  const saved = testInfo.outputPath('exported.docx');
  await download.saveAs(saved);
  await dialog.getByRole('button', { name: '关闭' }).click();

  await page.goto(server.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '导入 Word' }).click();
  await (await chooser).setFiles({ name: '导入.docx', mimeType: 'application/octet-stream', buffer: readFileSync(saved) });
  await expect(page.getByRole('textbox', { name: '正文' })).toContainText('一、提高思想认识', { timeout: 15_000 });
  await expect(page.getByRole('region', { name: '文稿属性' }).getByLabel('发文字号')).toHaveValue('沂新办发〔2023〕12号');
});
