/**
 * The text a review thread's anchor covers, read from the body itself: what the server stores as the
 * thread's quote, so that the quoted text is always what the body says there (never the client's word).
 *
 * Walks the layout Lexical's collaboration binding (v1) gives the body (see anchor.ts and the
 * renderer's anchors.ts): every element is a Y.XmlText holding its children in order; a text node is
 * an embedded Y.Map (its properties) followed by its characters; nested elements are embedded
 * XmlTexts. Block elements (paragraphs, list items, table cells) are separated by a space in the
 * quote; an inline element (a 修订 suggestion) is read as part of its paragraph.
 */
import * as Y from 'yjs';
import { anchorHolds, decodeAnchorPosition, type EncodedAnchor } from './anchor';

/** A quote longer than this is cut here and ends with `…` (as the editor cut it). */
export const QUOTE_MAX = 200;

/** Element types that are read inline, without a break around them. */
const INLINE_ELEMENTS = new Set(['suggestion']);

/** A shared type of the body as Yjs resolves a position to it (the body's own types are XmlTexts). */
type Shared = Y.AbstractType<unknown>;

interface Point { type: Shared; index: number }

function resolve(encoded: string, body: Y.Doc): Point | null {
  const position = decodeAnchorPosition(encoded);
  if (!position) return null;
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(position, body);
    return absolute ? { type: absolute.type, index: absolute.index } : null;
  } catch {
    return null;
  }
}

const isBlock = <T>(type: Y.AbstractType<T>): boolean =>
  !(type instanceof Y.XmlText) || !INLINE_ELEMENTS.has(String(type.getAttribute('__type')));

/**
 * The text between the anchor's start and end, whitespace collapsed, cut at QUOTE_MAX; null when an
 * end does not resolve in `body` (text the server does not have, or deleted), when the end does not
 * come after the start, or when the anchor covers no text.
 */
export function anchorQuote(body: Y.Doc, anchor: EncodedAnchor): string | null {
  const start = resolve(anchor.start, body);
  const end = resolve(anchor.end, body);
  if (!start || !end) return null;
  let text = '';
  let reachedEnd = false;

  /** Reads `type` from the item at `index` on; true once the end is reached. */
  const read = <T>(type: Y.AbstractType<T>, from: number): boolean => {
    let index = 0;
    for (let item = type._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      const length = item.length;
      if (type === end.type && index >= end.index) return true;
      if (index + length > from) {
        const content = item.content;
        if (content instanceof Y.ContentString) {
          const stop = type === end.type ? Math.min(length, end.index - index) : length;
          if (text.length <= QUOTE_MAX) text += content.str.slice(Math.max(0, from - index), stop);
        } else if (content instanceof Y.ContentType && content.type instanceof Y.XmlText) {
          const block = isBlock(content.type);
          if (block) text += ' ';
          if (read(content.type, 0)) return true;
          if (block) text += ' ';
        }
      }
      index += length;
    }
    return type === end.type && index >= end.index;
  };

  // From the start, read on through the rest of each enclosing element, up to the body's root.
  let type: Shared | null = start.type;
  let from = start.index;
  while (type && !reachedEnd) {
    reachedEnd = read(type, from);
    const item: Y.Item | null = type._item;
    const parent: Shared | Y.ID | null | undefined = item?.parent;
    if (reachedEnd || !item || !(parent instanceof Y.AbstractType)) break;
    if (isBlock(type)) text += ' ';
    from = indexAfter(parent, item);
    type = parent;
  }
  if (!reachedEnd) return null;
  const quote = text.replace(/\s+/g, ' ').trim();
  if (quote === '') return null;
  return quote.length > QUOTE_MAX ? `${quote.slice(0, QUOTE_MAX)}…` : quote;
}

/** The index in `parent` just after `child` (an item of it). */
function indexAfter<T>(parent: Y.AbstractType<T>, child: Y.Item): number {
  let index = 0;
  for (let item = parent._start; item; item = item.right) {
    if (!item.deleted && item.countable) index += item.length;
    if (item === child) return index;
  }
  return index;
}

/** What the body says about one anchor: whether both ends still resolve, and the text it covers. */
export interface AnchorReading { holds: boolean; quote: string | null }

/** The reading of each anchor in `body`, in order. */
export function readAnchors(body: Y.Doc, anchors: readonly EncodedAnchor[]): AnchorReading[] {
  return anchors.map((anchor) => ({ holds: anchorHolds(body, anchor), quote: anchorQuote(body, anchor) }));
}
