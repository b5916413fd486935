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
 *
 * Only where the caret or range is decides: the format typing will use (RangeSelection.format and
 * style) is not in the browser's selection. `$createRangeSelectionFromDom` leaves it empty, so
 * comparing whole selections replaced the selection at every key inside bold text with a plain one:
 * a digit typed there came out plain, and Ctrl+B at a caret in bold text turned bold on again instead
 * of off. A replacement takes the format the way Lexical does for a selection it reads from the DOM
 * (`$internalCreateRangeSelection`, not exported): the old one's while the anchor stays in its node,
 * otherwise the format of the node the anchor is in.
 */
import {
  $createRangeSelectionFromDom, $getSelection, $isElementNode, $isRangeSelection, $isTextNode, $setSelection,
  COMMAND_PRIORITY_CRITICAL, KEY_DOWN_COMMAND, type LexicalEditor, type RangeSelection,
} from 'lexical';

/** Gives `fresh` the format and style typing will use, as Lexical does when it reads a selection. */
function $carryFormat(fresh: RangeSelection, current: RangeSelection | null): void {
  if (current && fresh.anchor.key === current.anchor.key) {
    fresh.format = current.format;
    fresh.style = current.style;
    return;
  }
  const node = fresh.anchor.getNode();
  if ($isTextNode(node)) {
    fresh.format = node.getFormat();
    fresh.style = node.getStyle();
  } else if ($isElementNode(node)) {
    fresh.format = node.getTextFormat();
    fresh.style = node.getTextStyle();
  }
}

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
    if (!fresh || (current && fresh.anchor.is(current.anchor) && fresh.focus.is(current.focus))) return false;
    $carryFormat(fresh, current);
    $setSelection(fresh);
    return false;
  }, COMMAND_PRIORITY_CRITICAL);
}
