import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, SettingsStore, normalizeServerUrl } from './settings';

const file = (): string => join(mkdtempSync(join(tmpdir(), 'wengao-settings-')), 'settings.json');

describe('settings', () => {
  it('remembers the team server and window bounds across instances', () => {
    const path = file();
    const first = new SettingsStore(path);
    expect(first.settings).toEqual({ teamServerUrl: '' });
    expect(first.windowBounds).toEqual(DEFAULT_WINDOW);
    first.setSettings({ teamServerUrl: 'https://wengao.yihe.gov.cn/some/path' });
    first.setWindowBounds({ x: 10, y: 20, width: 1400, height: 900, maximized: true });
    const second = new SettingsStore(path);
    expect(second.settings).toEqual({ teamServerUrl: 'https://wengao.yihe.gov.cn' });
    expect(second.windowBounds).toEqual({ x: 10, y: 20, width: 1400, height: 900, maximized: true });
  });

  it('falls back to defaults when the file is damaged', () => {
    const path = file();
    writeFileSync(path, '{ not json');
    expect(new SettingsStore(path).settings).toEqual({ teamServerUrl: '' });
  });

  it('accepts only http(s) server URLs without credentials', () => {
    expect(normalizeServerUrl('  ')).toBe('');
    expect(() => normalizeServerUrl('ftp://x')).toThrow(/http/);
    expect(() => normalizeServerUrl('https://a:b@x.cn')).toThrow(/用户名/);
    expect(() => normalizeServerUrl('wengao')).toThrow();
  });
});
