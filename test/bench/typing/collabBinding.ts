/**
 * Binds a DOM Lexical editor to a Y.Doc synced with a Hocuspocus server, the way
 * src/core/editor/headless.ts binds its headless editor (Lexical's v1 Yjs binding, body root `root`)
 * but over a real HocuspocusProvider, whose awareness also carries the caret as CollaborationPlugin's
 * would. Hocuspocus' and Yjs' loosely typed corners stay in this file.
 */
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import {
  createBinding,
  syncLexicalUpdateToYjs,
  syncYjsChangesToLexical,
  type Provider,
} from '@lexical/yjs';
import type { LexicalEditor } from 'lexical';
import { BODY_ROOT } from '../../../src/core/editor/headless';
import { installTextPreservingSync } from '../../../src/core/editor/collabBinding';

export interface CollabSession {
  provider: HocuspocusProvider;
  /** Resolves on the provider's first `synced`, once the body has reached the editor. */
  synced: Promise<void>;
}

export function bindCollaboration(editor: LexicalEditor, options: { url: string; name: string; token: string }): CollabSession {
  // The binding as the desk's editor runs it (DeskEditor installs this too).
  installTextPreservingSync();
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: options.url, name: options.name, token: options.token, document: doc });
  const lexicalProvider: Provider = {
    awareness: provider.awareness as unknown as Provider['awareness'],
    connect: () => undefined,
    disconnect: () => undefined,
    on: () => undefined,
    off: () => undefined,
  };
  const binding = createBinding(editor, lexicalProvider, BODY_ROOT, doc, new Map([[BODY_ROOT, doc]]));
  editor.registerUpdateListener((payload) => {
    if (payload.tags.has('skip-collab')) return;
    syncLexicalUpdateToYjs(
      binding, lexicalProvider, payload.prevEditorState, payload.editorState,
      payload.dirtyElements, payload.dirtyLeaves, payload.normalizedNodes, payload.tags,
    );
  });
  const yjsToLexical = (events: Array<Y.YEvent<Y.XmlText>>, transaction: Y.Transaction): void => {
    if (transaction.origin !== binding) {
      syncYjsChangesToLexical(binding, lexicalProvider, events as never, false, () => undefined);
    }
  };
  binding.root.getSharedType().observeDeep(yjsToLexical as never);
  const synced = new Promise<void>((done) => provider.on('synced', () => done()));
  return { provider, synced };
}
