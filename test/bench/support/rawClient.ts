/**
 * A minimal collaborator for the benchmarks: a plain Y.Doc connected by a real HocuspocusProvider over
 * a real WebSocket, with no editor on top, so the same client code measures the desk server and the
 * bare baseline alike.
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { waitFor } from '../../support/collabClient';

export interface RawClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves on the provider's first `synced`. */
  synced(timeoutMs?: number): Promise<void>;
  /** Resolves when the server has acknowledged every local change. */
  acknowledged(timeoutMs?: number): Promise<void>;
  /** Disconnects and destroys the Y.Doc. */
  destroy(): void;
}

export function connectRawClient(wsUrl: string, documentName: string, token: string, doc = new Y.Doc()): RawClient {
  const websocketProvider = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider, name: documentName, document: doc, token });
  provider.attach();
  const synced = new Promise<void>((done) => {
    if (provider.isSynced) done();
    else provider.on('synced', () => done());
  });
  return {
    doc,
    provider,
    synced: (timeoutMs = 30_000) => withTimeout(synced, timeoutMs, 'first sync'),
    acknowledged: (timeoutMs = 30_000) =>
      waitFor(() => provider.isSynced && provider.unsyncedChanges === 0, timeoutMs, 'acknowledgement'),
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
      doc.destroy();
    },
  };
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`timed out waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
