/**
 * Tables in the body: @lexical/table's TablePlugin (cell selection, Tab to the next cell, Shift+Tab
 * to the previous), the desk's table commands (insertion without a stray empty paragraph, rows and
 * columns, Tab in the last cell adding a row) and the cell's context menu.
 */
import { useCallback, useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TablePlugin } from '@lexical/react/LexicalTablePlugin';
import { $findCellNode, $isTableSelection } from '@lexical/table';
import { $getNearestNodeFromDOMNode, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { registerDeskTableCommands } from './tableActions';
import { readSelectionForMenu, TableMenu, type TableMenuAnchor } from './TableMenu';

/**
 * Makes the right-clicked cell the selection's cell, unless it already is (a caret in it, or it is
 * among selected cells). False when the click was not in a table cell.
 */
function selectClickedCell(editor: LexicalEditor, target: EventTarget | null): boolean {
  let inCell = false;
  editor.update(() => {
    const node = target instanceof Node ? $getNearestNodeFromDOMNode(target) : null;
    const cell = node ? $findCellNode(node) : null;
    if (!cell) return;
    inCell = true;
    const selection = $getSelection();
    if ($isTableSelection(selection) && selection.getNodes().some((n) => n.is(cell))) return;
    if ($isRangeSelection(selection) && cell.is($findCellNode(selection.anchor.getNode()))
      && cell.is($findCellNode(selection.focus.getNode()))) return;
    cell.selectEnd();
  }, { discrete: true });
  return inCell;
}

export function DeskTablePlugin() {
  const [editor] = useLexicalComposerContext();
  const [menu, setMenu] = useState<TableMenuAnchor | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);

  useEffect(() => registerDeskTableCommands(editor), [editor]);

  useEffect(() => editor.registerRootListener((root) => {
    if (!root) return undefined;
    const onContextMenu = (event: MouseEvent) => {
      // Readers get the browser's own menu (copy); outside a cell too.
      if (!editor.isEditable() || !selectClickedCell(editor, event.target)) return;
      event.preventDefault();
      // A context menu opened with the keyboard (the menu key, Shift+F10) comes as button 0.
      setMenu({ x: event.clientX, y: event.clientY, selection: readSelectionForMenu(editor), fromKeyboard: event.button !== 2 });
    };
    root.addEventListener('contextmenu', onContextMenu);
    return () => root.removeEventListener('contextmenu', onContextMenu);
  }), [editor]);

  return (
    <>
      <TablePlugin />
      {menu && <TableMenu editor={editor} anchor={menu} label="表格" onClose={closeMenu} />}
    </>
  );
}
