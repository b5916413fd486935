/**
 * What a writer does to a table, as Lexical commands: insert one where the caret is, add and remove
 * rows and columns, remove the table, and Tab in the last cell adding a row (as Word and WPS do).
 * Rows and columns go through @lexical/table's own `…AtSelection` functions, which handle merged
 * cells; this file only decides where the caret goes before and after.
 */
import {
  $createTableNodeWithDimensions,
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findCellNode,
  $findTableNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtNode,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableSelection,
  INSERT_TABLE_COMMAND,
  type InsertTableCommandPayload,
  type TableCellNode,
  type TableNode,
} from '@lexical/table';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getPreviousSelection,
  $getSelection,
  $isElementNode,
  $isParagraphNode,
  $isRangeSelection,
  $isRootNode,
  $setSelection,
  COMMAND_PRIORITY_CRITICAL,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_TAB_COMMAND,
  type BaseSelection,
  type ElementNode,
  type LexicalCommand,
  type LexicalEditor,
  type PointType,
} from 'lexical';

export type TableAction =
  | 'insertRowAbove' | 'insertRowBelow' | 'insertColumnLeft' | 'insertColumnRight'
  | 'deleteRow' | 'deleteColumn' | 'deleteTable';

/** The menu's items in order, in groups separated by a rule; the labels are the accessible names. */
export const TABLE_ACTION_GROUPS: ReadonlyArray<ReadonlyArray<{ action: TableAction; label: string }>> = [
  [{ action: 'insertRowAbove', label: '在上方插入行' }, { action: 'insertRowBelow', label: '在下方插入行' }],
  [{ action: 'insertColumnLeft', label: '在左侧插入列' }, { action: 'insertColumnRight', label: '在右侧插入列' }],
  [{ action: 'deleteRow', label: '删除行' }, { action: 'deleteColumn', label: '删除列' }, { action: 'deleteTable', label: '删除表格' }],
];

/** Runs a table action on the current selection; does nothing when the selection is not in a table. */
export const TABLE_ACTION_COMMAND: LexicalCommand<TableAction> = createCommand('TABLE_ACTION_COMMAND');

/** The table the selection is in (a caret in a cell, or cells selected), or null. */
export function $selectedTable(selection: BaseSelection | null = $getSelection()): TableNode | null {
  if ($isTableSelection(selection)) return $findTableNode(selection.anchor.getNode());
  if ($isRangeSelection(selection)) {
    const anchorTable = $findTableNode(selection.anchor.getNode());
    // A range from inside a table to outside it is no table selection: the actions would guess.
    return anchorTable && anchorTable.is($findTableNode(selection.focus.getNode())) ? anchorTable : null;
  }
  return null;
}

/**
 * Inserts a `rows` × `columns` table at the caret. An empty paragraph holding the caret becomes the
 * table (no stray empty line above it); elsewhere the table goes after the caret's block, splitting
 * it at the caret. A paragraph always follows the table, so the writer can type below it, and the
 * caret lands in the first cell. Refused (false) inside a table: tables do not nest here.
 */
export function $insertDeskTable({ rows, columns, includeHeaders }: InsertTableCommandPayload): boolean {
  // As TablePlugin does: a toolbar click that took the selection away still inserts where the caret was.
  const selection = $getSelection() ?? $getPreviousSelection()?.clone() ?? null;
  if (!$isRangeSelection(selection) || $findTableNode(selection.anchor.getNode())) return false;
  $setSelection(selection);
  const table = $createTableNodeWithDimensions(Number(rows), Number(columns), includeHeaders ?? false);
  const anchor = selection.anchor.getNode();
  const block = $isRootNode(anchor) ? null : anchor.getTopLevelElement();
  if (selection.isCollapsed() && $isParagraphNode(block) && block.getTextContentSize() === 0) {
    block.replace(table);
  } else if (selection.isCollapsed() && $isParagraphNode(block) && $isAtStartOf(block, selection.anchor)) {
    // At the very start of a paragraph, the table goes above it rather than splitting off nothing.
    block.insertBefore(table);
  } else {
    $insertNodeToNearestRoot(table);
  }
  if (table.getNextSibling() === null) table.insertAfter($createParagraphNode());
  table.getFirstDescendant()?.selectStart();
  return true;
}

