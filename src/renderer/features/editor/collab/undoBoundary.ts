/** Where one undo step ends and the next begins, with collaboration's own undo history. */
import { UndoManager } from 'yjs';
import type { LexicalEditor } from 'lexical';

/** The part of Yjs' UndoManager that closes the current undo step. */
export interface UndoBoundary { stopCapturing(): void }

/**
 * Yjs' UndoManager, which CollaborationPlugin publishes on the editor under this well-known key
 * (@lexical/react 0.52): it merges edits made within 500 ms into one undo step, so an edit made by
 * a click (a replacement, an accepted change) is fenced off with stopCapturing() before and after.
 * Null when the editor has no collaboration binding.
 */
export function undoBoundary(editor: LexicalEditor): UndoBoundary | null {
  const manager: unknown = Reflect.get(editor, Symbol.for('@lexical/yjs/UndoManager'));
  return typeof manager === 'object' && manager !== null && typeof Reflect.get(manager, 'stopCapturing') === 'function'
    ? manager as UndoBoundary : null;
}

/** The UndoManager CollaborationPlugin published on `editor` (see undoBoundary); null without one. */
export function collabUndoManager(editor: LexicalEditor): UndoManager | null {
  const manager: unknown = Reflect.get(editor, Symbol.for('@lexical/yjs/UndoManager'));
  return manager instanceof UndoManager ? manager : null;
}
