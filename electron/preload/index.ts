/**
 * Exposes `window.desk` to the renderer: one function per IPC channel of the contract in
 * src/shared/desk.ts, plus a subscription to menu commands. Never raw `ipcRenderer`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { DESK_METHODS, MENU_CHANNEL, channelName, type DeskBridge, type MenuCommand } from '../../src/shared/desk';

const bridge = Object.fromEntries(DESK_METHODS.map((method) => [
  method, (...args: unknown[]) => ipcRenderer.invoke(channelName(method), ...args),
])) as unknown as DeskBridge;

contextBridge.exposeInMainWorld('desk', {
  ...bridge,
  onMenuCommand(listener: (command: MenuCommand) => void): () => void {
    const handler = (_event: unknown, command: MenuCommand): void => listener(command);
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
});
