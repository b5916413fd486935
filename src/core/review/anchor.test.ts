import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { anchorHolds, decodeAnchorPosition, encodeAnchorPosition } from './anchor';

function body(text: string): { doc: Y.Doc; paragraph: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlText();
  doc.get('root', Y.XmlText).insertEmbed(0, paragraph);
  paragraph.insert(0, text);
  return { doc, paragraph };
}

describe('review anchors', () => {
  it('round-trips a relative position through base64 and follows edits made around it', () => {
    const { doc, paragraph } = body('推行四个一机制');
    const start = encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(paragraph, 2));
    const end = encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(paragraph, 4, -1));
    expect(start).toMatch(/^[A-Za-z0-9+/]+=*$/);
    paragraph.insert(0, '全面');
    const at = Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(start) ?? Y.createRelativePositionFromTypeIndex(paragraph, 0), doc);
    expect(at?.index).toBe(4);
    expect(anchorHolds(doc, { start, end })).toBe(true);
  });

  it('refuses what is not an encoded relative position', () => {
    for (const bad of ['', '!!!', 'AAAA', 'aGVsbG8=', `${encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('t'), 0))}AA==`]) {
      expect(decodeAnchorPosition(bad)).toBeNull();
    }
    expect(anchorHolds(new Y.Doc(), { start: '', end: '' })).toBe(false);
  });

  it('no longer holds once the commented text is deleted', () => {
    const { doc, paragraph } = body('请核实这一段');
    const anchor = {
      start: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(paragraph, 1)),
      end: encodeAnchorPosition(Y.createRelativePositionFromTypeIndex(paragraph, 3, -1)),
    };
    doc.get('root', Y.XmlText).delete(0, 1);
    expect(anchorHolds(doc, anchor)).toBe(false);
  });
});
