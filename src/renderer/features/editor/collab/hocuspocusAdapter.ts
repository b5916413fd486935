/**
 * Adapts a Hocuspocus 4 provider to the `Provider` interface Lexical's CollaborationPlugin drives.
 *
 * Lexical calls `connect()` / `disconnect()`, reads `.awareness`, and listens for
 * `sync` (isSynced: boolean), `status` ({status}), `update` and `reload`. Hocuspocus instead emits
 * `synced` ({state}), attaches documents to a shared `HocuspocusProviderWebsocket`, and its own
 * `connect()` is a deprecated no-op when the socket is not managed by the provider. This adapter owns
 * one socket and one provider per document and translates between the two:
 *
 * - `connect()` attaches the provider and opens the socket (which retries until `disconnect()`);
 * - `disconnect()` closes the socket; local edits keep landing in the Y.Doc (and its IndexedDB copy)
 *   and are sent when the socket is back, since Yjs' sync step exchanges whatever the server lacks;
 * - `synced` becomes `sync(true)`, a lost connection `sync(false)`; `status` passes through
 *   (`connecting` / `connected` / `disconnected`, the same words Lexical expects).
 *
 * It also derives the connection indicator's state (see `ConnectionState`) and whether the body is
 * open yet (see `OpenState`). Yjs' and Hocuspocus' loosely typed corners stay in this file.
 *
 * The offline copy (y-indexeddb) is attached at the first `connect()`, not when the adapter is made:
 * Lexical's CollaborationPlugin calls `connect()` only after its binding observes the Y.Doc, so what
 * the copy loads reaches the editor. Attached earlier, a copy that already held the body landed in the
 * Y.Doc unobserved, the server's sync then brought no difference, and the editor showed an editable
 * blank page over a full document (issue 11).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import type { Provider, ProviderAwareness } from '@lexical/yjs';
import * as Y from 'yjs';
import { decideOpenState, type OfflineCopyState, type OpenState } from './openState';

/** What the status bar shows: 在线 (all local edits acknowledged), 同步中, 离线. */
export type ConnectionState = 'online' | 'syncing' | 'offline';

export const CONNECTION_LABELS: Record<ConnectionState, string> = {
  online: '在线',
  syncing: '同步中',
  offline: '离线',
};

export type { OpenState } from './openState';

/** The browser's offline copy of the body (an IndexeddbPersistence), as the adapter uses it. */
export interface OfflineCopy {
  /** Settles once the copy's stored updates are applied to the Y.Doc. */
  whenSynced: Promise<unknown>;
  destroy(): Promise<void> | void;
}

/** How long an offline copy waits for a server that neither answers nor refuses before it opens. */
const OFFLINE_COPY_GRACE_MS = 2500;

/** The body's collab root, as Lexical's CollaborationPlugin names it (its default `rootName`). */
const BODY_ROOT = 'root';

type LexicalEvent = 'sync' | 'status' | 'update' | 'reload';
type Listener = (payload: never) => void;

export interface HocuspocusAdapterOptions {
  /** WebSocket URL of the collaboration endpoint, e.g. ws://host/collab. */
  url: string;
  /** Hocuspocus document name: the document id. */
  name: string;
  document: Y.Doc;
  token: string;
  /** Opens the offline copy of `document`; called once, at the first `connect()`. */
  offlineCopy?: (document: Y.Doc) => OfflineCopy;
}

/** The collaboration WebSocket URL of the page's own server (ws: or wss: by the page's protocol). */
export function collabUrl(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${protocol}//${location.host}/collab`;
}

export class HocuspocusAdapter implements Provider {
  readonly awareness: ProviderAwareness;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly provider: HocuspocusProvider;
  private readonly listeners = new Map<LexicalEvent, Set<Listener>>();
  private readonly stateListeners = new Set<() => void>();
  private socketStatus: 'connecting' | 'connected' | 'disconnected' = 'disconnected';
  /** The last connection attempt failed before it opened: the server is unreachable. */
  private attemptFailed = false;
  private denied = false;
  private destroyed = false;
  private state: ConnectionState = 'syncing';
  /** Stateless messages so far: a feature that subscribes late still hears the early ones. */
  private readonly statelessLog: string[] = [];
  private readonly statelessListeners = new Set<(payload: string) => void>();
  private readonly openOfflineCopy: ((document: Y.Doc) => OfflineCopy) | undefined;
  private offlineCopy: OfflineCopy | null = null;
  /** null until the offline copy has loaded; then whether it held any body. */
  private offlineCopyHasBody: boolean | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private graceOver = false;
  private serverSynced = false;
  private openState: OpenState = 'opening';