function $isAtStartOf(block: ElementNode, point: PointType): boolean {
  if (point.offset !== 0) return false;
  const node = point.getNode();
  return node.is(block) || node.is(block.getFirstDescendant());
}

/** Removes the selected table; the caret goes to the block after it, or before it. */
export function $deleteSelectedTable(): boolean {
  const table = $selectedTable();
  if (!table) return false;
  const next = table.getNextSibling();
  const previous = table.getPreviousSibling();
  if ($isElementNode(next)) next.selectStart();
  else if ($isElementNode(previous)) previous.selectEnd();
  else table.insertAfter($createParagraphNode()).selectStart();
  table.remove();
  return true;
}

/** Runs one action on the selection's table; false when the selection is in no table. */
export function $runTableAction(action: TableAction): boolean {
  const selection = $getSelection();
  const table = $selectedTable(selection);
  if (!selection || !table) return false;
  switch (action) {
    case 'deleteTable':
      return $deleteSelectedTable();
    case 'deleteRow':
      if (table.getChildrenSize() <= 1) return $deleteSelectedTable();
      $deleteTableRowAtSelection();
      return true;
    case 'deleteColumn':
      if (table.getColumnCount() <= 1) return $deleteSelectedTable();
      $deleteTableColumnAtSelection();
      return true;
    default: {
      // Inserting keeps the caret (or the selected cells) where they were, as Word does.
      const before = selection.clone();
      if (action === 'insertRowAbove' || action === 'insertRowBelow') {
        $insertTableRowAtSelection(action === 'insertRowBelow');
      } else {
        $insertTableColumnAtSelection(action === 'insertColumnRight');
      }
      $setSelection(before);
      return true;
    }
  }
}

/** The bottom-right cell of a table (the last one Tab reaches), or null. */
function $lastCell(table: TableNode): TableCellNode | null {
  const lastRow = table.getLastChild();
  const cell = $isElementNode(lastRow) ? lastRow.getLastChild() : null;
  return $isTableCellNode(cell) ? cell : null;
}

/**
 * Tab with the caret in a table's last cell adds a row and moves into its first cell, as in Word;
 * every other Tab in a table is @lexical/table's (next cell, Shift+Tab the previous one).
 */
export function $tabFromLastCell(shiftKey: boolean): boolean {
  const selection = $getSelection();
  if (shiftKey || !$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const cell = $findCellNode(selection.anchor.getNode());
  const table = cell && $findTableNode(cell);
  if (!cell || !table || !cell.is($lastCell(table))) return false;
  const row = $insertTableRowAtNode(cell, true);
  const first = row?.getFirstChild();
  if (!$isElementNode(first)) return false;
  first.selectStart();
  return true;
}

/** Registers the table commands on an editor (after TablePlugin: these take precedence over it). */
export function registerDeskTableCommands(editor: LexicalEditor): () => void {
  return mergeRegister(
    // TablePlugin's own handler (priority EDITOR) would leave the empty paragraph above the table.
    editor.registerCommand(INSERT_TABLE_COMMAND, (payload) => $insertDeskTable(payload) || $selectedTable() !== null,
      COMMAND_PRIORITY_LOW),
    editor.registerCommand(TABLE_ACTION_COMMAND, $runTableAction, COMMAND_PRIORITY_LOW),
    editor.registerCommand(KEY_TAB_COMMAND, (event) => {
      if (!$tabFromLastCell(event.shiftKey)) return false;
      event.preventDefault();
      return true;
    }, COMMAND_PRIORITY_CRITICAL),
  );
}
