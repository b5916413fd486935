import { expect, test } from '@playwright/test';
import { startServer } from './desk';

test('on a fresh server the 初始化 page creates the administrator', async ({ page }) => {
  const server = await startServer({ env: { WENGAO_ADMIN_PASSWORD: '' } });
  try {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: '初始化' })).toBeVisible();
    await page.getByLabel('显示名称').fill('办公室管理员');
    await page.getByLabel('密码', { exact: true }).fill('setup-pass-123');
    await page.getByLabel('确认密码').fill('setup-pass-124');
    await page.getByRole('button', { name: '创建管理员' }).click();
    await expect(page.getByRole('alert')).toHaveText('两次输入的密码不一致');
    await page.getByLabel('确认密码').fill('setup-pass-123');
    await page.getByRole('button', { name: '创建管理员' }).click();
    await expect(page.getByRole('heading', { name: '文稿', exact: true })).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('办公室管理员');
    await expect(page.getByRole('navigation').getByRole('link', { name: '用户管理' })).toBeVisible();
  } finally {
    await server.dispose();
  }
});
