/**
 * Comment anchors as Yjs relative positions into the body, computed and resolved without touching
 * the body: a selection in the editor becomes two relative positions (start, end), encoded as the
 * server stores them (src/core/review/anchor.ts); later, after any edits, they resolve back to a DOM
 * range for highlighting.
 *
 * This follows the layout Lexical's collaboration binding (v1) gives the body Y.Doc: every element
 * is a Y.XmlText holding its children in order; a text node is one embedded Y.Map (its properties)
 * followed by its characters; other leaves and nested elements are one embed each. Lexical's own
 * `createRelativePosition` in @lexical/yjs computes the same indexes from its private node map.
 */
import * as Y from 'yjs';
import {
  $createRangeSelectionFromDom, $getNodeByKey, $getRoot, $isElementNode, $isTextNode,
  type ElementNode, type LexicalEditor, type LexicalNode, type PointType,
} from 'lexical';
import { decodeAnchorPosition, encodeAnchorPosition, type EncodedAnchor } from '../../../core/review/anchor';
import { domRangeBetween, textDomPoint, type DomPoint } from '../editor';

function childSize(node: LexicalNode): number {
  return $isTextNode(node) ? 1 + node.getTextContentSize() : 1;
}

/** Index path of an element from the root (child indexes). */
function $pathOf(element: ElementNode): number[] | null {
  const path: number[] = [];
  let node: ElementNode = element;
  for (;;) {
    const parent = node.getParent();
    if (!parent) return node.getKey() === $getRoot().getKey() ? path.reverse() : null;
    path.push(node.getIndexWithinParent());
    node = parent;
  }
}

/** The shared types embedded in an element's XmlText, in order: the element's children. */
function embeds(type: Y.XmlText): unknown[] {
  const result: unknown[] = [];
  for (const op of type.toDelta() as Array<{ insert: unknown }>) {
    if (typeof op.insert !== 'string') result.push(op.insert);
  }
  return result;
}

function xmlTextAt(root: Y.XmlText, path: readonly number[]): Y.XmlText | null {
  let type = root;
  for (const index of path) {
    const child = embeds(type)[index];
    if (!(child instanceof Y.XmlText)) return null;
    type = child;
  }
  return type;
}

/** The element and index (in its XmlText) of a Lexical point. */
function $yIndexOf(point: PointType): { element: ElementNode; index: number } | null {
  const node = point.getNode();
  if ($isTextNode(node)) {
    const parent = node.getParent();
    if (!parent) return null;
    let index = 0;
    for (const sibling of parent.getChildren()) {
      if (sibling.is(node)) return { element: parent, index: index + 1 + Math.min(point.offset, node.getTextContentSize()) };
      index += childSize(sibling);
    }
    return null;
  }
  if (!$isElementNode(node)) return null;
  let index = 0;
  node.getChildren().slice(0, point.offset).forEach((child) => { index += childSize(child); });
  return { element: node, index };
}

function $relativeAt(bodyDoc: Y.Doc, point: PointType, assoc: number): string | null {
  const at = $yIndexOf(point);
  if (!at) return null;
  const path = $pathOf(at.element);
  const type = path && xmlTextAt(bodyDoc.get('root', Y.XmlText), path);
  if (!type) return null;
  return encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(type, at.index, assoc));
}

/**
 * The anchor and quoted text of the current DOM selection in the body, or null when nothing in the
 * body is selected. The start sticks to the first selected character and the end to the last, so
 * text typed just outside the range stays outside it.
 */
export function anchorFromSelection(editor: LexicalEditor, bodyDoc: Y.Doc): { anchor: EncodedAnchor; quote: string } | null {
  const root = editor.getRootElement();
  const dom = window.getSelection();
  if (!root || !dom || dom.rangeCount === 0 || dom.isCollapsed) return null;
  const range = dom.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const quote = dom.toString().replace(/\s+/g, ' ').trim();
  if (!quote) return null;
  return editor.read(() => {
    const selection = $createRangeSelectionFromDom(dom, editor);
    if (!selection || selection.isCollapsed()) return null;
    const [first, last] = selection.isBackward() ? [selection.focus, selection.anchor] : [selection.anchor, selection.focus];
    const start = $relativeAt(bodyDoc, first, 0);
    const end = $relativeAt(bodyDoc, last, -1);
    if (start === null || end === null) return null;
    return { anchor: { start, end }, quote: quote.length > 200 ? `${quote.slice(0, 200)}…` : quote };
  });
}

interface LexicalPoint { key: string; offset: number; type: 'text' | 'element' }

/** Resolves one encoded relative position to a Lexical point in the current editor state. */
function $resolve(bodyDoc: Y.Doc, encoded: string): LexicalPoint | null {
  const relative = decodeAnchorPosition(encoded);
  if (!relative) return null;
  let absolute: Y.AbsolutePosition | null;
  try {
    absolute = Y.createAbsolutePositionFromRelativePosition(relative, bodyDoc);
  } catch {
    return null;
  }
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  // The element's path: walk up the shared types to the body root.
  const path: number[] = [];
  let type: Y.XmlText = absolute.type;
  const root = bodyDoc.get('root', Y.XmlText);
  while (type !== root) {
    const parent: unknown = type.parent;
    if (!(parent instanceof Y.XmlText)) return null;
    const index = embeds(parent).indexOf(type);
    if (index < 0) return null;
    path.unshift(index);
    type = parent;
  }
  let element: ElementNode = $getRoot();
  for (const index of path) {
    const child = element.getChildAtIndex(index);
    if (!$isElementNode(child)) return null;
    element = child;
  }
  const children = element.getChildren();
  let position = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    const size = childSize(child);
    if ($isTextNode(child) && absolute.index > position && absolute.index <= position + size) {
      return { key: child.getKey(), offset: absolute.index - position - 1, type: 'text' };
    }
    if (absolute.index <= position) return { key: element.getKey(), offset: i, type: 'element' };
    position += size;
  }
  return { key: element.getKey(), offset: children.length, type: 'element' };
}

function $domPoint(editor: LexicalEditor, point: LexicalPoint): DomPoint | null {
  if (point.type === 'text') return textDomPoint(editor, point.key, point.offset);
  const node = $getNodeByKey(point.key);
  if (!$isElementNode(node)) return null;
  // Prefer a point inside text next to the element offset: DOM children do not always match.
  const after = node.getChildAtIndex(point.offset);
  if ($isTextNode(after)) return $domPoint(editor, { key: after.getKey(), offset: 0, type: 'text' });
  const before = point.offset > 0 ? node.getChildAtIndex(point.offset - 1) : null;
  if ($isTextNode(before)) return $domPoint(editor, { key: before.getKey(), offset: before.getTextContentSize(), type: 'text' });
  const element = editor.getElementByKey(point.key);
  return element ? [element, Math.min(point.offset, element.childNodes.length)] : null;
}

/** The DOM range an anchor covers now, or null when its text is gone or not rendered. */
export function rangeOfAnchor(editor: LexicalEditor, bodyDoc: Y.Doc, anchor: EncodedAnchor): Range | null {
  return editor.read(() => {
    const start = $resolve(bodyDoc, anchor.start);
    const end = $resolve(bodyDoc, anchor.end);
    if (!start || !end) return null;
    const from = $domPoint(editor, start);
    const to = $domPoint(editor, end);
    const range = from && to ? domRangeBetween(from, to) : null;
    return range && !range.collapsed ? range : null;
  });
}
