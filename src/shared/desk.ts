/**
 * The contract between the Electron shell and the renderer: what only the desktop can do, exposed
 * as `window.desk` by the preload script, one method per IPC channel. The main process implements
 * `DeskBridge` (its handler object `satisfies` it); the renderer feature-detects `window.desk` and
 * falls back to browser means when it is absent (web mode).
 */
export interface FileFilter { name: string; extensions: string[] }

export interface OpenedFile { name: string; bytes: Uint8Array }

export interface DeskServerInfo {
  /** Base URL of the desk server the app talks to (embedded or the team's). */
  url: string;
  mode: 'embedded' | 'team';
}

export interface DeskSettings {
  /** Empty: the embedded server. Otherwise the team server's URL, e.g. https://wengao.example.gov.cn */
  teamServerUrl: string;
}

export interface DeskBridge {
  /** Native open dialog; resolves null when cancelled. */
  openFile(filters: FileFilter[]): Promise<OpenedFile | null>;
  /** Native save dialog, then writes the bytes; resolves the chosen path, or null when cancelled. */
  saveFile(suggestedName: string, bytes: Uint8Array, filters: FileFilter[]): Promise<string | null>;
  /** A desktop notification. */
  notify(title: string, body: string): Promise<void>;
  appVersion(): Promise<string>;
  server(): Promise<DeskServerInfo>;
  /**
   * A one-time secret that logs the local user into the embedded server without a password
   * (`POST /api/auth/local {secret}`); null when the app uses a team server.
   */
  localLoginSecret(): Promise<string | null>;
  getSettings(): Promise<DeskSettings>;
  /** Saves settings; a changed server takes effect after a restart of the app. */
  setSettings(settings: DeskSettings): Promise<void>;
}

export type DeskChannel = keyof DeskBridge;

/** IPC channel names, one per method: `desk:<method>`. */
export const DESK_CHANNELS: readonly DeskChannel[] = [
  'openFile', 'saveFile', 'notify', 'appVersion', 'server', 'localLoginSecret', 'getSettings', 'setSettings',
];

export const channelName = (method: DeskChannel): string => `desk:${method}`;

/** Menu commands the main process sends to the renderer (one channel, a command name). */
export const MENU_CHANNEL = 'desk:menu';
export type MenuCommand = 'new-document' | 'save-version' | 'find' | 'replace' | 'open-settings' | 'open-help' | 'server-restarted';

/** `window.desk` as the preload exposes it. */
export interface DeskWindowApi extends DeskBridge {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
