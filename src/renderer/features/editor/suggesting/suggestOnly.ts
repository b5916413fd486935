/**
 * Suggest-only editing (the holder of a checkpoint in review): the server stores only edits that
 * are suggestions, and refuses anything else by making the connection read-only. So while it is on,
 * the editor offers only what 修订 capture records (core/suggestions/capture.ts): typing and
 * deleting in the body's paragraphs, in one table cell or in one list item's text; splitting and
 * joining paragraphs (not list items); the level of one paragraph at a time. Formats, 重新编号,
 * making lists and tables, and indents are refused here, and paste inserts plain text.
 */
import { $isListItemNode, INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { $isTableCellNode, INSERT_TABLE_COMMAND } from '@lexical/table';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $getSelection, $isElementNode, $isRangeSelection, $isRootNode, COMMAND_PRIORITY_CRITICAL, CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND, DELETE_CHARACTER_COMMAND, DELETE_LINE_COMMAND, DELETE_WORD_COMMAND, DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND, FORMAT_TEXT_COMMAND, INDENT_CONTENT_COMMAND, INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND, INSERT_TAB_COMMAND, KEY_BACKSPACE_COMMAND, KEY_DELETE_COMMAND, KEY_ENTER_COMMAND,
  KEY_TAB_COMMAND, OUTDENT_CONTENT_COMMAND, PASTE_COMMAND, REMOVE_TEXT_COMMAND, SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  type LexicalCommand, type LexicalEditor, type PointType,
} from 'lexical';
import { $isDeskParagraphNode } from '../../../../core/editor/DeskParagraphNode';
import { RENUMBER_COMMAND, SET_STRUCTURE_LEVEL_COMMAND } from '../../../../core/editor/structureCommands';

/**
 * Where capture records an edit at `point`: the body's paragraphs ('body'), one table cell's
 * paragraphs, or one list item's text; null elsewhere.
 */
function $scopeOf(point: PointType): string | null {
  const node = point.getNode();
  if ($isRootNode(node)) return null;
  const item = $findMatchingParent(node, $isListItemNode);
  if (item) return item.getChildren().every((child) => !$isElementNode(child) || child.isInline()) ? `item:${item.getKey()}` : null;
  const cell = $findMatchingParent(node, $isTableCellNode);
  if (cell) return `cell:${cell.getKey()}`;
  return $isDeskParagraphNode(node.getTopLevelElement()) ? 'body' : null;
}

/** Whether the selection lies where capture records edits: within the body's paragraphs, one table cell or one list item. */
export function $selectionCapturable(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const scope = $scopeOf(selection.anchor);
  return scope !== null && scope === $scopeOf(selection.focus);
}

/** Whether a paragraph mark may be typed here: not in a list item (list items are not split by 修订). */
function $paragraphMarkCapturable(): boolean {
  const selection = $getSelection();
  return $selectionCapturable() && $isRangeSelection(selection) && !$scopeOf(selection.anchor)?.startsWith('item:');
}

/** Whether deleting here stays inside the list item the caret is in (it would join items at its edge). */
function $deletionCapturable(forward: boolean): boolean {
  const selection = $getSelection();
  if (!$selectionCapturable() || !$isRangeSelection(selection)) return false;
  if (!selection.isCollapsed() || !$scopeOf(selection.anchor)?.startsWith('item:')) return true;
  const item = $findMatchingParent(selection.anchor.getNode(), $isListItemNode);
  if (!item) return false;
  const edge = forward ? item.getLastDescendant() : item.getFirstDescendant();
  const offset = selection.anchor.offset;
  if (edge === null) return false;
  const atEdge = selection.anchor.key === edge.getKey()
    ? (forward ? offset >= edge.getTextContentSize() : offset === 0)
    : selection.anchor.key === item.getKey() && (forward ? offset >= item.getChildrenSize() : offset === 0);
  return !atEdge;
}

