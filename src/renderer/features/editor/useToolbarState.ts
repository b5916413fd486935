/** What the toolbar reflects of the selection: formats, the block's level and list, undo/redo. */
import { useEffect, useState } from 'react';
import { $isListNode, ListNode } from '@lexical/list';
import { $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $isRootNode,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
} from 'lexical';
import { $isDeskParagraphNode, type StructureLevel } from '../../../core/editor/DeskParagraphNode';

export interface ToolbarState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  /** The level of the paragraph holding the caret; null when it is not a body paragraph. */
  level: StructureLevel | null;
  list: 'number' | 'bullet' | null;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  bold: false, italic: false, underline: false, level: 0, list: null, canUndo: false, canRedo: false,
};

function $readSelectionState(): Pick<ToolbarState, 'bold' | 'italic' | 'underline' | 'level' | 'list'> {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return { bold: false, italic: false, underline: false, level: null, list: null };
  const anchor = selection.anchor.getNode();
  const top = $isRootNode(anchor) ? null : anchor.getTopLevelElement();
  const listNode = $isListNode(top) ? ($getNearestNodeOfType(anchor, ListNode) ?? top) : null;
  const listType = listNode?.getListType();
  return {
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    level: $isDeskParagraphNode(top) ? top.getLevel() : null,
    list: listType === 'number' ? 'number' : listType === 'bullet' ? 'bullet' : null,
  };
}

export function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState<ToolbarState>(INITIAL);

  useEffect(() => mergeRegister(
    editor.registerUpdateListener(({ editorState }) => {
      const next = editorState.read($readSelectionState);
      setState((prev) => (
        prev.bold === next.bold && prev.italic === next.italic && prev.underline === next.underline
        && prev.level === next.level && prev.list === next.list ? prev : { ...prev, ...next }));
    }),
    editor.registerCommand(CAN_UNDO_COMMAND, (canUndo) => {
      setState((prev) => ({ ...prev, canUndo }));
      return false;
    }, COMMAND_PRIORITY_LOW),
    editor.registerCommand(CAN_REDO_COMMAND, (canRedo) => {
      setState((prev) => ({ ...prev, canRedo }));
      return false;
    }, COMMAND_PRIORITY_LOW),
  ), [editor]);

  return state;
}
