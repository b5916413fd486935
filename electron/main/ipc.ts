import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { DESK_METHODS, channelName, type DeskBridge } from '../../src/shared/desk';

/** Registers one IPC handler per bridge method; calls from frames that are not the app's own are refused. */
export function registerDeskHandlers(
  ipcMain: IpcMain,
  handlers: DeskBridge,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): () => void {
  for (const method of DESK_METHODS) {
    ipcMain.handle(channelName(method), (event, ...args: unknown[]) => {
      if (!isTrusted(event)) throw new Error(`refused ${method} from an untrusted sender`);
      const handler = handlers[method] as (...a: unknown[]) => unknown;
      return handler(...args);
    });
  }
  return () => DESK_METHODS.forEach((method) => ipcMain.removeHandler(channelName(method)));
}