/** Whether a level may be set: the selection is within one paragraph of the body (capture records one level change at a time). */
function $levelCapturable(): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || $scopeOf(selection.anchor) !== 'body' || $scopeOf(selection.focus) !== 'body') return false;
  return selection.anchor.getNode().getTopLevelElement() === selection.focus.getNode().getTopLevelElement();
}

function pastedText(event: ClipboardEvent | KeyboardEvent | InputEvent): string {
  if (event instanceof ClipboardEvent) return event.clipboardData?.getData('text/plain') ?? '';
  if (event instanceof InputEvent) return event.dataTransfer?.getData('text/plain') ?? event.data ?? '';
  return '';
}

/** Limits `editor` to suggest-only editing until the returned function is called. */
export function registerSuggestOnly(editor: LexicalEditor): () => void {
  const refuse = (event: unknown): boolean => {
    if (event instanceof Event) event.preventDefault();
    return true;
  };
  // Native typing (and an IME) outside paragraphs reaches Lexical without a command.
  const onBeforeInput = (event: InputEvent): void => {
    if (!editor.getEditorState().read($selectionCapturable)) event.preventDefault();
  };
  const stopRoot = editor.registerRootListener((root, previous) => {
    previous?.removeEventListener('beforeinput', onBeforeInput, true);
    root?.addEventListener('beforeinput', onBeforeInput, true);
  });
  const never = (): boolean => false;
  /** Lets `command` through only while `allowed()`. */
  const only = <T>(command: LexicalCommand<T>, allowed: () => boolean): (() => void) =>
    editor.registerCommand(command, (payload: T) => (allowed() ? false : refuse(payload)), COMMAND_PRIORITY_CRITICAL);
  return mergeRegister(
    // Commands that change more than text: never.
    only(FORMAT_TEXT_COMMAND, never), only(FORMAT_ELEMENT_COMMAND, never), only(INDENT_CONTENT_COMMAND, never),
    only(OUTDENT_CONTENT_COMMAND, never), only(RENUMBER_COMMAND, never),
    // A level change of one paragraph is a level suggestion (with its number's edit).
    only(SET_STRUCTURE_LEVEL_COMMAND, $levelCapturable),
    only(INSERT_ORDERED_LIST_COMMAND, never), only(INSERT_UNORDERED_LIST_COMMAND, never), only(REMOVE_LIST_COMMAND, never),
    only(INSERT_TABLE_COMMAND, never), only(INSERT_TAB_COMMAND, never), only(KEY_TAB_COMMAND, never),
    only(DROP_COMMAND, never), only(SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, never),
    // Text edits: capture records them in the body's paragraphs, in one table cell, in one list item's text.
    only(CONTROLLED_TEXT_INSERTION_COMMAND, $selectionCapturable), only(INSERT_PARAGRAPH_COMMAND, $paragraphMarkCapturable),
    only(INSERT_LINE_BREAK_COMMAND, $paragraphMarkCapturable), only(KEY_ENTER_COMMAND, $paragraphMarkCapturable),
    only(KEY_BACKSPACE_COMMAND, () => $deletionCapturable(false)), only(KEY_DELETE_COMMAND, () => $deletionCapturable(true)),
    only(DELETE_CHARACTER_COMMAND, $selectionCapturable), only(DELETE_WORD_COMMAND, $selectionCapturable),
    only(DELETE_LINE_COMMAND, $selectionCapturable), only(REMOVE_TEXT_COMMAND, $selectionCapturable),
    only(CUT_COMMAND, $selectionCapturable),
    editor.registerCommand(PASTE_COMMAND, (event) => {
      event.preventDefault();
      const text = pastedText(event).replace(/\r\n?/g, '\n');
      const selection = $getSelection();
      // Plain text only: formats, lists and tables from the clipboard would be direct edits.
      if (text !== '' && $isRangeSelection(selection) && $selectionCapturable()) selection.insertRawText(text);
      return true;
    }, COMMAND_PRIORITY_CRITICAL),
    () => {
      stopRoot();
      editor.getRootElement()?.removeEventListener('beforeinput', onBeforeInput, true);
    },
  );
}
