import * as Y from 'yjs';
import { $getRoot, $parseSerializedNode } from 'lexical';
import { bindHeadlessEditor, readBody } from '../../core/editor/headless';

/**
 * The Yjs update that turns the body in `live` (a Yjs state) into the body stored in `version`, made
 * by a headless editor on a copy: applied to the live document it is one new change, which keeps the
 * history. CPU-heavy on a long body: the server runs it in its worker pool.
 */
export function restoreUpdate(live: Uint8Array, version: Uint8Array): Uint8Array {
  const target = readBody(version).json;
  const copy = new Y.Doc();
  const { editor, dispose } = bindHeadlessEditor(copy);
  try {
    Y.applyUpdate(copy, live);
    const before = Y.encodeStateVector(copy);
    editor.update(() => {
      const root = $getRoot();
      root.clear();
      for (const child of target.root.children) root.append($parseSerializedNode(child));
    }, { discrete: true });
    return Y.encodeStateAsUpdate(copy, before);
  } finally {
    dispose();
  }
}
