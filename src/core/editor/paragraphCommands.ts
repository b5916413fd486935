/**
 * Enter and Backspace around structure headings, as Word behaves. A heading's number is ordinary
 * text, so Lexical's own split and join would move it into body text:
 * - Enter at the start of a heading, or anywhere in or just after its number, inserts an empty body
 *   paragraph above it; the heading and its number stay where they are, and so does the caret.
 *   (Lexical split the paragraph there, leaving an empty heading above and the heading's text,
 *   number included, in a new body paragraph below.)
 * - Backspace at the start of a paragraph that follows an empty one removes the empty one, and
 *   Delete in an empty paragraph removes it, so the paragraph that has text keeps its level (Lexical
 *   merged it into the empty paragraph, whose level won: a heading became body text).
 * - A split's second half is body text, unless its text starts with a structure number: then it is a
 *   heading of that number's level (splitting 二、主要任务（一）推进… before （一） gives back the 二级标题
 *   a join had merged), so a paragraph's number and its level agree after every split.
 * A join keeps the first paragraph's level, as in Lexical.
 */
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  COMMAND_PRIORITY_LOW,
  DELETE_CHARACTER_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  mergeRegister,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import { parseLevelNumber } from '../structure/levels';
import { $createDeskParagraphNode, $isDeskParagraphNode, type DeskParagraphNode } from './DeskParagraphNode';

/** The caret's top-level body paragraph and its offset in the paragraph's text, if collapsed in one. */
function $caretInParagraph(): { paragraph: DeskParagraphNode; offset: number } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  const top = $isRootNode(node) ? null : node.getTopLevelElement();
  if (!$isDeskParagraphNode(top)) return null;
  return { paragraph: top, offset: $offsetIn(top, selection.anchor) };
}

/** The number of text characters of `paragraph` before `point`. */
function $offsetIn(paragraph: DeskParagraphNode, point: PointType): number {
  const node = point.getNode();
  let offset = 0;
  if (point.type === 'text') offset = point.offset;
  else if ($isElementNode(node)) for (const before of node.getChildren().slice(0, point.offset)) offset += before.getTextContentSize();
  for (let child: LexicalNode | null = node; child && !child.is(paragraph); child = child.getParent()) {
    for (let sibling = child.getPreviousSibling(); sibling; sibling = sibling.getPreviousSibling()) {
      offset += sibling.getTextContentSize();
    }
  }
  return offset;
}

/**
 * Enter in a top-level body paragraph: before (or in) a heading's number, an empty body paragraph
 * above; elsewhere Lexical's split, with the second half's level taken from its number. True when
 * handled (false leaves lists, tables and non-collapsed selections to rich text).
 */
export function $insertDeskParagraph(): boolean {
  const caret = $caretInParagraph();
  if (!caret) return false;
  const text = caret.paragraph.getTextContent();
  const numberLength = parseLevelNumber(text)?.length ?? 0;
  if (caret.paragraph.getLevel() !== 0 && text.length > 0 && caret.offset <= numberLength) {
    caret.paragraph.insertBefore($createDeskParagraphNode(0));
    return true;
  }
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  selection.insertParagraph();
  const after = $caretInParagraph();
  if (after && !after.paragraph.is(caret.paragraph)) {
    after.paragraph.setLevel(parseLevelNumber(after.paragraph.getTextContent())?.level ?? 0);
  }
  return true;
}

/**
 * Backspace at a paragraph's start after an empty paragraph, or Delete in an empty paragraph
 * followed by another: removes the empty one; true when handled.
 */
export function $deleteEmptyNeighbour(isBackward: boolean): boolean {
  const caret = $caretInParagraph();
  if (!caret) return false;
  const { paragraph, offset } = caret;
  if (isBackward) {
    const previous = paragraph.getPreviousSibling();
    if (offset !== 0 || !$isDeskParagraphNode(previous) || previous.getTextContentSize() !== 0) return false;
    if (paragraph.getTextContentSize() === 0) return false;
    previous.remove();
    return true;
  }
  const next = paragraph.getNextSibling();
  if (paragraph.getTextContentSize() !== 0 || !$isDeskParagraphNode(next)) return false;
  paragraph.remove();
  next.selectStart();
  return true;
}

/** Registers the heading-aware Enter and Backspace above rich text's own handlers. */
export function registerParagraphCommands(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(INSERT_PARAGRAPH_COMMAND, $insertDeskParagraph, COMMAND_PRIORITY_LOW),
    editor.registerCommand(DELETE_CHARACTER_COMMAND, $deleteEmptyNeighbour, COMMAND_PRIORITY_LOW),
  );
}
