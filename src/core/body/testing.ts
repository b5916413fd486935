/**
 * Helpers for tests that need real body JSON: a body built with the editor's own nodes in a headless
 * editor bound to a Y.Doc, read back as the server reads it (through Yjs and `readBody`).
 */
import * as Y from 'yjs';
import { $createListItemNode, $createListNode, type ListType } from '@lexical/list';
import { $createTableCellNode, $createTableNode, $createTableRowNode, TableCellHeaderStates } from '@lexical/table';
import {
  $createLineBreakNode, $createTabNode, $createTextNode, $getRoot,
  type ElementFormatType, type LexicalNode, type SerializedEditorState,
} from 'lexical';
import { $createDeskParagraphNode, type DeskParagraphNode, type StructureLevel } from '../editor/DeskParagraphNode';
import { bindHeadlessEditor, readBody } from '../editor/headless';

/** Builds a body in a headless editor (`$build` runs inside an update) and reads it as the server does. */
export function bodyJson($build: () => void): SerializedEditorState {
  const doc = new Y.Doc();
  const { editor, dispose } = bindHeadlessEditor(doc);
  try {
    editor.update(() => {
      $getRoot().clear();
      $build();
    }, { discrete: true });
  } finally {
    dispose();
  }
  return readBody(Y.encodeStateAsUpdate(doc)).json;
}

/** A text node with Lexical format bits. */
export function $text(text: string, format = 0): LexicalNode {
  return $createTextNode(text).setFormat(format);
}

/** A paragraph at a structure level and alignment, holding the given inline nodes. */
export function $paragraph(level: StructureLevel, align: ElementFormatType, ...children: LexicalNode[]): DeskParagraphNode {
  return $createDeskParagraphNode(level).setFormat(align).append(...children);
}

/** A list item: its inline content, then any nested lists (Lexical nests a list inside an item). */
export function $item(...children: LexicalNode[]): LexicalNode {
  return $createListItemNode().append(...children);
}

export function $list(type: ListType, ...items: LexicalNode[]): LexicalNode {
  return $createListNode(type).append(...items);
}

/** A table; a cell is a list of paragraphs. */
export function $table(rows: ReadonlyArray<ReadonlyArray<readonly LexicalNode[]>>): LexicalNode {
  const table = $createTableNode();
  for (const row of rows) {
    table.append($createTableRowNode().append(...row.map((cell) =>
      $createTableCellNode(TableCellHeaderStates.NO_STATUS).append(...cell))));
  }
  return table;
}

export { $createLineBreakNode as $lineBreak, $createTabNode as $tab };

/** Lexical's text format bits, including those Word does not print. */
export const BITS = {
  bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64,
  highlight: 128, lowercase: 256, uppercase: 512, capitalize: 1024,
} as const;

/**
 * A body with every node and attribute the editor makes: structure levels 0–4, every alignment,
 * every text format bit, line breaks and tabs, bullet and numbered lists nested three deep (with an
 * item that has text and a nested list), and a table with a cell of two paragraphs.
 */
export function $richBody(): void {
  $getRoot().append(
    $paragraph(1, '', $text('一、总体要求')),
    $paragraph(2, '', $text('（一）明确目标。', BITS.bold), $text('全年完成投资126.5亿元。')),
    $paragraph(0, 'justify',
      $text('正文', 0), $text('粗', BITS.bold), $text('斜', BITS.italic), $text('删', BITS.strikethrough),
      $text('线', BITS.underline), $text('码', BITS.code), $text('2', BITS.subscript), $text('3', BITS.superscript),
      $text('亮', BITS.highlight), $text('abc', BITS.uppercase), $createLineBreakNode(), $text('第二行'),
      $createTabNode().setFormat(BITS.underline), $text('签名')),
    $paragraph(3, 'center', $text('1.居中')),
    $paragraph(4, 'right', $text('（1）居右')),
    $paragraph(0, 'left', $text('居左')),
    $paragraph(0, 'start', $text('起始')),
    $list('bullet',
      $item($text('甲项')),
      $item($list('bullet', $item($text('甲项之一')), $item($list('bullet', $item($text('更深一层')))))),
      $item($text('乙项')),
    ),
    $list('number',
      $item($text('第一条'), $list('number', $item($text('第一条之一')))),
      $item($text('第二条', BITS.italic)),
    ),
    $table([
      [[$paragraph(0, '', $text('甲')), $paragraph(0, '', $text('乙'))], [$paragraph(0, '', $text('项目', BITS.bold))]],
      [[$paragraph(0, '', $text('甲乙'))], [$paragraph(0, '')]],
    ]),
    $paragraph(0, ''),
  );
}
