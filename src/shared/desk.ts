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
  /** Prints the window's print layout (the paged 预览's pages) through the system's print dialog; false when cancelled. */
  printPages(): Promise<boolean>;
  /** The window's print layout as a PDF (Chromium's printToPDF: A4, the pages' own margins). */
  printToPdf(): Promise<Uint8Array>;
}

export type DeskChannel = keyof DeskBridge;

/**
 * The IPC channel of each `DeskBridge` method, `desk:<method>`: the one list the preload exposes and
 * the main process handles; the compiler checks it names every method, and nothing else.
 */
export const DESK_CHANNELS = {
  openFile: 'desk:openFile',
  saveFile: 'desk:saveFile',
  notify: 'desk:notify',
  appVersion: 'desk:appVersion',
  server: 'desk:server',
  localLoginSecret: 'desk:localLoginSecret',
  getSettings: 'desk:getSettings',
  setSettings: 'desk:setSettings',
  printPages: 'desk:printPages',
  printToPdf: 'desk:printToPdf',
} as const satisfies { readonly [M in DeskChannel]: `desk:${M}` };

const isDeskChannel = (key: string): key is DeskChannel => Object.hasOwn(DESK_CHANNELS, key);

/** Every `DeskBridge` method, in the order of DESK_CHANNELS. */
export const DESK_METHODS: readonly DeskChannel[] = Object.keys(DESK_CHANNELS).filter(isDeskChannel);

/** The IPC channel of a bridge method. */
export const channelName = (method: DeskChannel): string => DESK_CHANNELS[method];

/** Menu commands the main process sends to the renderer (one channel, a command name). */
export const MENU_CHANNEL = 'desk:menu';
export type MenuCommand = 'new-document' | 'save-version' | 'find' | 'replace' | 'open-settings' | 'open-help' | 'server-restarted';

/** `window.desk` as the preload exposes it. */
export interface DeskWindowApi extends DeskBridge {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
