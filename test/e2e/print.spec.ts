import { expect, test } from '@playwright/test';
import { createWriter, login, openDocument, shot, startServer, type RunningServer, type TestUser } from './desk';

let server: RunningServer;
let writer: TestUser;

test.beforeAll(async () => {
  server = await startServer();
  writer = await createWriter(server, 'wangfang', '王芳');
});
test.afterAll(async () => { await server?.dispose(); });

declare global { interface Window { printed?: { pages: number; numbers: string[]; sides: string[]; rootShown: string; appShown: string } | null } }

const PARAGRAPH = '为进一步提高政务信息报送质量和时效，充分发挥政务信息服务领导决策的参谋助手作用，经研究，现就有关事项通知如下。';

test('预览 shows A4 pages with their numbers; 打印 prints those pages alone', async ({ page }) => {
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '关于进一步规范政务信息报送工作的通知', kind: 'official',
    properties: { 发文字号: '沂新办发〔2023〕12号', 抄送: '区纪工委。', 印发机关: '临沂沂河新区党政办公室', 印发日期: '2023年9月10日' },
    blocks: Array.from({ length: 24 }, (_, i) => ({ type: 'paragraph', text: `${i + 1}. ${PARAGRAPH}` })),
  });
  await login(page, server, writer);
  await openDocument(page, server, id);

  await page.getByRole('button', { name: '预览', exact: true }).click();
  const dialog = page.getByRole('dialog');
  const preview = dialog.getByLabel('预览内容');
  await expect(preview).toHaveAttribute('data-pages', /\d+/, { timeout: 20_000 });
  const pages = preview.locator('section.print-page');
  const count = await pages.count();
  expect(count).toBeGreaterThanOrEqual(3);
  await expect(dialog.getByRole('status')).toHaveText(`共 ${count} 页`);
  // Every page is A4 (794 × 1123 CSS px) and holds its own lines; numbered pages say so, odd at the right.
  for (let i = 0; i < count; i += 1) {
    const box = await pages.nth(i).boundingBox();
    expect(Math.round(box?.width ?? 0)).toBe(794);
    expect(Math.round(box?.height ?? 0)).toBe(1123);
  }
  await expect(pages.nth(0).locator('.print-page-number')).toHaveText('— 1 —');
  await expect(pages.nth(0).locator('.print-page-number')).toHaveClass(/odd/);
  await expect(pages.nth(1).locator('.print-page-number')).toHaveText('— 2 —');
  await expect(pages.nth(1).locator('.print-page-number')).toHaveClass(/even/);
  // No page's text runs past its bottom margin.
  const overflow = await pages.evaluateAll((all) => all.filter((p) => {
    const article = p.querySelector('article');
    const style = getComputedStyle(p);
    return article && article.getBoundingClientRect().bottom > p.getBoundingClientRect().bottom - Number.parseFloat(style.paddingBottom) + 2
      && article.childElementCount > 1;
  }).length);
  expect(overflow).toBe(0);
  await shot(page, 'print-preview');
  await pages.nth(1).locator('.print-page-number').scrollIntoViewIfNeeded();
  await shot(page, 'print-preview-numbers');
  // The same pages as the server's PDF of the same file (LibreOffice), when it makes one.
  const pdf = await page.request.get(`${server.url}/api/documents/${id}/export.pdf`, { headers: { authorization: `Bearer ${writer.api.token}` } });
  if (pdf.status() === 200) {
    const pdfPages = ((await pdf.body()).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(count).toBe(pdfPages);
  }

  await page.evaluate(() => {
    window.printed = null;
    window.print = () => {
      const root = document.getElementById('print-root');
      const app = document.getElementById('root');
      window.printed = {
        pages: root?.querySelectorAll('section.print-page').length ?? 0,
        numbers: [...(root?.querySelectorAll('.print-page-number') ?? [])].map((n) => n.textContent ?? ''),
        sides: [...(root?.querySelectorAll('.print-page-number') ?? [])].map((n) => (n.classList.contains('odd') ? 'odd' : 'even')),
        rootShown: root ? getComputedStyle(root).display : 'missing',
        appShown: app ? getComputedStyle(app).display : 'missing',
      };
    };
  });
  await page.emulateMedia({ media: 'print' });
  await dialog.getByRole('button', { name: '打印' }).click();
  await expect.poll(() => page.evaluate(() => window.printed)).not.toBeNull();
  const printed = await page.evaluate(() => window.printed);
  expect(printed?.pages).toBe(count);
  expect(printed?.numbers.slice(0, 2)).toEqual(['— 1 —', '— 2 —']);
  expect(printed?.sides.slice(0, 2)).toEqual(['odd', 'even']);
  expect(printed?.rootShown).toBe('block');
  expect(printed?.appShown).toBe('none');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('#print-root')).toHaveCount(0);
});

test('every layout previews as numbered pages; 导出 PDF and 发文稿纸 download from the Word panel', async ({ page }) => {
  const { id } = await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title: '关于重点项目建设情况的调研报告', kind: 'research',
    blocks: Array.from({ length: 20 }, (_, i) => ({ type: 'paragraph', text: `${i + 1}. ${PARAGRAPH}` })),
  });
  await login(page, server, writer);
  await openDocument(page, server, id);
  const panel = page.getByRole('region', { name: 'Word 文件' });
  for (const layout of ['文稿', '政务信息', '公文']) {
    await panel.getByLabel('版式').selectOption({ label: layout });
    await panel.getByRole('button', { name: '预览', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const preview = dialog.getByLabel('预览内容');
    await expect(preview).toHaveAttribute('data-pages', /\d+/, { timeout: 20_000 });
    const pages = preview.locator('section.print-page');
    expect(await pages.count(), layout).toBeGreaterThanOrEqual(2);
    await expect(pages.nth(0).locator('.print-page-number'), layout).toHaveText('— 1 —');
    await expect(pages.nth(1).locator('.print-page-number'), layout).toHaveText('— 2 —');
    await dialog.getByRole('button', { name: '关闭' }).click();
  }

  const pdfDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: '导出 PDF' }).click();
  expect((await pdfDownload).suggestedFilename()).toBe('关于重点项目建设情况的调研报告（草稿）.pdf');
  const formDownload = page.waitForEvent('download');
  await panel.getByRole('button', { name: '审签单' }).click();
  expect((await formDownload).suggestedFilename()).toBe('关于重点项目建设情况的调研报告（调研报告审签单）.docx');
  await shot(page, 'print-panel');
});
