/**
 * Keys act on the selection the writer sees (issue 11).
 *
 * Lexical takes the browser's selection on `selectionchange`, which the browser fires as a task of
 * its own, and on `keydown` it keeps the selection it had. A key pressed before that task has run
 * (Shift+↓ then Backspace in quick succession, or on a busy machine) was handled against the
 * selection from before the change: Backspace over a highlighted range joined the paragraph with the
 * one above instead of deleting the range. This reads the browser's selection at every keydown,
 * before any other handler, and hands it to Lexical when it differs.
 *
 * Only a text (range) selection is replaced: a table's cell selection is Lexical's own and has no
 * browser counterpart. During IME composition nothing is touched.
 */
import {
  $createRangeSelectionFromDom, $getSelection, $isRangeSelection, $setSelection, COMMAND_PRIORITY_CRITICAL,
  KEY_DOWN_COMMAND, type LexicalEditor,
} from 'lexical';

/** Registers the check on `editor`; returns the function that removes it. */
export function registerFreshSelection(editor: LexicalEditor): () => void {
  return editor.registerCommand(KEY_DOWN_COMMAND, () => {
    if (editor.isComposing()) return false;
    const root = editor.getRootElement();
    const dom = root?.ownerDocument.defaultView?.getSelection() ?? null;
    if (!root || !dom || dom.rangeCount === 0 || !root.contains(dom.anchorNode) || !root.contains(dom.focusNode)) return false;
    const current = $getSelection();
    if (current !== null && !$isRangeSelection(current)) return false;
    const fresh = $createRangeSelectionFromDom(dom, editor);
    if (fresh && !(current && fresh.is(current))) $setSelection(fresh);
    return false;
  }, COMMAND_PRIORITY_CRITICAL);
}
