/**
 * Works around a caret jump in Lexical 0.52 (checked against 0.52.0's LexicalEvents.ts).
 *
 * Lexical keeps the last key pressed (`_inputState.lastKeyCode`) and never clears it. A later
 * multi-character text insertion reads it in `$maybeMoveSelectionPastTrailingAcceptanceBoundary`
 * (meant for macOS text replacements, whose input arrives while their key is down): when it is
 * `Enter` and the insertion ends its paragraph, the caret is moved to the start of the next block.
 * An IME committing ……, ——, “” or a phrase, and voice input, insert several characters at once with
 * no key down, so after any earlier Enter the caret jumped into the next paragraph and the writer's
 * next keystroke or heading button acted there (issue 11).
 *
 * Clearing the remembered key when it is released keeps the replacement case (its input arrives
 * before the key-up) and ends the stale one.
 */
import type { LexicalEditor } from 'lexical';

/** Registers the fix on `editor`'s root element; returns the function that removes it. */
export function registerInputStateFix(editor: LexicalEditor): () => void {
  const onKeyUp = (event: KeyboardEvent): void => {
    const state = editor._inputState;
    if (state.lastKeyCode === event.key) state.lastKeyCode = null;
  };
  // A click also ends whatever the last key meant.
  const onPointerDown = (): void => { editor._inputState.lastKeyCode = null; };
  return editor.registerRootListener((root, previous) => {
    previous?.removeEventListener('keyup', onKeyUp);
    previous?.removeEventListener('pointerdown', onPointerDown);
    root?.addEventListener('keyup', onKeyUp);
    root?.addEventListener('pointerdown', onPointerDown);
  });
}
