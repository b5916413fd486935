/**
 * The body as the proofreader reads it, from the live Lexical state: the same paragraphs, list items
 * and table cells, in the same order and with the same texts as the server's canonical content
 * (src/core/proofing/canonicalParagraphs.ts), plus where each character lives, to turn finding
 * offsets into DOM ranges and edits. 查找和替换 (features/editor/find) reads the same units.
 */
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $isTableCellNode, $isTableNode } from '@lexical/table';
import {
  $getRoot, $isElementNode, $isLineBreakNode, $isTabNode, $isTextNode, type LexicalEditor, type LexicalNode,
} from 'lexical';
import { $isDeskParagraphNode } from '../../../core/editor/DeskParagraphNode';
import type { ParagraphInput } from '../../../core/proofing';
import { domRangeBetween, textDomPoint, type DomPoint } from '../editor/domText';

/** A run of a unit's text: a text node (offsets inside it) or one character of a break or tab. */
export interface Segment { key: string; start: number; length: number; text: boolean }

export interface BodyUnit { input: ParagraphInput; key: string; segments: Segment[] }

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

function $unit(node: LexicalNode, input: Omit<ParagraphInput, 'text'>): BodyUnit {
  const segments: Segment[] = [];
  const text = $collect(node, segments, { n: 0 });
  return { input: { ...input, text }, key: node.getKey(), segments };
}

function $listUnits(list: LexicalNode, out: BodyUnit[]): void {
  if (!$isListNode(list)) return;
  for (const item of list.getChildren()) {
    if (!$isListItemNode(item)) continue;
    out.push($unit(item, { kind: 'listItem' }));
    for (const child of item.getChildren().filter($isListNode)) $listUnits(child, out);
  }
}

/** Reads the body's units from the editor's current state. */
export function readBodyUnits(editor: LexicalEditor): BodyUnit[] {
  return editor.getEditorState().read(() => {
    const out: BodyUnit[] = [];
    for (const block of $getRoot().getChildren()) {
      if ($isListNode(block)) $listUnits(block, out);
      else if ($isTableNode(block)) {
        for (const row of block.getChildren()) {
          if (!$isElementNode(row)) continue;
          for (const cell of row.getChildren()) if ($isTableCellNode(cell)) out.push($unit(cell, { kind: 'cell' }));
        }
      } else {
        out.push($unit(block, { level: $isDeskParagraphNode(block) ? block.getLevel() : 0 }));
      }
    }
    return out;
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
