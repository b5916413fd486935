/**
 * The directly written body XML against the docx library as the reference: the same paragraphs,
 * runs and tables made with docx's object model must give byte for byte the same document.xml.
 */
import { strFromU8, unzipSync } from 'fflate';
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, SectionType, Tab, Table, TableCell, TableRow, TextRun, WidthType,
  type FileChild, type IRunOptions,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { FORMAT, type TextRunModel } from '../body/bodyModel';
import { fonts } from './styles';
import { escapeXml, FragmentSplicer, paragraphXml, runsXml, tableXml, WordXml, type ParagraphAlign, type RunXmlStyle } from './wordXml';

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT, both: AlignmentType.JUSTIFIED } as const;

/** docx's runs for the same text runs: tabs as Tab, each line after a break a run with `break: 1`. */
function referenceRuns(runs: readonly TextRunModel[], style: RunXmlStyle = {}): TextRun[] {
  return runs.flatMap((run) => run.text.split('\n').map((line, i) => {
    const options: IRunOptions = {
      children: line.split('\t').flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])),
      style: style.charStyle,
      font: style.font === undefined ? undefined : fonts(style.font),
      size: style.size,
      color: style.color,
      scale: style.scale,
      bold: (run.format & FORMAT.bold) !== 0 && !style.noBold ? true : undefined,
      italics: (run.format & FORMAT.italic) !== 0 ? true : undefined,
      strike: (run.format & FORMAT.strikethrough) !== 0 ? true : undefined,
      underline: (run.format & FORMAT.underline) !== 0 ? {} : undefined,
      subScript: (run.format & FORMAT.subscript) !== 0 ? true : undefined,
      superScript: (run.format & FORMAT.superscript) !== 0 ? true : undefined,
      break: i > 0 ? 1 : undefined,
    };
    return new TextRun(options);
  }));
}

async function documentXml(children: FileChild[], splicer?: FragmentSplicer): Promise<string> {
  const document = new Document({ sections: [{ children }] });
  const bytes = splicer ? await splicer.pack(document) : await Packer.pack(document, 'uint8array');
  return strFromU8(unzipSync(bytes)['word/document.xml']);
}

/** The same body both ways: docx objects, and fragments spliced in. */
async function bothWays(cases: Array<{ reference: FileChild; xml: string }>): Promise<[string, string]> {
  const splicer = new FragmentSplicer();
  return Promise.all([
    documentXml(cases.map((c) => c.reference)),
    documentXml(splicer.children(cases.map((c) => new WordXml(c.xml))), splicer),
  ]);
}

/** A table of plain cell paragraphs both ways, with the options the exporter uses. */
function table(columnWidths: number[], cells: string[][][]): { reference: FileChild; xml: string } {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const reference = new Table({
    width: { size: 8845, type: WidthType.DXA },
    columnWidths,
    margins: { top: 80, bottom: 80, left: 80, right: 80 },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: cells.map((row) => new TableRow({
      cantSplit: true,
      children: row.map((paragraphs) => new TableCell({
        children: paragraphs.map((text) => new Paragraph({ style: 'GwTable', children: referenceRuns([{ text, format: 0 }]) })),
      })),
    })),
  });
  const xml = tableXml({ width: 8845, columnWidths, cellMargin: 80, borderSize: 4, cantSplit: true },
    cells.map((row) => row.map((paragraphs) => paragraphs.map((text) => paragraphXml({ style: 'GwTable' }, runsXml([{ text, format: 0 }]))).join(''))));
  return { reference, xml };
}

// Every combination of the format bits Lexical can set together (never sub- and superscript at once).
const FORMATS = Array.from({ length: 128 }, (_, f) => f)
  .filter((f) => (f & ~(FORMAT.bold | FORMAT.italic | FORMAT.strikethrough | FORMAT.underline | FORMAT.subscript | FORMAT.superscript)) === 0)
  .filter((f) => !((f & FORMAT.subscript) !== 0 && (f & FORMAT.superscript) !== 0));

const TEXTS = ['正文', '', 'a\tb', '\t首行', 'x\ny', '第一行\n\n第三行\t尾', '<&>"\' 与\u0001控制\u001f字符'];