  constructor({ url, name, document, token, offlineCopy }: HocuspocusAdapterOptions) {
    this.openOfflineCopy = offlineCopy;
    this.socket = new HocuspocusProviderWebsocket({
      url,
      autoConnect: false,
      // Offices lose the server for minutes, not hours: keep retrying, at most every 5 s.
      // (@lifeomic/attempt refuses a delay below minDelay, failing the connection silently.)
      delay: 1000,
      minDelay: 500,
      factor: 1.5,
      maxDelay: 5000,
      maxAttempts: 0,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name,
      document,
      token,
    });
    const awareness = this.provider.awareness;
    if (!awareness) throw new Error('Hocuspocus provider created without awareness');
    // y-protocols' Awareness is what ProviderAwareness describes, with looser state types.
    this.awareness = awareness as unknown as ProviderAwareness;

    this.provider.on('status', ({ status }: { status: string }) => this.onStatus(status));
    this.provider.on('synced', ({ state }: { state: boolean }) => {
      if (state) this.serverSynced = true;
      this.emit('sync', state);
      this.refresh();
    });
    this.provider.on('unsyncedChanges', () => this.refresh());
    this.provider.on('stateless', ({ payload }: { payload: string }) => {
      this.statelessLog.push(payload);
      for (const listener of [...this.statelessListeners]) listener(payload);
    });
    this.provider.on('authenticationFailed', () => {
      this.denied = true;
      this.refresh();
    });
    this.socket.on('maxAttemptsFailed', ({ error }: { error: unknown }) => {
      console.error('collaboration connection gave up', error);
    });
    this.provider.on('authenticated', () => {
      this.denied = false;
      this.refresh();
    });
    document.on('update', this.onDocumentUpdate);
  }

  connect(): void {
    if (this.destroyed) return;
    this.attachOfflineCopy();
    this.provider.attach();
    this.socket.connect().catch(() => undefined);
  }

  /** Tries the server again at once (the socket also retries by itself, every few seconds). */
  retry(): void {
    if (this.destroyed) return;
    this.attemptFailed = false;
    this.refresh();
    this.socket.disconnect();
    this.socket.connect().catch(() => undefined);
  }

  disconnect(): void {
    if (this.destroyed) return;
    this.socket.disconnect();
  }

  /** Closes the connection for good and releases the provider (the Y.Doc stays with its owner). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    if (this.graceTimer !== null) clearTimeout(this.graceTimer);
    void this.offlineCopy?.destroy();
    this.provider.document.off('update', this.onDocumentUpdate);
    this.provider.destroy();
    this.socket.destroy();
    this.listeners.clear();
    this.stateListeners.clear();
    this.statelessListeners.clear();
  }

  on(type: LexicalEvent, callback: Listener): void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(callback);
  }

  off(type: LexicalEvent, callback: Listener): void {
    this.listeners.get(type)?.delete(callback);
  }

  /** The body Y.Doc this adapter syncs. */
  get document(): Y.Doc {
    return this.provider.document;
  }

  /** Subscribes to the server's stateless messages for the body (JSON payloads), those received so far first. */
  onStateless(listener: (payload: string) => void): () => void {
    for (const payload of this.statelessLog) listener(payload);
    this.statelessListeners.add(listener);
    return () => { this.statelessListeners.delete(listener); };
  }

  /** The connection indicator's current state. */
  getConnectionState(): ConnectionState {
    return this.state;
  }

  /** Whether the body may be shown and edited yet (see `OpenState`). */
  getOpenState(): OpenState {
    return this.openState;
  }

  /** True when the server refused this user's token for the document. */
  isDenied(): boolean {
    return this.denied;
  }

  /** Subscribes to connection state changes (for useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  };

  private attachOfflineCopy(): void {
    if (this.offlineCopy || !this.openOfflineCopy) return;
    const document = this.provider.document;
    const copy = this.openOfflineCopy(document);
    this.offlineCopy = copy;
    copy.whenSynced.then(
      () => { this.offlineCopyHasBody = document.get(BODY_ROOT, Y.XmlText).length > 0; },
      () => { this.offlineCopyHasBody = false; },
    ).finally(() => this.refresh());
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null;
      this.graceOver = true;
      this.refresh();
    }, OFFLINE_COPY_GRACE_MS);
  }

  private computeOpenState(): OpenState {
    return decideOpenState({
      current: this.openState,
      serverSynced: this.serverSynced,
      serverOut: this.denied || this.attemptFailed,
      offlineCopy: this.offlineCopyState(),
      graceOver: this.graceOver,
    });
  }

  private offlineCopyState(): OfflineCopyState {
    if (!this.openOfflineCopy) return 'none';
    if (this.offlineCopyHasBody === null) return 'loading';
    return this.offlineCopyHasBody ? 'body' : 'empty';
  }

  private readonly onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    this.emit('update', { update, origin });
  };

  private onStatus(status: string): void {
    if (status === 'connected') {
      this.attemptFailed = false;
    } else if (status === 'disconnected') {
      // Closing while still connecting means the attempt failed; closing an open connection does
      // not, so the first attempt after losing the server shows 同步中 rather than 离线.
      this.attemptFailed = this.socketStatus === 'connecting';
      this.emit('sync', false);
    }
    if (status === 'connecting' || status === 'connected' || status === 'disconnected') {
      this.socketStatus = status;
    }
    this.emit('status', { status });
    this.refresh();
  }

  private computeState(): ConnectionState {
    if (this.denied) return 'offline';
    switch (this.socketStatus) {
      case 'disconnected': return 'offline';
      case 'connecting': return this.attemptFailed ? 'offline' : 'syncing';
      case 'connected':
        return this.provider.isSynced && !this.provider.hasUnsyncedChanges ? 'online' : 'syncing';
    }
  }

  private refresh(): void {
    const next = this.computeState();
    const nextOpen = this.computeOpenState();
    if (next === this.state && nextOpen === this.openState) return;
    this.state = next;
    this.openState = nextOpen;
    for (const listener of [...this.stateListeners]) listener();
  }

  private emit(type: LexicalEvent, payload: unknown): void {
    const set = this.listeners.get(type);
    if (!set) return;
    // Listeners were registered for this event's payload type by Lexical.
    for (const listener of [...set]) (listener as (value: unknown) => void)(payload);
  }
}
