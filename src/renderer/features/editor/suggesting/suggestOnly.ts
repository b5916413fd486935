/**
 * Suggest-only editing (the holder of a checkpoint in review): the server stores only edits that
 * are suggestions, and refuses anything else by making the connection read-only. So while it is on,
 * the editor offers only what 修订 capture records (core/suggestions/capture.ts): typing, deleting,
 * splitting and joining top-level paragraphs. Formats, levels, 重新编号, lists, tables and indents
 * are refused here, edits inside a list or a table do nothing, and paste inserts plain text.
 */
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, REMOVE_LIST_COMMAND } from '@lexical/list';
import { INSERT_TABLE_COMMAND } from '@lexical/table';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection, $isRangeSelection, $isRootNode, COMMAND_PRIORITY_CRITICAL, CONTROLLED_TEXT_INSERTION_COMMAND,
  CUT_COMMAND, DELETE_CHARACTER_COMMAND, DELETE_LINE_COMMAND, DELETE_WORD_COMMAND, DROP_COMMAND,
  FORMAT_ELEMENT_COMMAND, FORMAT_TEXT_COMMAND, INDENT_CONTENT_COMMAND, INSERT_LINE_BREAK_COMMAND,
  INSERT_PARAGRAPH_COMMAND, INSERT_TAB_COMMAND, KEY_BACKSPACE_COMMAND, KEY_DELETE_COMMAND, KEY_ENTER_COMMAND,
  KEY_TAB_COMMAND, OUTDENT_CONTENT_COMMAND, PASTE_COMMAND, REMOVE_TEXT_COMMAND, SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  type LexicalCommand, type LexicalEditor, type PointType,
} from 'lexical';
import { $isDeskParagraphNode } from '../../../../core/editor/DeskParagraphNode';
import { RENUMBER_COMMAND, SET_STRUCTURE_LEVEL_COMMAND } from '../../../../core/editor/structureCommands';

function $inParagraph(point: PointType): boolean {
  const node = point.getNode();
  return !$isRootNode(node) && $isDeskParagraphNode(node.getTopLevelElement());
}

/** Whether the selection lies in top-level paragraphs only, where capture records edits. */
export function $selectionCapturable(): boolean {
  const selection = $getSelection();
  return $isRangeSelection(selection) && $inParagraph(selection.anchor) && $inParagraph(selection.focus);
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
    only(OUTDENT_CONTENT_COMMAND, never), only(SET_STRUCTURE_LEVEL_COMMAND, never), only(RENUMBER_COMMAND, never),
    only(INSERT_ORDERED_LIST_COMMAND, never), only(INSERT_UNORDERED_LIST_COMMAND, never), only(REMOVE_LIST_COMMAND, never),
    only(INSERT_TABLE_COMMAND, never), only(INSERT_TAB_COMMAND, never), only(KEY_TAB_COMMAND, never),
    only(DROP_COMMAND, never), only(SELECTION_INSERT_CLIPBOARD_NODES_COMMAND, never),
    // Text edits: capture records them in top-level paragraphs only.
    only(CONTROLLED_TEXT_INSERTION_COMMAND, $selectionCapturable), only(INSERT_PARAGRAPH_COMMAND, $selectionCapturable),
    only(INSERT_LINE_BREAK_COMMAND, $selectionCapturable), only(KEY_ENTER_COMMAND, $selectionCapturable),
    only(KEY_BACKSPACE_COMMAND, $selectionCapturable), only(KEY_DELETE_COMMAND, $selectionCapturable),
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
