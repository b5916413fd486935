/**
 * The caret types in the format of the text it is in, also after a colleague re-formats that text.
 *
 * Lexical keeps the format typing will use on the selection (RangeSelection.format and style) and
 * derives it from the caret's text node only when the caret moves (selectionchange, in
 * LexicalEvents' `$updateSelectionFormatStyleFromTextNode`). A colleague's bold arriving over the
 * caret (an update tagged 'collaboration') re-partitions the text nodes in place
 * (core/editor/collabTextRuns.ts, collabChildren.ts) and moves no caret, so the selection kept the
 * old format: the writer saw the caret inside bold text, typed, and the words came out plain between
 * two bold halves. Word, Google Docs and Lexical alone type bold there.
 *
 * After such an update, when a collapsed caret's text changed format or style, the selection's
 * are re-derived as Lexical would on selectionchange, except what the writer chose at the caret: a
 * format bit in which the selection differed from its text before the update (Ctrl+B with nothing
 * selected) stays the writer's, and so does a style that differed. Only the selection changes, in an
 * update that adds no undo step, writes nothing to the Y.Doc and leaves the DOM selection alone.
 */
import {
  $getSelection, $isRangeSelection, $isTextNode, COLLABORATION_TAG, HISTORY_MERGE_TAG, SKIP_COLLAB_TAG,
  SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG, type EditorState, type LexicalEditor,
} from 'lexical';

interface Caret { key: string; offset: number; format: number; style: string; textFormat: number; textStyle: string }

/** A collapsed caret in a text node in `state`: where it is, its format and its text's. */
function caretIn(state: EditorState): Caret | null {
  return state.read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
    const node = selection.anchor.getNode();
    if (!$isTextNode(node)) return null;
    return {
      key: node.getKey(), offset: selection.anchor.offset, format: selection.format, style: selection.style,
      textFormat: node.getFormat(), textStyle: node.getStyle(),
    };
  });
}

/** Registers the refresh on `editor`; returns the function that removes it. */
export function registerCaretFormatRefresh(editor: LexicalEditor): () => void {
  return editor.registerUpdateListener(({ tags, prevEditorState, editorState }) => {
    if (!tags.has(COLLABORATION_TAG)) return;
    const before = caretIn(prevEditorState);
    const after = caretIn(editorState);
    if (!before || !after) return;
    if (after.textFormat === before.textFormat && after.textStyle === before.textStyle) return;
    const chosen = before.format ^ before.textFormat;
    const format = (after.textFormat & ~chosen) | (after.format & chosen);
    const style = before.style === before.textStyle ? after.textStyle : after.style;
    if (format === after.format && style === after.style) return;
    editor.update(() => {
      const selection = $getSelection();
      if (!$isRangeSelection(selection) || !selection.isCollapsed() || selection.anchor.key !== after.key
        || selection.anchor.offset !== after.offset || selection.format !== after.format || selection.style !== after.style) return;
      selection.format = format;
      selection.style = style;
    }, { tag: [HISTORY_MERGE_TAG, SKIP_COLLAB_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG] });
  });
}
