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
 * - An edit that changes a paragraph's number changes its level to match (registerLevelFollowsNumber):
 *   deleting, cutting, typing over or pressing Enter on a selection across paragraphs leaves one
 *   paragraph holding another's start, and deleting or typing inside a number breaks it, so the level
 *   follows what the number has become: 二、 gives 一级标题, no number gives 正文. A paragraph whose
 *   number the edit left as it was keeps its level, so a pasted long （1）… paragraph stays body text.
 */
import {
  $getNodeByKey,
  $getSelection,
  $hasUpdateTag,
  $isElementNode,
  $isRangeSelection,
  $isRootNode,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_LOW,
  HISTORIC_TAG,
  TextNode,
  DELETE_CHARACTER_COMMAND,
  INSERT_PARAGRAPH_COMMAND,
  mergeRegister,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
  type PointType,
} from 'lexical';
import { parseLevelNumber } from '../structure/levels';
import { $createDeskParagraphNode, $isDeskParagraphNode, DeskParagraphNode, toStructureLevel } from './DeskParagraphNode';

/** The caret's top-level body paragraph and its offset in the paragraph's text, if collapsed in one. */
function $caretInParagraph(): { paragraph: DeskParagraphNode; offset: number } | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const node = selection.anchor.getNode();
  const top = $isRootNode(node) ? null : node.getTopLevelElement();
  if (!$isDeskParagraphNode(top)) return null;
  return { paragraph: top, offset: $offsetIn(top, selection.anchor) };
}

/** Whether `point` is in a top-level body paragraph (not in a list or a table). */
function $inBodyParagraph(point: PointType): boolean {
  const node = point.getNode();
  const top = $isRootNode(node) ? null : node.getTopLevelElement();
  return $isDeskParagraphNode(top) && $isRootNode(top.getParent());
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
 * above; elsewhere Lexical's split, with the second half's level taken from its number. A selection
 * across body paragraphs is deleted first. True when handled (false leaves lists and tables to rich text).
 */
export function $insertDeskParagraph(): boolean {
  // Over a selection within the body's paragraphs: delete it first, as Lexical does, then split here.
  const range = $getSelection();
  if ($isRangeSelection(range) && !range.isCollapsed() && $inBodyParagraph(range.anchor) && $inBodyParagraph(range.focus)) {
    range.removeText();
  }
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

/** The level a paragraph's text announces by its number: 0 without one. */
function numberLevel(text: string): number {
  return parseLevelNumber(text)?.level ?? 0;
}

/**
 * Gives a top-level paragraph the level of its number if this update changed which level its number
 * announces, compared with `before` (the last committed state). New paragraphs are left as made
 * (a split, a paste decide their own level), and so is a paragraph whose number did not change.
 */
function $followNumber(paragraph: DeskParagraphNode, before: EditorState): void {
  if (!$isRootNode(paragraph.getParent())) return;
  const key = paragraph.getKey();
  const previous = before.read(() => {
    const node = $getNodeByKey(key);
    return $isDeskParagraphNode(node) ? node.getTextContent() : null;
  });
  if (previous === null) return;
  const level = toStructureLevel(numberLevel(paragraph.getTextContent()));
  if (level !== numberLevel(previous) && paragraph.getLevel() !== level) paragraph.setLevel(level);
}

/**
 * Keeps each edited paragraph's level consistent with its number (see the file comment), for local
 * edits only: a colleague's edit and an undo arrive as they were made. Not for 修订, whose capture
 * keeps deleted numbers as marks and records no level changes. Returns the unregister function.
 */
export function registerLevelFollowsNumber(editor: LexicalEditor): () => void {
  const follow = (node: LexicalNode): void => {
    if ($hasUpdateTag(COLLABORATION_TAG) || $hasUpdateTag(HISTORIC_TAG)) return;
    const top = node.getTopLevelElement();
    if ($isDeskParagraphNode(top)) $followNumber(top, editor.getEditorState());
  };
  return mergeRegister(
    editor.registerNodeTransform(TextNode, follow),
    editor.registerNodeTransform(DeskParagraphNode, follow),
  );
}