describe('body XML written directly', () => {
  it('writes runs exactly as docx does, for every format, text shape and run style', async () => {
    const styles: RunXmlStyle[] = [
      {}, { noBold: true }, { charStyle: 'GwBodyText' }, { font: '黑体' },
      { font: '方正小标宋简体', size: 72, color: 'FF0000', noBold: true, scale: 87 }, { size: 28, color: '000000' },
    ];
    const cases = styles.flatMap((style) => FORMATS.flatMap((format) => TEXTS.map((text) => {
      const runs = [{ text, format }, { text: '续', format: 0 }];
      return { reference: new Paragraph({ children: referenceRuns(runs, style) }), xml: paragraphXml({}, runsXml(runs, style)) };
    })));
    expect(cases.length).toBeGreaterThan(2000);
    const [reference, ours] = await bothWays(cases);
    expect(ours).toBe(reference);
  });

  it('writes paragraph styles, keep-with-next and alignment exactly as docx does, empty paragraphs too', async () => {
    const aligns: Array<ParagraphAlign | undefined> = [undefined, 'left', 'center', 'right', 'both'];
    const spacings = [undefined, { line: 579 }, { before: 1000, line: 864 }];
    const cases = [undefined, 'Heading1', 'GwTable'].flatMap((style) => [false, true].flatMap((keepNext) => aligns.flatMap((align) =>
      spacings.flatMap((spacing) => [[], [{ text: '文字', format: 1 }]].map((runs) => ({
        reference: new Paragraph({
          style, keepNext: keepNext || undefined, alignment: align && ALIGN[align], children: referenceRuns(runs),
          spacing: spacing && { ...spacing, lineRule: LineRuleType.EXACT },
        }),
        xml: paragraphXml({ style, keepNext, align, spacing }, runsXml(runs)),
      }))))));
    const [reference, ours] = await bothWays(cases);
    expect(ours).toBe(reference);
  });

  it('keeps a paragraph off the line grid where the schema puts it, which docx cannot write', () => {
    expect(paragraphXml({ style: 'GwTitle', keepNext: true, snapToGrid: false, spacing: { line: 864 }, align: 'center' }, ''))
      .toBe('<w:p><w:pPr><w:pStyle w:val="GwTitle"/><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:line="864" w:lineRule="exact"/><w:jc w:val="center"/></w:pPr></w:p>');
    expect(paragraphXml({ snapToGrid: true }, '')).toBe('<w:p/>');
  });

  it('writes a table exactly as docx does: grid, borders, cell margins, widths, rows that never split', async () => {
    const [expected, ours] = await bothWays([table([2211, 2211, 2211, 2212], [[['甲'], ['乙', '第二段'], [], ['丁']], [['1.5亿元'], [''], ['<b>'], ['x\ty']]])]);
    expect(ours).toBe(expected);
  });

  it('ends a section with a fragment as docx does: its properties in the last paragraph, or after a table', async () => {
    const endings = [
      { reference: new Paragraph({}), xml: paragraphXml({}, '') },
      { reference: new Paragraph({ children: referenceRuns([{ text: '正文', format: 0 }]) }), xml: paragraphXml({}, runsXml([{ text: '正文', format: 0 }])) },
      {
        reference: new Paragraph({ style: 'Heading1', keepNext: true, alignment: AlignmentType.CENTER, children: referenceRuns([{ text: '标题', format: 1 }]) }),
        xml: paragraphXml({ style: 'Heading1', keepNext: true, align: 'center' }, runsXml([{ text: '标题', format: 1 }])),
      },
      table([8845], [[['格']]]),
    ];
    const document = (last: FileChild) => new Document({
      sections: [
        { children: [new Paragraph('前'), last] },
        { properties: { type: SectionType.EVEN_PAGE }, children: [new Paragraph('后')] },
      ],
    });
    for (const { reference, xml } of endings) {
      const splicer = new FragmentSplicer();
      const [placeholder] = splicer.children([new WordXml(xml)]);
      const [expected, ours] = await Promise.all([
        Packer.pack(document(reference), 'uint8array'), splicer.pack(document(placeholder)),
      ]).then((files) => files.map((bytes) => strFromU8(unzipSync(bytes)['word/document.xml'])));
      expect(ours).toContain('<w:sectPr>');
      expect(ours).toBe(expected);
    }
  });

  it('keeps fragments in order around docx’s own children, and leaves look-alike text alone', async () => {
    const splicer = new FragmentSplicer();
    const lookAlike = '<w:p><w:r><w:t xml:space="preserve">wengao-fragment-0</w:t></w:r></w:p>';
    const children = splicer.children([
      new WordXml(paragraphXml({}, runsXml([{ text: '甲', format: 0 }]))),
      new WordXml(paragraphXml({}, runsXml([{ text: '乙', format: 0 }]))),
      new Paragraph({ children: [new TextRun('丙'), new TextRun(lookAlike)] }),
      new WordXml(paragraphXml({}, runsXml([{ text: '丁', format: 0 }]))),
    ]);
    expect(children).toHaveLength(3);
    const xml = await documentXml(children, splicer);
    const texts = [...xml.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
    expect(texts).toEqual(['甲', '乙', '丙', escapeXml(lookAlike), '丁']);
  });

  it('refuses to pack when docx no longer writes a placeholder as expected', async () => {
    const splicer = new FragmentSplicer();
    splicer.children([new WordXml('<w:p/>')]);
    // A document without the placeholder paragraph: the body would be lost, so the export fails.
    await expect(splicer.pack(new Document({ sections: [{ children: [] }] }))).rejects.toThrow(/found 0 of 1 body placeholders/);
  });
});
