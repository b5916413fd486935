/**
 * The two layouts that are office convention rather than GB/T 9704: the 政务信息 bulletin (red 刊名,
 * 期号, 编发单位 and date over a thick red rule, and the 报/送/发 tail) and the manuscript (文稿: title,
 * byline and date in 楷体, body). Both keep the standard's page, type and page numbers.
 */
import { AlignmentType, BorderStyle, Paragraph, TabStopType } from 'docx';
import { addAttachment, addBodyBlocks, blankLine, plainRun, splitAttachments, titleParagraph } from './bodyContent';
import { propertyText, type PropertyMap } from './documentProperties';
import { addEndBlock, type EndRow } from './endBlock';
import { FONT, LINE_PITCH, RED, RULE, SIZE, TYPE_AREA } from './gbt9704';
import { mastheadParagraph, type LayoutSource } from './officialLayout';
import { lineCount, PageFlow } from './pageFlow';
import { STYLE } from './styles';

/** The bulletin's tail rows: 报：, 送：, 发：, 本期增发：, and 共印X份 at the right of the last line. */
export function bulletinEndRows(properties: PropertyMap): EndRow[] {
  const rows: EndRow[] = ['报', '送', '发', '本期增发']
    .map((key) => ({ key, value: propertyText(properties, key) }))
    .filter(({ value }) => value !== '')
    .map(({ key, value }) => ({ left: `${key}：${value}` }));
  const count = propertyText(properties, '共印');
  if (count) {
    const last = rows.pop();
    rows.push({ left: last?.left ?? '', right: `（共印${count}份）` });
  }
  return rows;
}

function addTitleAndBody(flow: PageFlow, title: string, blocks: LayoutSource['blocks']): void {
  titleParagraph(flow, title);
  blankLine(flow);
  const lists = { next: 1 };
  const { main, attachments } = splitAttachments(blocks);
  addBodyBlocks(flow, main, lists);
  for (const attachment of attachments) addAttachment(flow, attachment, lists);
}

/** The children of a 政务信息 bulletin. */
export function bulletinLayout({ title, properties, blocks }: LayoutSource): PageFlow {
  const flow = new PageFlow();
  const secrecy = propertyText(properties, '密级');
  if (secrecy) flow.add(new Paragraph({ style: STYLE.plain, children: [plainRun(secrecy, { font: FONT.黑体 })] }), LINE_PITCH);
  const name = propertyText(properties, '刊名') || '政务信息';
  const { paragraph, height } = mastheadParagraph(name, SIZE.初号, secrecy ? 0 : LINE_PITCH);
  flow.add(paragraph, height);
  const issue = propertyText(properties, '期号');
  if (issue) flow.add(new Paragraph({ style: STYLE.plain, alignment: AlignmentType.CENTER, children: [plainRun(issue)] }), LINE_PITCH);
  // 编发单位 at the left, the date at the right edge, over the thick red rule.
  flow.add(new Paragraph({
    style: STYLE.plain,
    tabStops: [{ type: TabStopType.RIGHT, position: TYPE_AREA.width }],
    border: { bottom: { style: BorderStyle.SINGLE, size: RULE.redThick, color: RED, space: 4 } },
    children: [plainRun(`${propertyText(properties, '编发单位')}\t${propertyText(properties, '日期')}`)],
  }), LINE_PITCH + 120);
  blankLine(flow);
  addTitleAndBody(flow, title, blocks);
  addEndBlock(flow, bulletinEndRows(properties), false);
  return flow;
}

/** The children of a manuscript: 综合文稿, 调研报告, 媒体稿件. */
export function manuscriptLayout({ title, properties, blocks }: LayoutSource): PageFlow {
  const flow = new PageFlow();
  const centered = (text: string) => flow.add(new Paragraph({
    style: STYLE.plain, alignment: AlignmentType.CENTER, children: [plainRun(text, { font: FONT.楷体 })],
  }), lineCount(text) * LINE_PITCH);
  titleParagraph(flow, title);
  const byline = propertyText(properties, '署名');
  const date = propertyText(properties, '日期');
  if (byline || date) {
    blankLine(flow);
    if (byline) centered(byline);
    if (date) centered(date);
  }
  blankLine(flow);
  const lists = { next: 1 };
  const { main, attachments } = splitAttachments(blocks);
  addBodyBlocks(flow, main, lists);
  for (const attachment of attachments) addAttachment(flow, attachment, lists);
  return flow;
}
