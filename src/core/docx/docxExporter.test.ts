import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { checkDocx, readDocx } from '../../../test/support/docxChecker';
import { parseSample } from '../../../test/support/samples';
import type { BodyBlock } from '../body/bodyModel';
import { bodyBlocksFromLexical } from '../body/bodyModel';
import { APPROVAL_PROPERTIES, docxFileName, exportDocx, layoutForKind, type DocxLayout } from './docxExporter';
import { mmToTwip } from './gbt9704';

const official = parseSample('notice-official.md');
const bulletin = parseSample('info-bulletin.md');

const exportSample = (sample: typeof official, layout: DocxLayout, final = true, extra: BodyBlock[] = []) =>
  exportDocx({ kind: sample.kind, title: sample.title, properties: sample.properties, body: [...sample.blocks, ...extra], final, layout });

const table: BodyBlock = {
  type: 'table',
  rows: [[[[{ text: '项目', format: 0 }]], [[{ text: '投资', format: 0 }]]], [[[{ text: '甲', format: 0 }]], [[{ text: '1.5亿元', format: 1 }]]]],
};
const list: BodyBlock = { type: 'list', ordered: true, items: [{ depth: 0, runs: [{ text: '第一项', format: 0 }] }, { depth: 1, runs: [{ text: '子项', format: 2 }] }] };

