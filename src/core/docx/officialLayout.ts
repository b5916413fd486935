/**
 * The 公文 layout of GB/T 9704-2012, top to bottom: 份号, 密级和保密期限, 紧急程度, the red 发文机关标志,
 * 发文字号 (with 签发人 in a 上行文), the red rule, 标题, 主送机关, 正文, 附件说明, 署名 and 成文日期
 * (sealed or unsealed), 附注, attachments on new pages, and the 版记 on the last even page.
 */
import { AlignmentType, BorderStyle, Paragraph, TabStopType } from 'docx';
import type { BodyBlock } from '../body/bodyModel';
import { addAttachment, addBodyBlocks, blankLine, plainRun, splitAttachments, titleParagraph } from './bodyContent';
import { propertyList, propertyText, propertyYes, type PropertyMap } from './documentProperties';
import { addEndBlock, type EndRow } from './endBlock';
import { CHAR, FONT, LINE_PITCH, mmToTwip, RED, RULE, SIZE, TYPE_AREA } from './gbt9704';
import { lineCount, PageFlow, textWidth } from './pageFlow';
import { STYLE } from './styles';
import { paragraphXml, runsXml, WordXml } from './wordXml';

export interface LayoutSource { title: string; properties: PropertyMap; blocks: readonly BodyBlock[] }

/**
 * A red masthead line of `text`, as large as `size` allows: a name too wide for the type area is
 * narrowed with character scaling rather than made smaller, as offices print it.
 */
export function mastheadParagraph(text: string, size: number, spaceBefore: number): { paragraph: WordXml; height: number } {
  const natural = textWidth(text) * size * 10;
  const fits = TYPE_AREA.width * 0.92;
  const scale = natural > fits ? Math.floor((fits / natural) * 100) : 100;
  const line = Math.round(size * 10 * 1.2);
  return {
    height: spaceBefore + line,
    // Taller than a grid line: kept off the grid, else LibreOffice gives it two grid lines.
    paragraph: new WordXml(paragraphXml(
      { style: STYLE.plain, align: 'center', snapToGrid: false, spacing: { before: spaceBefore, line } },
      runsXml([{ text, format: 0 }], { font: FONT.小标宋, size, color: RED, noBold: true, ...(scale < 100 && { scale }) }),
    )),
  };
}

function addHead(flow: PageFlow, properties: PropertyMap): void {
  const lines: Array<{ text: string; font?: string }> = [];
  const copyNumber = propertyText(properties, '份号');
  if (copyNumber) lines.push({ text: copyNumber });
  const secrecy = [propertyText(properties, '密级'), propertyText(properties, '保密期限')].filter(Boolean).join('★');
  if (secrecy) lines.push({ text: secrecy, font: FONT.黑体 });
  const urgency = propertyText(properties, '紧急程度');
  if (urgency) lines.push({ text: urgency, font: FONT.黑体 });
  for (const line of lines) {
    flow.add(new Paragraph({ style: STYLE.plain, children: [plainRun(line.text, { font: line.font })] }), LINE_PITCH);
  }

  const masthead = propertyText(properties, '发文机关标志');
  if (masthead) {
    // The masthead's top edge sits 35 mm below the type area's top, whatever lines came before it.
    const { paragraph, height } = mastheadParagraph(masthead, SIZE.小初, Math.max(0, mmToTwip(35) - lines.length * LINE_PITCH - 72));
    flow.add(paragraph, height);
    blankLine(flow, 2);
  }

  const number = propertyText(properties, '发文字号');
  const upward = propertyYes(properties, '上行文');
  const signer = propertyText(properties, '签发人');
  // 发文字号 centered; in a 上行文 one character in from the left with 签发人 one in from the right.
  // The red rule is this line's bottom border, about 4 mm under it, across the whole type area.
  const children = upward
    ? [plainRun(`\t${number}\t签发人：`), ...(signer ? [plainRun(signer, { font: FONT.楷体 })] : [])]
    : [plainRun(number)];
  flow.add(new Paragraph({
    style: STYLE.plain,
    alignment: upward ? AlignmentType.LEFT : AlignmentType.CENTER,
    tabStops: upward ? [{ type: TabStopType.LEFT, position: CHAR }, { type: TabStopType.RIGHT, position: TYPE_AREA.width - CHAR }] : [],
    border: { bottom: { style: BorderStyle.SINGLE, size: RULE.red, color: RED, space: 11 } },
    children,
  }), LINE_PITCH + 240);
  blankLine(flow, 2);
}

