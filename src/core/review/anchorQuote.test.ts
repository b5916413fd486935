import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSeedBody } from '../editor/headless';
import { encodeAnchorPosition } from './anchor';
import { anchorQuote, QUOTE_MAX } from './anchorQuote';

function body(...paragraphs: string[]): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, encodeSeedBody(paragraphs.map((text) => ({ type: 'paragraph' as const, text }))));
  return doc;
}

/** The root's embedded elements, in order. */
function elements(type: Y.XmlText): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  for (let item = type._start; item; item = item.right) {
    if (!item.deleted && item.content instanceof Y.ContentType && item.content.type instanceof Y.XmlText) found.push(item.content.type);
  }
  return found;
}

/**
 * As the editor encodes a selection (renderer/features/review/anchors.ts): the caret before the first
 * character (assoc 0) and the caret after the last (assoc −1); a text node's properties come first.
 */
function anchor(doc: Y.Doc, from: [paragraph: number, char: number], to: [paragraph: number, char: number]): { start: string; end: string } {
  const paragraphs = elements(doc.get('root', Y.XmlText));
  const at = ([p, c]: [number, number], assoc: number): string => encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(paragraphs[p], 1 + c, assoc));
  return { start: at(from, 0), end: at(to, -1) };
}

describe('anchorQuote', () => {
  it('reads the characters the anchor covers in one paragraph', () => {
    const doc = body('推行“四个一”工作机制，重点项目提速增效。');
    expect(anchorQuote(doc, anchor(doc, [0, 3], [0, 6]))).toBe('四个一');
    expect(anchorQuote(doc, anchor(doc, [0, 0], [0, 2]))).toBe('推行');
  });

  it('reads across paragraphs, a space between them', () => {
    const doc = body('第一段的结尾', '第二段', '第三段的开头');
    expect(anchorQuote(doc, anchor(doc, [0, 4], [2, 3]))).toBe('结尾 第二段 第三段');
  });

  it('follows edits around the anchor and reads what the body says there now', () => {
    const doc = body('推行四个一机制');
    const a = anchor(doc, [0, 2], [0, 5]);
    const paragraph = elements(doc.get('root', Y.XmlText))[0];
    paragraph.insert(1, '全面');
    expect(anchorQuote(doc, a)).toBe('四个一');
    paragraph.delete(1 + 2 + 3, 1);
    expect(anchorQuote(doc, a)).toBe('四一');
  });

  it('cuts a long quote as the editor did', () => {
    const doc = body('字'.repeat(500));
    expect(anchorQuote(doc, anchor(doc, [0, 0], [0, 500]))).toBe(`${'字'.repeat(QUOTE_MAX)}…`);
  });

  it('is null for an anchor that covers nothing, runs backwards, was deleted or does not decode', () => {
    const doc = body('推行四个一机制', '第二段');
    expect(anchorQuote(doc, anchor(doc, [1, 2], [0, 3]))).toBeNull();
    expect(anchorQuote(doc, anchor(doc, [0, 5], [0, 2]))).toBeNull();
    const gone = anchor(doc, [1, 0], [1, 2]);
    doc.get('root', Y.XmlText).delete(1, 1);
    expect(anchorQuote(doc, gone)).toBeNull();
    expect(anchorQuote(doc, { start: '', end: 'AAAA' })).toBeNull();
    // Positions in text this body never had (another document's).
    const other = body('别的文稿');
    expect(anchorQuote(doc, anchor(other, [0, 0], [0, 2]))).toBeNull();
  });
});
