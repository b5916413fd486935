/**
 * Pending suggestions in the Word file: an export with revisions writes them as w:ins, w:del (text in
 * w:delText), paragraph marks and a pPrChange, numbered uniquely; a clean export and a 定稿 print
 * the original text only.
 */
import { strFromU8, unzipSync } from 'fflate';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { bodyJson } from '../body/testing';
import { $isDeskParagraphNode } from '../editor/DeskParagraphNode';
import { $fill, BOB, del, ins, meta } from '../suggestions/testing';
import { exportDocx } from './docxExporter';
import { numberRevisions, wordDate } from './revisions';

function $paragraphAt(index: number) {
  const node = $getRoot().getChildAtIndex(index);
  if (!$isDeskParagraphNode(node)) throw new Error('not a paragraph');
  return node;
}

/** 甲[+乙]丙[-丁]戊 / ⏎+ 己 / ⏎- 庚 (level 0 → 2). */
const SUGGESTED_BODY = bodyJson(() => {
  $fill([['甲', ins('乙', meta('s1')), '丙', del('丁', meta('s2', BOB)), '戊'], ['己'], ['庚']]);
  $paragraphAt(1).setSuggestions({ split: meta('s3') });
  $paragraphAt(2).setLevel(2).setSuggestions({ join: meta('s4', BOB), level: { ...meta('s5'), from: 0 } });
});

async function documentXml(options: { revisions?: boolean; final?: boolean }): Promise<string> {
  const bytes = await exportDocx({
    kind: 'manuscript', title: '测试', properties: {}, body: SUGGESTED_BODY, final: options.final ?? false, revisions: options.revisions,
  });
  return strFromU8(unzipSync(bytes)['word/document.xml']);
}

describe('export with revisions', () => {
  it('writes inserted and deleted runs with author and date', async () => {
    const xml = await documentXml({ revisions: true });
    expect(xml).toMatch(/<w:ins w:id="\d+" w:author="张三" w:date="2025-03-01T08:00:00Z"><w:r><w:t xml:space="preserve">乙<\/w:t><\/w:r><\/w:ins>/);
    expect(xml).toMatch(/<w:del w:id="\d+" w:author="李四" w:date="2025-03-01T08:00:00Z"><w:r><w:delText xml:space="preserve">丁<\/w:delText><\/w:r><\/w:del>/);
  });

  it('writes a suggested split as the previous mark inserted, a join as it deleted, a level change as pPrChange', async () => {
    const xml = await documentXml({ revisions: true });
    expect(xml).toMatch(/<w:rPr><w:ins w:id="\d+" w:author="张三"[^>]*\/><\/w:rPr><\/w:pPr><w:r><w:t xml:space="preserve">甲/);
    expect(xml).toMatch(/<w:rPr><w:del w:id="\d+" w:author="李四"[^>]*\/><\/w:rPr><\/w:pPr><w:r><w:t xml:space="preserve">己/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*<w:pPrChange w:id="\d+" w:author="张三"[^>]*><w:pPr\/?>(<\/w:pPr>)?<\/w:pPrChange><\/w:pPr><w:r><w:t xml:space="preserve">庚/);
  });

  it('numbers the revisions uniquely and turns Word\'s 修订 on', async () => {
    const bytes = await exportDocx({ kind: 'manuscript', title: '测试', properties: {}, body: SUGGESTED_BODY, final: false, revisions: true });
    const files = unzipSync(bytes);
    const ids = [...strFromU8(files['word/document.xml']).matchAll(/<w:(?:ins|del|pPrChange) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    expect(strFromU8(files['word/settings.xml'])).toContain('<w:trackRevisions/>');
  });

  it('prints the original text without any revision by default and for a 定稿', async () => {
    for (const xml of [await documentXml({}), await documentXml({ revisions: true, final: true })]) {
      expect(xml).not.toMatch(/<w:(ins|del|pPrChange)\b/);
      expect(xml).toContain('甲丙丁戊');
      expect(xml).not.toContain('乙');
    }
  });

  it('writes Word dates in whole seconds and renumbers in document order', () => {
    expect(wordDate('2025-03-01T08:00:00.123Z')).toBe('2025-03-01T08:00:00Z');
    expect(wordDate('not a time')).toBe('');
    expect(numberRevisions('<w:ins w:id="0"/><w:delText/><w:del w:author="a" w:id="0"/>')).toBe('<w:ins w:id="1"/><w:delText/><w:del w:author="a" w:id="2"/>');
  });
});
