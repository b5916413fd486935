import { describe, expect, it } from 'vitest';
import { ParagraphCounter } from './paragraphCounter';

const XML = '<w:body><w:p><w:pPr/><w:r><w:t>一</w:t></w:r></w:p><w:p w:rsidR="1"/><w:p/><w:proofErr/><w:p\n>二</w:p></w:body>';

function countInChunks(xml: string, size: number): number {
  const bytes = new TextEncoder().encode(xml);
  const counter = new ParagraphCounter();
  for (let at = 0; at < bytes.length; at += size) counter.add('word/document.xml', bytes.subarray(at, at + size));
  return counter.count;
}

describe('ParagraphCounter', () => {
  it('counts <w:p>, <w:p …>, <w:p/> and not <w:pPr> or <w:proofErr>, whatever the chunking', () => {
    for (const size of [1, 2, 3, 4, 5, 7, 64, 10_000]) expect(countInChunks(XML, size)).toBe(4);
  });

  it('does not join a part’s last bytes to the next part', () => {
    const counter = new ParagraphCounter();
    counter.add('word/a.xml', new TextEncoder().encode('<w:'));
    counter.add('word/b.xml', new TextEncoder().encode('p>'));
    expect(counter.count).toBe(0);
  });
});
