/**
 * The body as the proofreader reads it in the editor: the paragraphs, list items and table cell
 * paragraphs the server's gate reads, taken from the same reader (the body model and
 * `paragraphsOfBlocks`, on the editor's JSON), plus where each character lives, to turn finding
 * offsets into DOM ranges and edits. The walk that finds where characters live visits the nodes in
 * the model's order (bodyUnits.test.ts holds the two together). 查找和替换 (features/editor/find) reads the same units.
 */
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isTableCellNode, $isTableNode } from '@lexical/table';
import {
  $getRoot, $isElementNode, $isLineBreakNode, $isTabNode, $isTextNode, type LexicalEditor, type LexicalNode,
} from 'lexical';
import { bodyBlocksFromLexical } from '../../../core/body/bodyModel';
import { paragraphsOfBlocks, type ParagraphInput } from '../../../core/proofing';
import { domRangeBetween, textDomPoint, type DomPoint } from '../editor';

/** A run of a unit's text: a text node (offsets inside it) or one character of a break or tab. */
export interface Segment { key: string; start: number; length: number; text: boolean }

export interface BodyUnit { input: ParagraphInput; key: string; segments: Segment[] }

/** Where a unit's characters live: its node and the segments of its text, in order. */
interface Placement { key: string; text: string; segments: Segment[] }

function $collect(node: LexicalNode, segments: Segment[], at: { n: number }): string {
  let text = '';
  const push = (key: string, value: string, isText: boolean): void => {
    segments.push({ key, start: at.n, length: value.length, text: isText });
    at.n += value.length;
    text += value;
  };
  if (!$isElementNode(node)) return text;
  for (const child of node.getChildren()) {
    if ($isTextNode(child) && !$isTabNode(child)) push(child.getKey(), child.getTextContent(), true);
    else if ($isTabNode(child)) push(child.getKey(), '\t', false);
    else if ($isLineBreakNode(child)) push(child.getKey(), '\n', false);
    else if ($isElementNode(child) && !$isListNode(child)) text += $collect(child, segments, at);
  }
  return text;
}

function $place(node: LexicalNode): Placement {
  const segments: Segment[] = [];
  const text = $collect(node, segments, { n: 0 });
  return { key: node.getKey(), text, segments };
}

/** As the model reads a list: an item (unless it only holds a nested list), then its nested lists. */
function $listPlacements(list: LexicalNode, out: Placement[]): void {
  if (!$isListNode(list)) return;
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    const children = item.getChildren();
    const nested = children.filter($isListNode);
    if (nested.length < children.length || nested.length === 0) out.push($place(item));
    for (const child of nested) $listPlacements(child, out);
  }
}

/** As the model reads a table cell: each paragraph, each list item, each nested table's cell paragraphs. */
function $cellPlacements(cell: LexicalNode, out: Placement[]): void {
  if (!$isElementNode(cell)) return;
  for (const child of cell.getChildren()) {
    if ($isListNode(child)) $listPlacements(child, out);
    else if ($isTableNode(child)) $tablePlacements(child, out);
    else out.push($place(child));
  }
}

function $tablePlacements(table: LexicalNode, out: Placement[]): void {
  if (!$isElementNode(table)) return;
  for (const row of table.getChildren()) {
    if (!$isElementNode(row)) continue;
    for (const cell of row.getChildren()) if ($isTableCellNode(cell)) $cellPlacements(cell, out);
  }
}

/** Reads the body's units from the editor's current state. */
export function readBodyUnits(editor: LexicalEditor): BodyUnit[] {
  const state = editor.getEditorState();
  const inputs = paragraphsOfBlocks(bodyBlocksFromLexical(state.toJSON()));
  const placements = state.read(() => {
    const out: Placement[] = [];
    for (const block of $getRoot().getChildren()) {
      if ($isListNode(block)) $listPlacements(block, out);
      else if ($isTableNode(block)) $tablePlacements(block, out);
      else out.push($place(block));
    }
    return out;
  });
  return inputs.map((input, i) => {
    const placement = placements[i];
    // Where the walk and the model disagree, the finding is listed but not placed in the text.
    return placement?.text === input.text
      ? { input, key: placement.key, segments: placement.segments }
      : { input, key: placement?.key ?? '', segments: [] };
  });
}

/** The segment holding offset `at` (the end of one text node belongs to it, not to the next). */
export function segmentAt(unit: BodyUnit, at: number, preferEnd: boolean): Segment | null {
  for (const seg of unit.segments) {
    if (at > seg.start && at < seg.start + seg.length) return seg;
    if (at === seg.start && !preferEnd) return seg;
    if (at === seg.start + seg.length && preferEnd) return seg;
  }
  return unit.segments.find((s) => at >= s.start && at <= s.start + s.length) ?? null;
}

/** A DOM range over [start, end) of a unit, for highlights and scrolling. */
export function domRange(editor: LexicalEditor, unit: BodyUnit, start: number, end: number): Range | null {
  const point = (at: number, preferEnd: boolean): DomPoint | null => {
    const seg = segmentAt(unit, at, preferEnd);
    if (!seg) {
      const element = editor.getElementByKey(unit.key);
      return element ? [element, 0] : null;
    }
    if (seg.text) return textDomPoint(editor, seg.key, at - seg.start);
    const element = editor.getElementByKey(seg.key);
    if (!element) return null;
    return [element.parentNode ?? element, Array.prototype.indexOf.call(element.parentNode?.childNodes ?? [], element) + (at > seg.start ? 1 : 0)];
  };
  const from = point(start, false);
  const to = point(Math.max(end, start), true);
  return from && to ? domRangeBetween(from, to) : null;
}
