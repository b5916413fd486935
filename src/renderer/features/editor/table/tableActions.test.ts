import { describe, expect, it } from 'vitest';
import { createHeadlessEditor } from '@lexical/headless';
import { $findCellNode, $isTableNode, INSERT_TABLE_COMMAND } from '@lexical/table';
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  type LexicalEditor,
} from 'lexical';
import { $createDeskParagraphNode } from '../../../../core/editor/DeskParagraphNode';
import { DESK_NODES } from '../../../../core/editor/nodes';
import { $tabFromLastCell, registerDeskTableCommands, TABLE_ACTION_COMMAND, type TableAction } from './tableActions';

type Caret = 'start' | 'end';

/** An editor holding one paragraph per text, the caret in paragraph `at` (at its start or end). */
function editorWith(texts: string[], at: number, caret: Caret = 'end'): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: [...DESK_NODES], onError: (error) => { throw error; } });
  registerDeskTableCommands(editor);
  editor.update(() => {
    const root = $getRoot().clear();
    for (const text of texts) {
      const paragraph = $createDeskParagraphNode(0);
      if (text) paragraph.append($createTextNode(text));
      root.append(paragraph);
    }
    const target = root.getChildAtIndex(at);
    if ($isElementNode(target)) {
      if (caret === 'start') target.selectStart();
      else target.selectEnd();
    }
  }, { discrete: true });
  return editor;
}

function insertTable(editor: LexicalEditor, rows = 2, columns = 2): void {
  editor.update(() => {
    editor.dispatchCommand(INSERT_TABLE_COMMAND, { rows: String(rows), columns: String(columns), includeHeaders: false });
  }, { discrete: true });
}

function run(editor: LexicalEditor, action: TableAction): void {
  editor.update(() => { editor.dispatchCommand(TABLE_ACTION_COMMAND, action); }, { discrete: true });
}

/** The body as blocks: a paragraph's text, or a table as rows of cell texts. */
function blocks(editor: LexicalEditor): Array<string | string[][]> {
  return editor.getEditorState().read(() => $getRoot().getChildren().map((node) => ($isTableNode(node)
    ? node.getChildren().map((row) => ($isElementNode(row) ? row.getChildren().map((cell) => cell.getTextContent()) : []))
    : node.getTextContent())));
}

/** Where the caret is: [row, column] of its cell, or null outside a table. */
function caretCell(editor: LexicalEditor): [number, number] | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return null;
    const cell = $findCellNode(selection.anchor.getNode());
    const row = cell?.getParent();
    return cell && row ? [row.getIndexWithinParent(), cell.getIndexWithinParent()] : null;
  });
}

function typeInCell(editor: LexicalEditor, row: number, column: number, text: string): void {
  editor.update(() => {
    const rowNode = $getRoot().getChildren().find($isTableNode)?.getChildAtIndex(row);
    const cell = $isElementNode(rowNode) ? rowNode.getChildAtIndex(column) : null;
    const paragraph = $isElementNode(cell) ? cell.getFirstChild() : null;
    if (!$isElementNode(paragraph)) throw new Error(`no cell ${row},${column}`);
    const first = paragraph.getFirstChild();
    if ($isTextNode(first)) first.setTextContent(text);
    else paragraph.append($createTextNode(text));
    paragraph.selectEnd();
  }, { discrete: true });
}

