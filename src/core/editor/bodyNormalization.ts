/**
 * What the writer sees is what is printed: the editor holds only what the body model
 * (`bodyBlocksFromLexical`) carries to the export and the approval hash. Pasted HTML (and any other
 * local way in) can bring properties a GB/T 9704 document does not use and the body model drops —
 * merged cells, cell shading and widths, header cells, alignment inside cells and list items,
 * indents, numbered lists starting past 1, check lists, highlight or code text, inline styles —
 * so node transforms reset them as they arrive, in the same update, before anything is synced.
 *
 * Kept: a top-level paragraph's structure level and alignment (Lexical's `start`/`end` become the
 * `left`/`right` the writer sees, as the body model reads `start`/`end` as the body's justified
 * default), a list's kind and nesting, a table's rows and cells, the printed text format bits.
 *
 * Updates that come from Yjs (a colleague's edit, an undo) are left alone: changing them here would
 * make this editor differ from the shared document without syncing the change.
 */
import { $computeTableMap, $createTableCellNode, $getNodeTriplet, $isTableRowNode, TableCellHeaderStates, TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { ListItemNode, ListNode } from '@lexical/list';
import {
  $hasUpdateTag,
  $isElementNode,
  $isRootNode,
  COLLABORATION_TAG,
  HISTORIC_TAG,
  mergeRegister,
  TextNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { PRINTED_FORMAT } from '../body/bodyModel';
import { $createDeskParagraphNode, $isDeskParagraphNode, DeskParagraphNode } from './DeskParagraphNode';

function $resetElement(node: ElementNode, keepFormat: boolean): void {
  if (!keepFormat && node.getFormatType() !== '') node.setFormat('');
  if (node.getIndent() !== 0) node.setIndent(0);
  if (node.getDirection() !== null) node.setDirection(null);
}

function $normalizeParagraph(paragraph: DeskParagraphNode): void {
  const topLevel = $isRootNode(paragraph.getParent());
  $resetElement(paragraph, topLevel);
  if (!topLevel && paragraph.getLevel() !== 0) paragraph.setLevel(0);
  const format = paragraph.getFormatType();
  if (format === 'start') paragraph.setFormat('left');
  else if (format === 'end') paragraph.setFormat('right');
}

function $normalizeText(text: TextNode): void {
  const format = text.getFormat();
  if ((format & PRINTED_FORMAT) !== format) text.setFormat(format & PRINTED_FORMAT);
  if (text.getStyle() !== '') text.setStyle('');
}

/** Splits every merged cell of the table back into single cells, the merged text in the first. */
function $unmergeTable(cell: TableCellNode): void {
  const [, , table] = $getNodeTriplet(cell);
  const [map] = $computeTableMap(table, cell, cell);
  const covering: TableCellNode[] = [];
  let row: LexicalNode | null = table.getFirstChild();
  for (let i = 0; i < map.length && $isTableRowNode(row); i++, row = row.getNextSibling()) {
    let last: TableCellNode | null = null;
    for (let j = 0; j < map[i].length; j++) {
      const entry = map[i][j];
      if (entry.startRow === i && entry.startColumn === j) {
        last = entry.cell;
        covering.push(entry.cell);
        continue;
      }
      // A position a merged cell covered gets an empty cell of its own.
      const added = $createTableCellNode(TableCellHeaderStates.NO_STATUS).append($createDeskParagraphNode());
      const first = row.getFirstChild();
      if (last) last.insertAfter(added);
      else if (first) first.insertBefore(added);
      else row.append(added);
      last = added;
    }
  }
  for (const merged of covering) merged.setColSpan(1).setRowSpan(1);
}

function $normalizeCell(cell: TableCellNode): void {
  $resetElement(cell, false);
  if (cell.getColSpan() > 1 || cell.getRowSpan() > 1) $unmergeTable(cell);
  if (cell.getBackgroundColor() !== null) cell.setBackgroundColor(null);
  if (cell.getHeaderStyles() !== TableCellHeaderStates.NO_STATUS) cell.setHeaderStyles(TableCellHeaderStates.NO_STATUS);
  if (cell.getWidth() !== undefined) cell.setWidth(undefined);
  if (cell.getVerticalAlign() !== undefined) cell.setVerticalAlign(undefined);
}

function $normalizeTable(table: TableNode): void {
  $resetElement(table, false);
  if (table.getColWidths() !== undefined) table.setColWidths(undefined);
  if (table.getRowStriping()) table.setRowStriping(false);
  if (table.getFrozenColumns() !== 0) table.setFrozenColumns(0);
  if (table.getFrozenRows() !== 0) table.setFrozenRows(0);
}

function $normalizeRow(row: TableRowNode): void {
  $resetElement(row, false);
  if (row.getHeight() !== undefined) row.setHeight(undefined);
}

/** The outermost list that `list` is nested in (itself when it is not nested). */
function $topList(list: ListNode): ListNode {
  let top = list;
  for (let node: LexicalNode | null = list.getParent(); node; node = node.getParent()) {
    if (node instanceof ListNode) top = node;
    else if (!(node instanceof ListItemNode)) break;
  }
  return top;
}

function $normalizeList(list: ListNode): void {
  $resetElement(list, false);
  if (list.getStart() !== 1) list.setStart(1);
  const top = $topList(list);
  if (top.getListType() === 'check') top.setListType('bullet');
  // The export numbers a nested list as its top list, so it shows as its top list's kind.
  const kind = top.getListType();
  for (const nested of [list, ...list.getChildren().flatMap((item) => $isElementNode(item) ? item.getChildren() : [])]) {
    if (nested instanceof ListNode && nested.getListType() !== kind) nested.setListType(kind);
  }
}

function $normalizeListItem(item: ListItemNode): void {
  // A list item's indent is its nesting depth, which the body model carries; Lexical derives it.
  if (item.getFormatType() !== '') item.setFormat('');
  if (item.getDirection() !== null) item.setDirection(null);
  if (item.getChecked() !== undefined) item.setChecked(undefined);
}

/**
 * Resets whatever `node` holds that the body model does not carry (see the file comment). For
 * nodes of other kinds, the element basics (alignment, indent, direction) are reset.
 */
export function $normalizeBodyNode(node: LexicalNode): void {
  if (!node.isAttached()) return;
  if (node instanceof TextNode) $normalizeText(node);
  else if ($isDeskParagraphNode(node)) $normalizeParagraph(node);
  else if (node instanceof TableCellNode) $normalizeCell(node);
  else if (node instanceof TableRowNode) $normalizeRow(node);
  else if (node instanceof TableNode) $normalizeTable(node);
  else if (node instanceof ListItemNode) $normalizeListItem(node);
  else if (node instanceof ListNode) $normalizeList(node);
  else if ($isElementNode(node) && !$isRootNode(node)) $resetElement(node, false);
}

/** Changes coming from Yjs are the shared document's; only local ones are normalised. */
function $isLocalUpdate(): boolean {
  return !$hasUpdateTag(COLLABORATION_TAG) && !$hasUpdateTag(HISTORIC_TAG);
}

function $transform(node: LexicalNode): void {
  if ($isLocalUpdate()) $normalizeBodyNode(node);
}

/**
 * Registers the transforms that keep out of the editor what the body model does not carry, on
 * every node kind of DESK_NODES that can hold such a property. Returns the unregister function.
 */
export function registerBodyNormalization(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(TextNode, $transform),
    editor.registerNodeTransform(DeskParagraphNode, $transform),
    editor.registerNodeTransform(ListNode, $transform),
    editor.registerNodeTransform(ListItemNode, $transform),
    editor.registerNodeTransform(TableNode, $transform),
    editor.registerNodeTransform(TableRowNode, $transform),
    editor.registerNodeTransform(TableCellNode, $transform),
  );
}
