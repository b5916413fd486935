/**
 * What only the desktop can do, with browser fallbacks: `window.desk` (the Electron preload) when
 * present, otherwise downloads, file inputs and in-page notices. Features call these, never
 * `window.desk` directly.
 */
import { ApiError, request } from '../api/client';
import type { DeskWindowApi, FileFilter, MenuCommand, OpenedFile } from '../../shared/desk';

declare global {
  interface Window { desk?: DeskWindowApi }
}

export function desk(): DeskWindowApi | null {
  return window.desk ?? null;
}

export const isDesktop = (): boolean => desk() !== null;

/** Saves bytes: the native save dialog on the desktop, a download in the browser. Resolves false when cancelled. */
export async function saveBytes(name: string, bytes: Uint8Array, filters: FileFilter[], mime = 'application/octet-stream'): Promise<boolean> {
  const bridge = desk();
  if (bridge) return (await bridge.saveFile(name, bytes, filters)) !== null;
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

/** Opens a file: the native dialog on the desktop, a file input in the browser. Resolves null when cancelled. */
export async function openFile(filters: FileFilter[]): Promise<OpenedFile | null> {
  const bridge = desk();
  if (bridge) return bridge.openFile(filters);
  return new Promise((resolve) => {
    const input = Object.assign(document.createElement('input'), {
      type: 'file',
      accept: filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(','),
    });
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      resolve(file ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

type NoticeListener = (title: string, body: string) => void;
const noticeListeners = new Set<NoticeListener>();

/** Subscribes the in-page notice area (used when there is no desktop notification). */
export function onInPageNotice(listener: NoticeListener): () => void {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
}

/** Shows a notice in the window itself (bottom right, a few seconds), on the desktop as in the browser. */
export function showInPageNotice(title: string, body: string): void {
  noticeListeners.forEach((listener) => listener(title, body));
}

/**
 * What the window says when the desktop shell tells it its embedded server stopped and is being
 * started again (after a growing delay; after repeated crashes the shell's own dialog says more).
 */
export const SERVER_RESTARTED_NOTICE = {
  title: '本机服务正在重新启动',
  body: '文稿台的本机服务意外停止，正在自动重新启动。打开的文稿仍在本机保存，服务恢复后会自动同步，不会丢失。',
} as const;

/** A desktop notification, or an in-page notice in the browser. */
export async function notify(title: string, body: string): Promise<void> {
  const bridge = desk();
  if (bridge) return bridge.notify(title, body);
  showInPageNotice(title, body);
}

/**
 * Menu commands from the desktop menu; a no-op subscription in the browser. The shell's
 * `server-restarted` is no command: it shows SERVER_RESTARTED_NOTICE in the window and is not passed on.
 */
export function onMenuCommand(listener: (command: MenuCommand) => void): () => void {
  return desk()?.onMenuCommand((command) => {
    if (command === 'server-restarted') showInPageNotice(SERVER_RESTARTED_NOTICE.title, SERVER_RESTARTED_NOTICE.body);
    else listener(command);
  }) ?? (() => undefined);
}

/** On the desktop with its embedded server: a token for the local user, without a password. */
export async function localLogin(): Promise<{ token: string } | null> {
  const secret = await desk()?.localLoginSecret();
  if (!secret) return null;
  try {
    return await request<{ token: string }>('/auth/local', { method: 'POST', body: { secret } });
  } catch (caught) {
    if (caught instanceof ApiError && caught.code !== 'network') return null;
    throw caught;
  }
}
