/**
 * 修订 mode on a live editor: while it is on, the user's edits are captured as suggestions of the
 * user (core/suggestions/capture.ts). Review edits (接受, 拒绝) run through runReviewEdit, which
 * steps capture aside so that accepting a change is not itself recorded as a new suggestion.
 */
import { HISTORY_PUSH_TAG, type LexicalEditor } from 'lexical';
import { registerSuggesting } from '../../../../core/suggestions/capture';
import type { SuggestionAuthor } from '../../../../core/suggestions/types';
import { undoBoundary } from '../collab/undoBoundary';
import { registerCompositionInsertion } from './compositionInsertion';

interface Capture { author: SuggestionAuthor; unregister: (() => void) | null }

const captures = new WeakMap<LexicalEditor, Capture>();

/**
 * Turns 修订 on for `editor` as `author` (an IME's composing text lands in the author's insertion
 * from its start, see compositionInsertion.ts); the returned function turns it off again.
 */
export function startSuggesting(editor: LexicalEditor, author: SuggestionAuthor): () => void {
  const capture: Capture = { author, unregister: registerSuggesting(editor, author) };
  captures.set(editor, capture);
  const stopComposition = registerCompositionInsertion(editor, author);
  return () => {
    stopComposition();
    capture.unregister?.();
    capture.unregister = null;
    if (captures.get(editor) === capture) captures.delete(editor);
  };
}

/**
 * Runs `$fn` as one review edit of the body: one update tagged 'history-push' and fenced off in
 * collaboration's undo history, so Ctrl+Z undoes exactly it; 修订 capture does not see it. Does
 * nothing and returns undefined when the editor is read-only for this user.
 */
export function runReviewEdit<T>(editor: LexicalEditor, $fn: () => T): T | undefined {
  if (!editor.isEditable()) return undefined;
  const capture = captures.get(editor);
  capture?.unregister?.();
  const boundary = undoBoundary(editor);
  boundary?.stopCapturing();
  let result: T | undefined;
  try {
    editor.update(() => { result = $fn(); }, { discrete: true, tag: HISTORY_PUSH_TAG });
  } finally {
    boundary?.stopCapturing();
    // Capture resumes unless 修订 was turned off meanwhile.
    if (capture?.unregister && captures.get(editor) === capture) {
      capture.unregister = registerSuggesting(editor, capture.author);
    }
  }
  return result;
}