function addAttachmentNote(flow: PageFlow, names: readonly string[]): void {
  if (names.length === 0) return;
  blankLine(flow);
  const label = '附件：';
  const labelWidth = textWidth(label) * CHAR;
  names.forEach((name, i) => {
    const text = names.length === 1 ? name : `${i + 1}.${name}`;
    // The label sits two characters in; every name (and its continuation lines) lines up after it.
    flow.add(new Paragraph({
      style: STYLE.plain,
      indent: { left: 2 * CHAR + labelWidth, hanging: i === 0 ? labelWidth : 0 },
      children: [plainRun(i === 0 ? `${label}${text}` : text)],
    }), lineCount(text, 28, 5) * LINE_PITCH);
  });
}

/** 署名 and 成文日期, placed as GB/T 9704 7.3.5 places them with a seal and without one. */
function addSignature(flow: PageFlow, properties: PropertyMap): void {
  const name = propertyText(properties, '发文机关署名');
  const date = propertyText(properties, '成文日期');
  if (!name && !date) return;
  const nameWidth = textWidth(name) * CHAR;
  const dateWidth = textWidth(date) * CHAR;
  let nameRight: number;
  let dateRight: number;
  if (propertyYes(properties, '加盖印章')) {
    // The date four characters in from the right; the name centred over it; room above for the seal.
    dateRight = 4 * CHAR;
    nameRight = Math.max(0, Math.round(dateRight + (dateWidth - nameWidth) / 2));
    blankLine(flow, 3);
  } else {
    // The name two characters in from the right, the date's first character two further right than the
    // name's; a date longer than that stays two characters in and pushes the name left.
    nameRight = 2 * CHAR;
    dateRight = Math.round(nameRight + nameWidth - dateWidth - 2 * CHAR);
    if (dateRight < 2 * CHAR) {
      dateRight = 2 * CHAR;
      nameRight = Math.round(dateRight + dateWidth + 2 * CHAR - nameWidth);
    }
    blankLine(flow);
  }
  const line = (text: string, right: number) => flow.add(new Paragraph({
    style: STYLE.plain, alignment: AlignmentType.RIGHT, indent: { right }, children: [plainRun(text)],
  }), LINE_PITCH);
  if (name) line(name, nameRight);
  if (date) line(date, dateRight);
}

/** The 版记 rows: 抄送 above, 印发机关 with 印发日期 below. */
export function officialEndRows(properties: PropertyMap): EndRow[] {
  const rows: EndRow[] = [];
  const copiesTo = propertyText(properties, '抄送');
  if (copiesTo) rows.push({ left: `抄送：${copiesTo}` });
  const organ = propertyText(properties, '印发机关');
  const date = propertyText(properties, '印发日期');
  if (organ || date) rows.push({ left: organ, right: date ? `${date}印发` : '' });
  return rows;
}

/** The children of a 公文. */
export function officialLayout({ title, properties, blocks }: LayoutSource): PageFlow {
  const flow = new PageFlow();
  const lists = { next: 1 };
  addHead(flow, properties);
  titleParagraph(flow, title);
  blankLine(flow);
  const recipients = propertyText(properties, '主送机关');
  if (recipients) flow.add(new Paragraph({ style: STYLE.plain, children: [plainRun(recipients)] }), lineCount(recipients) * LINE_PITCH);
  const { main, attachments } = splitAttachments(blocks);
  addBodyBlocks(flow, main, lists);
  addAttachmentNote(flow, propertyList(properties, '附件'));
  addSignature(flow, properties);
  const note = propertyText(properties, '附注');
  if (note) {
    flow.add(new Paragraph({ style: STYLE.body, children: [plainRun(note)] }), lineCount(note, 28, 2) * LINE_PITCH);
  }
  for (const attachment of attachments) addAttachment(flow, attachment, lists);
  addEndBlock(flow, officialEndRows(properties), true);
  return flow;
}
