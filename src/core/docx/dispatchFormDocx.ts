/**
 * The 发文稿纸 as a Word file: the office's usual ruled table on one A4 page with the GB/T 9704
 * margins — 签发 and 会签 boxes at the top, 核稿 beside 拟稿单位/拟稿人, then 标题 and the kind's
 * own fields, and the approved content hash at the foot. Labels in 黑体 四号, entries in 仿宋 四号,
 * opinions in 楷体 四号 with name and date under them, as a leader signs on paper.
 */
import {
  AlignmentType, BorderStyle, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun,
  VerticalAlign, WidthType, HeightRule,
} from 'docx';
import type { DispatchForm, FormBox } from './dispatchForm';
import { BLACK, FONT, mmToTwip, PAGE, SIZE, TYPE_AREA } from './gbt9704';
import { fonts } from './styles';

const LABEL_WIDTH = 1500;
const VALUE_WIDTH = (TYPE_AREA.width - 2 * LABEL_WIDTH) / 2;
const LINE = 400; // 20 pt lines: 四号 with room, the form's own pitch
const BORDER = { style: BorderStyle.SINGLE, size: 8, color: BLACK };
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER };

function run(text: string, font: string, size: number = SIZE.四号): TextRun {
  return new TextRun({ text, font: fonts(font), size, color: BLACK });
}

function para(children: TextRun[], alignment: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.LEFT): Paragraph {
  return new Paragraph({ alignment, spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, indent: { firstLine: 0 }, children });
}

function cell(children: Paragraph[], width: number, columnSpan = 1): TableCell {
  return new TableCell({
    children, columnSpan, borders: BORDERS, verticalAlign: VerticalAlign.CENTER,
    width: { size: width, type: WidthType.DXA }, margins: { top: 60, bottom: 60, left: 100, right: 100 },
  });
}

function label(text: string): TableCell {
  return cell([para([run(text, FONT.黑体)], AlignmentType.CENTER)], LABEL_WIDTH);
}

function value(text: string, columnSpan = 1, font: string = FONT.仿宋, size: number = SIZE.四号): TableCell {
  const lines = text === '' ? [''] : text.split('\n');
  return cell(lines.map((line) => para([run(line, font, size)])), columnSpan === 1 ? VALUE_WIDTH : VALUE_WIDTH * 2 + LABEL_WIDTH, columnSpan);
}

/** A box's paragraphs: each opinion, then its signer and date at the right; pending steps as 待办. */
function boxParagraphs(box: FormBox, narrow = false): Paragraph[] {
  const gap = '\u3000';
  const signed = box.signatures.flatMap((s) => {
    const who = `${s.step === box.label ? '' : `${s.step}${gap}`}${s.department ? `${s.department}${gap}` : ''}${s.name}`;
    const signLines = narrow ? [who, s.date] : [`${who}${gap}${s.date}`];
    return [para([run(s.opinion || '（无意见）', FONT.楷体)]), ...signLines.map((line) => para([run(line, FONT.仿宋)], AlignmentType.RIGHT))];
  });
  const pending = box.pending.map((step) => para([run(`${step}：待办`, FONT.仿宋)], AlignmentType.RIGHT));
  const all = [...signed, ...pending];
  return all.length > 0 ? all : [para([run('无', FONT.仿宋)])];
}

function signatureRow(box: FormBox, minLines: number): TableRow {
  return new TableRow({
    height: { value: minLines * LINE + 120, rule: HeightRule.ATLEAST },
    children: [label(box.label), cell(boxParagraphs(box), VALUE_WIDTH * 2 + LABEL_WIDTH, 3)],
  });
}

/** The form's table rows, top to bottom. */
function rows(form: DispatchForm): TableRow[] {
  const out: TableRow[] = [
    signatureRow(form.sign, 4),
    signatureRow(form.countersign, 3),
    new TableRow({ height: { value: 3 * LINE + 120, rule: HeightRule.ATLEAST }, children: [
      label(form.check.label), cell(boxParagraphs(form.check, true), VALUE_WIDTH),
      label('拟稿单位/拟稿人'),
      value([form.drafter.unit, form.drafter.name, form.drafter.date].filter(Boolean).join('\n')),
    ] }),
    new TableRow({ children: [label('标题'), value(form.title, 3, FONT.仿宋)] }),
  ];
  const short = form.fields.filter((f) => f.wide !== true);
  const long = form.fields.filter((f) => f.wide === true);
  for (let i = 0; i < short.length; i += 2) {
    const [a, b] = [short[i], short[i + 1]];
    if (!a) break;
    out.push(new TableRow({ children: b ? [label(a.label), value(a.value), label(b.label), value(b.value)] : [label(a.label), value(a.value, 3)] }));
  }
  for (const f of long) out.push(new TableRow({ children: [label(f.label), value(f.value, 3)] }));
  out.push(new TableRow({ children: [label('内容校验码'), value(`${form.contentHash || '—'}\n${form.hashNote}`, 3, FONT.仿宋, SIZE.五号)] }));
  return out;
}

/** The form as a Document object (one section, no header or footer: the form is one page). */
export function dispatchFormDocument(form: DispatchForm): Document {
  const heading = new Paragraph({
    alignment: AlignmentType.CENTER, spacing: { line: 800, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [run(form.heading, FONT.小标宋, SIZE.二号)],
  });
  const status = form.final
    ? para([run('已定稿', FONT.黑体)], AlignmentType.RIGHT)
    : para([run(`尚未定稿，待办环节：${form.pending.join('、') || '无'}`, FONT.黑体)], AlignmentType.RIGHT);
  return new Document({
    title: `${form.heading}：${form.title}`,
    creator: '文稿台',
    styles: { default: { document: { run: { font: fonts(FONT.仿宋), size: SIZE.四号, color: BLACK } } } },
    sections: [{
      properties: {
        page: {
          size: { width: PAGE.width, height: PAGE.height },
          // The form's top margin is narrower than a 公文's (no masthead): 25 mm, the others as GB/T 9704.
          margin: { top: mmToTwip(25), bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: mmToTwip(15), footer: mmToTwip(15), gutter: 0 },
        },
      },
      children: [
        heading,
        status,
        new Table({ width: { size: TYPE_AREA.width, type: WidthType.DXA }, columnWidths: [LABEL_WIDTH, VALUE_WIDTH, LABEL_WIDTH, VALUE_WIDTH], rows: rows(form) }),
      ],
    }],
  });
}

/** The form's .docx bytes. */
export async function exportDispatchForm(form: DispatchForm): Promise<Uint8Array> {
  return Packer.pack(dispatchFormDocument(form), 'uint8array');
}
