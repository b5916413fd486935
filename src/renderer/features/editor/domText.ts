/**
 * Between the editor's DOM and text offsets: where a character of a Lexical text node is in the
 * rendered DOM, and a DOM range between two such points. Used by 审校 findings and 批注 anchors.
 */
import type { LexicalEditor, NodeKey } from 'lexical';

/** A DOM position: a node and an offset inside it, as Range.setStart takes them. */
export type DomPoint = [Node, number];

function firstTextNode(node: Node): Text | null {
  if (node instanceof Text) return node;
  for (const child of Array.from(node.childNodes)) {
    const found = firstTextNode(child);
    if (found) return found;
  }
  return null;
}

/**
 * The DOM point `offset` characters into the text node Lexical rendered for `key` (clamped to the
 * rendered text's length), or null when the node is not rendered or holds no text.
 */
export function textDomPoint(editor: LexicalEditor, key: NodeKey, offset: number): DomPoint | null {
  const element = editor.getElementByKey(key);
  const text = element && firstTextNode(element);
  return text ? [text, Math.min(offset, text.length)] : null;
}

/** A DOM range from `from` to `to`, or null when the DOM refuses either point. */
export function domRangeBetween(from: DomPoint, to: DomPoint): Range | null {
  const range = document.createRange();
  try {
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
  } catch {
    return null;
  }
  return range;
}
