/**
 * Structure levels as editor operations: set a level on the selected paragraphs, renumber the body.
 * Numbers are ordinary text, so both edit only the characters of the number prefix: a collaborator
 * typing elsewhere in the same paragraph is not disturbed when the edit merges through Yjs.
 */
import {
  $createTextNode,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isRootNode,
  $isTextNode,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  mergeRegister,
  type LexicalCommand,
  type LexicalEditor,
  type NodeKey,
  type PointType,
  type TextNode,
} from 'lexical';
import { numberPrefixEdit, renumberEdits, sequenceNumbers, type PrefixEdit } from '../structure/levels';
import { $isDeskParagraphNode, toStructureLevel, type DeskParagraphNode, type StructureLevel } from './DeskParagraphNode';

/** Sets the structure level of the selected paragraphs (see $setStructureLevel). */
export const SET_STRUCTURE_LEVEL_COMMAND: LexicalCommand<StructureLevel> = createCommand<StructureLevel>('SET_STRUCTURE_LEVEL_COMMAND');

/** Renumbers every structure heading of the body (see $renumberBody). */
export const RENUMBER_COMMAND: LexicalCommand<void> = createCommand<void>('RENUMBER_COMMAND');

/**
 * Gives `level` to every top-level paragraph the current range selection touches (paragraphs inside
 * lists and tables carry no structure and are left alone). For levels 1–4 the paragraph's number
 * becomes the one renumbering would give it where it stands, replacing a recognized number or
 * inserted at its start; for level 0 a recognized number is removed. Other paragraphs keep their
 * numbers: renumbering them is RENUMBER_COMMAND's job. No-op without a range selection.
 */
export function $setStructureLevel(level: StructureLevel): void {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  const touched = new Set<NodeKey>();
  for (const node of [selection.anchor.getNode(), selection.focus.getNode(), ...selection.getNodes()]) {
    const top = $isRootNode(node) ? null : node.getTopLevelElement();
    if ($isDeskParagraphNode(top)) touched.add(top.getKey());
  }
  const paragraphs = $bodyParagraphs();
  for (const paragraph of paragraphs) {
    if (touched.has(paragraph.getKey())) paragraph.setLevel(level);
  }
  const numbers = sequenceNumbers(paragraphs.map((paragraph) => paragraph.getLevel()));
  paragraphs.forEach((paragraph, i) => {
    if (!touched.has(paragraph.getKey())) return;
    $applyPrefixEdit(paragraph, numberPrefixEdit(paragraph.getTextContent(), level, numbers[i] ?? 0));
  });
}

/**
 * Renumbers the body's top-level paragraphs as `renumber` does, changing only the number characters
 * of the paragraphs whose number is wrong or missing.
 */
export function $renumberBody(): void {
  const paragraphs = $bodyParagraphs();
  const edits = renumberEdits(paragraphs.map((paragraph) => ({
    level: paragraph.getLevel(),
    text: paragraph.getTextContent(),
  })));
  paragraphs.forEach((paragraph, i) => $applyPrefixEdit(paragraph, edits[i]));
}

/** Registers both structure commands on `editor`; returns the function that unregisters them. */
export function registerStructureCommands(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(
      SET_STRUCTURE_LEVEL_COMMAND,
      (level) => {
        $setStructureLevel(toStructureLevel(level));
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      RENUMBER_COMMAND,
      () => {
        $renumberBody();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );
}

function $bodyParagraphs(): DeskParagraphNode[] {
  return $getRoot().getChildren().filter($isDeskParagraphNode);
}

/**
 * Deletes the first `deleteCount` characters of the paragraph's text, which lie in its leading text
 * nodes, and inserts `insert` at the start of its first text node, or of a new one when the
 * paragraph does not start with text. A caret in or after the prefix keeps its place in the text.
 */
function $applyPrefixEdit(paragraph: DeskParagraphNode, edit: PrefixEdit | null): void {
  if (!edit) return;
  let remaining = edit.deleteCount;
  const emptied: TextNode[] = [];
  for (const text of paragraph.getAllTextNodes()) {
    if (remaining <= 0) break;
    const count = Math.min(remaining, text.getTextContentSize());
    $spliceStart(text, count, '');
    remaining -= count;
    if (text.getTextContentSize() === 0) emptied.push(text);
  }
  const first = paragraph.getFirstChild();
  let target: TextNode | null = null;
  if (edit.insert !== '') {
    if ($isTextNode(first)) {
      target = first;
      $spliceStart(first, 0, edit.insert);
    } else {
      target = $createTextNode(edit.insert)
        .setFormat(paragraph.getTextFormat())
        .setStyle(paragraph.getTextStyle());
      $insertFirstChild(paragraph, target);
    }
  }
  for (const text of emptied) {
    if (text.isAttached() && !text.is(target)) text.remove();
  }
}

function $spliceStart(text: TextNode, deleteCount: number, insert: string): void {
  text.spliceText(0, deleteCount, insert);
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  for (const point of [selection.anchor, selection.focus]) {
    if (point.type === 'text' && point.key === text.getKey()) {
      const offset = point.offset <= deleteCount ? insert.length : point.offset - deleteCount + insert.length;
      point.set(point.key, offset, 'text');
    }
  }
}

function $insertFirstChild(paragraph: DeskParagraphNode, text: TextNode): void {
  const first = paragraph.getFirstChild();
  if (first) first.insertBefore(text);
  else paragraph.append(text);
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return;
  for (const point of [selection.anchor, selection.focus]) {
    if (point.type === 'element' && point.key === paragraph.getKey()) $shiftElementPoint(point, text);
  }
}

// A caret at the paragraph's start goes after the new number, as typing would leave it.
function $shiftElementPoint(point: PointType, text: TextNode): void {
  if (point.offset === 0) point.set(text.getKey(), text.getTextContentSize(), 'text');
  else point.set(point.key, point.offset + 1, 'element');
}
