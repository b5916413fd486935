import { expect, test } from '@playwright/test';
import { createWriter, login, openDocument, startServer, type RunningServer } from './desk';

let server: RunningServer;
test.beforeAll(async () => { server = await startServer(); });
test.afterAll(async () => { await server.dispose(); });

test('文稿属性 proposes the next 发文字号 and warns about a number used twice', async ({ page }) => {
  const writer = await createWriter(server, 'register-writer', '孙撰稿');
  const official = async (title: string, number: string) => (await writer.api.ok<{ id: string }>('POST', '/api/documents', {
    title, kind: 'official', properties: { 发文字号: number, 成文日期: '2023年9月10日' },
  })).id;
  await official('关于规范政务信息报送工作的通知', '沂新办发〔2023〕12号');
  const id = await official('关于开展调研工作的通知', '沂新办发〔2023〕12号');

  await login(page, server, writer);
  await openDocument(page, server, id);
  const panel = page.getByRole('region', { name: '文稿属性' });
  await expect(panel.getByRole('alert').filter({ hasText: '此编号已被《关于规范政务信息报送工作的通知》使用' })).toBeVisible();
  await expect(panel.getByText('下一个编号：沂新办发〔2023〕13号')).toBeVisible();
  await panel.getByRole('button', { name: '使用' }).click();
  await expect(panel.getByLabel('发文字号')).toHaveValue('沂新办发〔2023〕13号');
  await panel.getByRole('button', { name: '保存属性' }).click();
  await expect(panel.getByText('此编号已被')).toHaveCount(0);
  const saved = await writer.api.ok<{ properties: Record<string, string> }>('GET', `/api/documents/${id}`);
  expect(saved.properties.发文字号).toBe('沂新办发〔2023〕13号');
});
