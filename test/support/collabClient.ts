/**
 * A collaborator without a browser: a Y.Doc bound to headless Lexical, connected to the desk server
 * by a real HocuspocusProvider over a real WebSocket (the `ws` package: Node 20 has no WebSocket).
 */
import * as Y from 'yjs';
import WebSocket from 'ws';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { $createTextNode, $getRoot, $isElementNode, type LexicalEditor } from 'lexical';
import { bindHeadlessEditor, readBody } from '../../src/core/editor/headless';
import { $createDeskParagraphNode } from '../../src/core/editor/DeskParagraphNode';

export interface CollabClient {
  doc: Y.Doc;
  editor: LexicalEditor;
  provider: HocuspocusProvider;
  /** Appends text to the last paragraph, as typing at the end would. */
  type(text: string): void;
  /** Adds a new paragraph with the text. */
  addParagraph(text: string): void;
  /** The body as plain text, one line per paragraph. */
  text(): string;
  /** Resolves when the server has acknowledged every local change. */
  acknowledged(timeoutMs?: number): Promise<void>;
  synced(timeoutMs?: number): Promise<void>;
  /**
   * Drops the connection (as a lost network would) and keeps the document; resolves once the socket
   * is closed, so nothing typed afterwards can slip out. `online()` comes back.
   */
  offline(): Promise<void>;
  online(): void;
  destroy(): void;
}

export async function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function connectClient(wsUrl: string, documentId: string, token: string, options: { connect?: boolean } = {}): CollabClient {
  const doc = new Y.Doc();
  const { editor, dispose } = bindHeadlessEditor(doc);
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: wsUrl,
    WebSocketPolyfill: WebSocket,
    autoConnect: options.connect ?? true,
    delay: 100,
    minDelay: 100,
    maxDelay: 500,
    factor: 1.5,
    jitter: false,
  });
  const provider = new HocuspocusProvider({ websocketProvider, name: documentId, document: doc, token });
  provider.attach();
  const edit = (fn: () => void): void => editor.update(fn, { discrete: true });
  return {
    doc,
    editor,
    provider,
    type: (text) => edit(() => {
      const last = $getRoot().getLastChild();
      if ($isElementNode(last)) last.append($createTextNode(text));
      else $getRoot().append($createDeskParagraphNode().append($createTextNode(text)));
    }),
    addParagraph: (text) => edit(() => { $getRoot().append($createDeskParagraphNode().append($createTextNode(text))); }),
    text: () => readBody(Y.encodeStateAsUpdate(doc)).text,
    acknowledged: (timeoutMs = 10_000) => waitFor(() => provider.isSynced && provider.unsyncedChanges === 0, timeoutMs, 'acknowledgement'),
    synced: (timeoutMs = 10_000) => waitFor(() => provider.isSynced, timeoutMs, 'first sync'),
    offline: async () => {
      websocketProvider.disconnect();
      await waitFor(() => websocketProvider.status === 'disconnected', 10_000, 'the socket to close');
    },
    online: () => { void websocketProvider.connect(); },
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
      dispose();
    },
  };
}
