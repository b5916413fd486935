import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSeedBody, readBody } from './headless';

describe('headless body', () => {
  it('seeds paragraphs with levels and reads them back as text and JSON', () => {
    const update = encodeSeedBody([
      { type: 'paragraph', level: 1, text: '一、提高思想认识' },
      { type: 'paragraph', text: '政务信息是党委、政府了解情况的重要依据。' },
    ]);
    const reading = readBody(update);
    expect(reading.text).toBe('一、提高思想认识\n政务信息是党委、政府了解情况的重要依据。');
    expect(reading.json.root.children).toMatchObject([
      { type: 'desk-paragraph', level: 1 },
      { type: 'desk-paragraph', level: 0 },
    ]);
  });

  it('seeds one empty paragraph when no blocks are given', () => {
    const reading = readBody(encodeSeedBody([]));
    expect(reading.text).toBe('');
    expect(reading.json.root.children).toHaveLength(1);
  });

  it('reads a body that was merged from concurrent updates', () => {
    const base = encodeSeedBody([{ type: 'paragraph', text: '甲' }]);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, base);
    expect(readBody(Y.encodeStateAsUpdate(doc)).text).toBe('甲');
  });
});