describe('inserting a table', () => {
  it('replaces the empty paragraph the caret is in, and the caret lands in the first cell', () => {
    const editor = editorWith(['前文', '', '后文'], 1);
    insertTable(editor);
    expect(blocks(editor)).toEqual(['前文', [['', ''], ['', '']], '后文']);
    expect(caretCell(editor)).toEqual([0, 0]);
  });

  it('leaves a paragraph after a table that ends the body', () => {
    const editor = editorWith([''], 0);
    insertTable(editor);
    expect(blocks(editor)).toEqual([[['', ''], ['', '']], '']);
    expect(caretCell(editor)).toEqual([0, 0]);
  });

  it('goes after a paragraph the caret ends, with no empty paragraph above it', () => {
    const editor = editorWith(['前文', '后文'], 0);
    insertTable(editor);
    expect(blocks(editor)).toEqual(['前文', [['', ''], ['', '']], '后文']);
    const last = editorWith(['前文'], 0);
    insertTable(last);
    expect(blocks(last)).toEqual(['前文', [['', ''], ['', '']], '']);
  });

  it('goes above a paragraph the caret starts', () => {
    const editor = editorWith(['前文', '后文'], 1, 'start');
    insertTable(editor);
    expect(blocks(editor)).toEqual(['前文', [['', ''], ['', '']], '后文']);
  });

  it('does not nest a table in a table', () => {
    const editor = editorWith([''], 0);
    insertTable(editor);
    insertTable(editor);
    expect(blocks(editor)).toEqual([[['', ''], ['', '']], '']);
  });
});

describe('rows and columns', () => {
  it('inserts rows and columns around the caret, which stays in its cell', () => {
    const editor = editorWith([''], 0);
    insertTable(editor);
    typeInCell(editor, 0, 0, '甲');
    typeInCell(editor, 0, 1, '乙');
    typeInCell(editor, 1, 0, '丙');
    typeInCell(editor, 1, 1, '丁');
    run(editor, 'insertRowAbove');
    expect(caretCell(editor)).toEqual([2, 1]);
    run(editor, 'insertRowBelow');
    run(editor, 'insertColumnLeft');
    expect(caretCell(editor)).toEqual([2, 2]);
    run(editor, 'insertColumnRight');
    expect(blocks(editor)).toEqual([[
      ['甲', '', '乙', ''], ['', '', '', ''], ['丙', '', '丁', ''], ['', '', '', ''],
    ], '']);
  });

  it('deletes the caret’s row and column, and the table with its last row', () => {
    const editor = editorWith(['前文', ''], 1);
    insertTable(editor);
    typeInCell(editor, 0, 0, '甲');
    typeInCell(editor, 0, 1, '乙');
    typeInCell(editor, 1, 0, '丙');
    typeInCell(editor, 1, 1, '丁');
    run(editor, 'deleteColumn');
    expect(blocks(editor)).toEqual(['前文', [['甲'], ['丙']], '']);
    run(editor, 'deleteRow');
    expect(blocks(editor)).toEqual(['前文', [['甲']], '']);
    run(editor, 'deleteRow');
    expect(blocks(editor)).toEqual(['前文', '']);
    expect(caretCell(editor)).toBeNull();
  });

  it('deletes the table, the caret going to the paragraph after it', () => {
    const editor = editorWith(['前文', '', '后文'], 1);
    insertTable(editor);
    run(editor, 'deleteTable');
    expect(blocks(editor)).toEqual(['前文', '后文']);
    const offset = editor.getEditorState().read(() => {
      const selection = $getSelection();
      return $isRangeSelection(selection) ? selection.anchor.getNode().getTextContent() : null;
    });
    expect(offset).toBe('后文');
  });

  it('ignores table actions outside a table', () => {
    const editor = editorWith(['前文'], 0);
    run(editor, 'deleteTable');
    run(editor, 'insertRowBelow');
    expect(blocks(editor)).toEqual(['前文']);
  });
});

describe('Tab', () => {
  it('adds a row from the last cell and moves into it; not with Shift, not from other cells', () => {
    const editor = editorWith([''], 0);
    insertTable(editor);
    let handled = false;
    editor.update(() => { handled = $tabFromLastCell(false); }, { discrete: true });
    expect(handled).toBe(false);
    typeInCell(editor, 1, 1, '末格');
    editor.update(() => { handled = $tabFromLastCell(true); }, { discrete: true });
    expect(handled).toBe(false);
    editor.update(() => { handled = $tabFromLastCell(false); }, { discrete: true });
    expect(handled).toBe(true);
    expect(blocks(editor)).toEqual([[['', ''], ['', '末格'], ['', '']], '']);
    expect(caretCell(editor)).toEqual([2, 0]);
  });
});
