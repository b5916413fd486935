import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BodySeedBlock } from '../../editor/headless';
import { applyRevisionMarks, markWordRevisions, withoutRevisionMarks } from './wordRevisions';

const docx = (body: string): Uint8Array => zipSync({ 'word/document.xml': strToU8(`<w:document><w:body>${body}</w:body></w:document>`) });
const run = (text: string): string => `<w:r><w:t>${text}</w:t></w:r>`;
const by = (author: string, id = 1): string => ` w:id="${id}" w:author="${author}" w:date="2025-03-02T09:30:00Z"`;

/** The paragraphs' text as mammoth would read the marked file (marks kept, one paragraph each). */
function seeds(bytes: Uint8Array): BodySeedBlock[] {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return [...xml.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((p) => ({
    type: 'paragraph', text: [...p[0].matchAll(/<w:t>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

describe('Word revisions read into suggestions', () => {
  it('leaves a file without revisions alone', () => {
    expect(markWordRevisions(docx(`<w:p>${run('甲')}</w:p>`))).toBeNull();
  });

  it('reads insertions, deletions, text inserted then deleted, and a paragraph mark (Word and LibreOffice forms)', () => {
    const marked = markWordRevisions(docx(
      `<w:p><w:pPr><w:rPr><w:ins${by('王五', 7)}></w:ins></w:rPr></w:pPr>${run('甲')}<w:ins${by('王五', 2)}>${run('乙')}</w:ins>`
      + `<w:del${by('赵六', 3)}><w:r><w:delText>丙</w:delText></w:r></w:del>`
      + `<w:ins${by('王五', 4)}><w:del${by('赵六', 5)}><w:r><w:delText>丁</w:delText></w:r></w:del></w:ins></w:p>`
      + `<w:p><w:pPr><w:rPr><w:del${by('赵六', 6)}/></w:rPr></w:pPr>${run('戊')}</w:p><w:p>${run('己')}</w:p>`,
    ));
    if (!marked) throw new Error('no revisions read');
    const blocks = applyRevisionMarks(seeds(marked.bytes), marked.revisions);
    expect(blocks[0]).toMatchObject({
      text: '甲乙',
      runs: [
        { text: '甲' },
        { text: '乙', suggestion: { kind: 'insert', authorId: 'word:王五', authorName: '王五', at: '2025-03-02T09:30:00.000Z' } },
        { text: '丙', suggestion: { kind: 'delete', authorName: '赵六' } },
      ],
    });
    expect(blocks[0]).not.toHaveProperty('suggestions');
    expect(blocks[1]).toMatchObject({ text: '戊', suggestions: { split: { authorName: '王五' } } });
    expect(blocks[2]).toMatchObject({ text: '己', suggestions: { join: { authorName: '赵六' } } });
    expect(blocks.every((b) => b.type !== 'paragraph' || withoutRevisionMarks(b.text) === b.text)).toBe(true);
  });

  it('reads a former heading style as a level suggestion', () => {
    const marked = markWordRevisions(docx(
      `<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:pPrChange${by('王五')}><w:pPr><w:pStyle w:val="Heading1"/></w:pPr></w:pPrChange></w:pPr>${run('（一）总体要求')}</w:p>`,
    ));
    if (!marked) throw new Error('no revisions read');
    const [block] = applyRevisionMarks(seeds(marked.bytes).map((b) => ({ ...b, level: 2 })), marked.revisions);
    expect(block).toMatchObject({ level: 2, text: '（一）总体要求', suggestions: { level: { from: 1, authorName: '王五' } } });
  });
});