describe('docx export', () => {
  it('rounds millimetres to twips (37 mm is 2098, not 2097)', () => {
    expect(mmToTwip(37)).toBe(2098);
    expect(mmToTwip(28)).toBe(1587);
    expect(mmToTwip(35)).toBe(1984);
  });

  it.each([
    ['official', official],
    ['info', bulletin],
    ['manuscript', official],
  ] as const)('passes every structural check of the spec in the %s layout', async (layout, sample) => {
    const { problems } = await checkDocx(await exportSample(sample, layout, true, [table, list]), { layout });
    expect(problems).toEqual([]);
  });

  it('marks a draft in the header and the file name, and a final document in neither', async () => {
    const draft = await readDocx(await exportSample(official, 'official', false));
    expect(draft.headersText).toEqual(['草稿', '草稿']);
    expect(docxFileName(official.title, false)).toBe('关于进一步规范政务信息报送工作的通知（草稿）.docx');
    const final = await readDocx(await exportSample(official, 'official', true));
    expect(final.headersText).toEqual([]);
    expect(docxFileName('a/b:c', true)).toBe('a_b_c.docx');
  });

  it('writes the approval of a final document into the custom properties, and never a draft’s', async () => {
    const approval = { contentHash: 'ab'.repeat(32), signerName: '李签发', signedAt: '2023-09-10T08:00:00.000Z' };
    const input = { kind: 'official', title: 't', properties: official.properties, body: official.blocks, approval };
    const final = await readDocx(await exportDocx({ ...input, final: true }));
    expect(final.customProperties).toEqual({
      [APPROVAL_PROPERTIES.contentHash]: approval.contentHash,
      [APPROVAL_PROPERTIES.signerName]: '李签发',
      [APPROVAL_PROPERTIES.signedAt]: approval.signedAt,
    });
    expect((await readDocx(await exportDocx({ ...input, final: false }))).customProperties).toEqual({});
  });

  it('sets a run-in heading’s first sentence in the heading font and the rest in the body font', async () => {
    const { reading } = await checkDocx(await exportSample(official, 'official'), { layout: 'official' });
    const runIn = reading.paragraphs.find((p) => p.text.startsWith('（一）报送内容。'));
    expect(runIn?.runs.map((r) => [r.text.slice(0, 8), r.props.eastAsia])).toEqual([['（一）报送内容。', '楷体_GB2312'], ['围绕新区聚焦五个', '仿宋_GB2312']]);
    const level1 = reading.paragraphs.find((p) => p.text === '一、提高思想认识');
    expect(level1?.runs[0].props).toMatchObject({ eastAsia: '黑体', sz: 32, bold: false });
  });

  it('places the official parts in order, with the 版记 last and 附件说明 numbered', async () => {
    const { reading } = await checkDocx(await exportSample(official, 'official'), { layout: 'official' });
    const texts = reading.paragraphs.map((p) => p.text.trim()).filter(Boolean);
    const order = ['000123', '特急', '临沂沂河新区党政办公室文件', '沂新办发〔2023〕12号', official.title, '各部门、各单位，各街道：',
      '附件：1.沂河新区政务信息报送考核细则', '2.沂河新区政务信息报送联络员名单', '临沂沂河新区党政办公室', '2023年9月10日',
      '（联系人：王明；联系电话：0539-0000000）', '抄送：区党工委、管委会领导，区纪工委。', '临沂沂河新区党政办公室\t2023年9月10日印发'];
    const positions = order.map((t) => texts.indexOf(t));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('starts an attachment on a new page with 附件N in 黑体 and its title in 小标宋', async () => {
    const attachment: BodyBlock[] = [
      { type: 'paragraph', level: 0, runs: [{ text: '附件1', format: 0 }], align: '' },
      { type: 'paragraph', level: 0, runs: [{ text: '沂河新区政务信息报送考核细则', format: 0 }], align: '' },
      { type: 'paragraph', level: 0, runs: [{ text: '考核按季度进行。', format: 0 }], align: '' },
    ];
    const bytes = await exportSample(official, 'official', true, attachment);
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string') ?? '';
    expect(xml).toMatch(/<w:pageBreakBefore\/><\/w:pPr><w:r><w:rPr><w:rFonts[^>]*w:eastAsia="黑体"[^>]*\/><\/w:rPr><w:t xml:space="preserve">附件1</);
    const { reading, problems } = await checkDocx(bytes, { layout: 'official' });
    expect(problems).toEqual([]);
    const title = reading.paragraphs.find((p) => p.text === '沂河新区政务信息报送考核细则' && p.props.style === 'GwTitle');
    expect(title?.runs[0].props).toMatchObject({ eastAsia: '方正小标宋简体', sz: 44 });
    // The attachment comes after the signature, the 版记 after the attachment.
    const texts = reading.paragraphs.map((p) => p.text);
    expect(texts.indexOf('2023年9月10日')).toBeLessThan(texts.indexOf('附件1'));
    expect(texts.indexOf('附件1')).toBeLessThan(texts.findIndex((t) => t.startsWith('抄送')));
  });

  it('reads Lexical JSON: levels, formats, lists and tables', () => {
    const blocks = bodyBlocksFromLexical({
      root: {
        children: [
          { type: 'desk-paragraph', level: 2, format: '', children: [{ type: 'text', text: '（一）甲', format: 1 }, { type: 'linebreak' }, { type: 'text', text: '乙', format: 0 }] },
          { type: 'list', listType: 'bullet', children: [{ type: 'listitem', children: [{ type: 'text', text: '项', format: 8 }] }] },
          { type: 'table', children: [{ type: 'tablerow', children: [{ type: 'tablecell', children: [{ type: 'desk-paragraph', children: [{ type: 'text', text: '格', format: 0 }] }] }] }] },
        ],
      },
    });
    expect(blocks).toEqual([
      { type: 'paragraph', level: 2, align: '', runs: [{ text: '（一）甲', format: 1 }, { text: '\n乙', format: 0 }] },
      { type: 'list', ordered: false, items: [{ depth: 0, runs: [{ text: '项', format: 8 }] }] },
      { type: 'table', rows: [[[[{ text: '格', format: 0 }]]]] },
    ]);
  });

  it('puts a blank page before a 版记 that would land on an odd page, and numbers neither that page nor the 版记’s', async () => {
    // The sample's body ends at the foot of its second page (by the estimate): a section on the next
    // odd page holds the blank page 3, the 版记 follows on page 4.
    const { problems, reading } = await checkDocx(await exportSample(official, 'official', false), { layout: 'official' });
    expect(problems).toEqual([]);
    expect(reading.sections.map((s) => s.start)).toEqual(['nextPage', 'oddPage']);
    const unnumbered = reading.sections[1];
    for (const footer of [unnumbered.footers.default, unnumbered.footers.even]) expect(JSON.stringify(footer)).not.toContain('PAGE');
    expect(unnumbered.headersText).toEqual([]); // the 草稿 header carries over from the first section
    const later = reading.paragraphs.filter((p) => p.section === 1).map((p) => p.text).filter((t) => t !== '');
    expect(later).toEqual(['抄送：区党工委、管委会领导，区纪工委。', '临沂沂河新区党政办公室\t2023年9月10日印发']);
    // A body that ends mid-way down an odd page: the 版记 starts a section on the next even page,
    // numbered in sequence (no blank page comes before it).
    const line = (i: number): BodyBlock => ({ type: 'paragraph', level: 0, runs: [{ text: `第${i}行。`, format: 0 }], align: '' });
    const shorter = await checkDocx(await exportSample(official, 'official', true, Array.from({ length: 10 }, (_, i) => line(i))), { layout: 'official' });
    expect(shorter.problems).toEqual([]);
    expect(shorter.reading.sections.map((s) => s.start)).toEqual(['nextPage', 'evenPage']);
    expect(JSON.stringify(shorter.reading.sections[1].footers.even)).toContain('PAGE');
    // A body that ends high on an even page: the 版记 at its foot, in the body's section.
    const longer = await checkDocx(await exportSample(official, 'official', true, Array.from({ length: 30 }, (_, i) => line(i))), { layout: 'official' });
    expect(longer.problems).toEqual([]);
    expect(longer.reading.sections).toHaveLength(1);
  });

  it('picks the layout from the kind', () => {
    expect([layoutForKind('official'), layoutForKind('info'), layoutForKind('research'), layoutForKind('media')])
      .toEqual(['official', 'info', 'manuscript', 'manuscript']);
  });

  it('has a checker that notices a wrong size, a bold 黑体 run and a missing even footer', async () => {
    const zip = await JSZip.loadAsync(await exportSample(official, 'official'));
    const xml = (await zip.file('word/document.xml')?.async('string') ?? '')
      .replace('<w:t xml:space="preserve">一、提高思想认识', '<w:rPr><w:b/><w:sz w:val="30"/></w:rPr><w:t xml:space="preserve">一、提高思想认识')
      .replace(/<w:footerReference w:type="even"[^>]*\/>/, '');
    zip.file('word/document.xml', xml);
    const { problems } = await checkDocx(await zip.generateAsync({ type: 'uint8array' }), { layout: 'official' });
    expect(problems).toEqual(expect.arrayContaining([
      'bold 黑体 on "一、提高思想认识"', 'size 30 (not 32) on "一、提高思想认识"', 'no even footer',
    ]));
  });

  it('has a checker that notices a numbered or footerless page after the blank page', async () => {
    const zip = await JSZip.loadAsync(await exportSample(official, 'official'));
    const xml = zip.file('word/document.xml')?.async('string') ?? Promise.resolve('');
    // The body's last sectPr is the unnumbered section's: drop its footers so it inherits the numbered ones.
    const last = (await xml).replace(/(<w:sectPr>(?:(?!<w:sectPr>)[\s\S])*?)<w:footerReference[^>]*\/><w:footerReference[^>]*\/>((?:(?!<w:sectPr>)[\s\S])*<\/w:body>)/, '$1$2');
    zip.file('word/document.xml', last);
    const { problems } = await checkDocx(await zip.generateAsync({ type: 'uint8array' }), { layout: 'official' });
    expect(problems).toContain('section 2 has no footers of its own');
  });
});
