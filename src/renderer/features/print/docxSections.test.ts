import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../../core/docx/docxExporter';
import { defaultCharSpacing, docxCharSpacing, docxSections, sectionsOf } from './docxSections';

describe('docxSections', () => {
  it('reads each section start and whether its footer carries a PAGE field', () => {
    const document = '<w:body><w:p><w:pPr><w:sectPr><w:footerReference w:type="default" r:id="rId8"/><w:pgMar w:footer="1020"/></w:sectPr></w:pPr></w:p>'
      + '<w:sectPr><w:footerReference w:type="default" r:id="rId9"/><w:type w:val="oddPage"/><w:pgMar w:footer="1020"/></w:sectPr></w:body>';
    const rels = '<Relationship Id="rId8" Target="footer1.xml"/><Relationship Id="rId9" Target="footer2.xml"/>';
    const parts: Record<string, string> = { 'word/footer1.xml': '<w:instrText>PAGE</w:instrText>', 'word/footer2.xml': '<w:p/>' };
    expect(sectionsOf(document, rels, (name) => parts[name])).toEqual([
      { start: 'nextPage', numbered: true, footerTwips: 1020 },
      { start: 'oddPage', numbered: false, footerTwips: 1020 },
    ]);
  });

  it('finds the numbered body section and the default character spacing of an exported 公文', async () => {
    const bytes = await exportDocx({ kind: 'official', title: '通知', properties: { 抄送: '区纪工委。', 印发机关: '办公室', 印发日期: '2023年9月10日' },
      body: [{ type: 'paragraph', level: 0, runs: [{ text: '正文。', format: 0 }], align: '' }], final: false });
    const sections = docxSections(bytes);
    expect(sections[0]?.numbered).toBe(true);
    expect(docxCharSpacing(bytes)).toBeLessThan(0);
    expect(defaultCharSpacing('<w:styles/>')).toBe(0);
  });
});
