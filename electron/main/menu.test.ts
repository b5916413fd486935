import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu';

function item(template: MenuItemConstructorOptions[], menu: string, label: string): MenuItemConstructorOptions | undefined {
  const submenu = template.find((m) => m.label === menu)?.submenu;
  return Array.isArray(submenu) ? submenu.find((i) => i.label === label) : undefined;
}

describe('the application menu', () => {
  it('帮助 › 使用说明 opens the guide of the app itself, on every platform', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      let opened = 0;
      const template = menuTemplate({ command: () => undefined, about: () => undefined, openUserGuide: () => { opened += 1; } }, platform);
      const guide = item(template, '帮助', '使用说明');
      expect(guide?.click).toBeTypeOf('function');
      (guide?.click as () => void)();
      expect(opened).toBe(1);
    }
  });
});
