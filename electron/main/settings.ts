import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { DeskSettings } from '../../src/shared/desk';

const bounds = z.object({
  x: z.number().int(), y: z.number().int(),
  width: z.number().int().min(400), height: z.number().int().min(300),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof bounds>;

const stored = z.object({
  teamServerUrl: z.string().default(''),
  window: bounds.optional(),
});
type Stored = z.infer<typeof stored>;

export const DEFAULT_WINDOW: WindowBounds = { x: 80, y: 60, width: 1280, height: 860, maximized: false };

/** Checks a team server URL: empty (use the embedded server) or an http(s) URL without credentials. */
export function normalizeServerUrl(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('服务器地址必须以 http:// 或 https:// 开头');
  if (url.username || url.password) throw new Error('服务器地址不能包含用户名或密码');
  return url.origin;
}

/**
 * The shell's settings in one JSON file in the user-data folder: the team server (or none) and the
 * window's size and position. A missing or damaged file gives the defaults; writes are atomic.
 */
export class SettingsStore {
  private data: Stored;

  constructor(private readonly file: string) {
    this.data = SettingsStore.read(file);
  }

  private static read(file: string): Stored {
    try {
      return stored.parse(JSON.parse(readFileSync(file, 'utf8')));
    } catch {
      return { teamServerUrl: '' };
    }
  }

  get settings(): DeskSettings {
    return { teamServerUrl: this.data.teamServerUrl };
  }

  setSettings(settings: DeskSettings): void {
    this.data = { ...this.data, teamServerUrl: normalizeServerUrl(settings.teamServerUrl) };
    this.write();
  }

  get windowBounds(): WindowBounds {
    return this.data.window ?? DEFAULT_WINDOW;
  }

  setWindowBounds(value: WindowBounds): void {
    this.data = { ...this.data, window: bounds.parse(value) };
    this.write();
  }

  private write(): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.data, null, 2));
    renameSync(temporary, this.file);
  }
}
