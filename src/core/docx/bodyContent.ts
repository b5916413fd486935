/**
 * The body of every layout in Word form: paragraphs at their structure levels (一级 黑体, 二级 楷体,
 * 三级 and 四级 仿宋, a run-in heading's first sentence in the heading font and the rest in the body
 * font), lists, tables, and attachments (附件) that start on a new page.
 */
import { DeletedTextRun, InsertedTextRun, Paragraph, Tab, TextRun, type IRunOptions, type ParagraphChild } from 'docx';
import { splitRunIn } from '../structure/levels';
import {
  FORMAT, runsText,
  type BlockAlign, type BodyBlock, type ListBlock, type ParagraphBlock, type TableBlock, type TextRunModel,
} from '../body/bodyModel';
import { CHAR_SMALL, CHARS_PER_LINE, FONT, LINE_PITCH, TYPE_AREA } from './gbt9704';
import { lineCount, type PageFlow } from './pageFlow';
import { BODY_TEXT_STYLE, fonts, LIST_REF, STYLE } from './styles';
import { paragraphPropertiesXml, paragraphXml, runsXml, tableXml, WordXml, type ParagraphAlign, type RunXmlStyle } from './wordXml';
import { levelChangeXml, paragraphMarkXml, wordDate } from './revisions';
import type { RunSuggestion } from '../suggestions/bodyView';
import { TITLE_CHARS, titleLines } from './titleLines';

/**
 * Direct run formatting on top of a paragraph style, for the runs docx makes (lists, the head lines,
 * the 版记): the same options as the runs written directly (wordXml's RunXmlStyle).
 */
type RunStyle = Omit<RunXmlStyle, 'charStyle'>;

const NO_STYLE: RunStyle = {};

/**
 * The options of one Word run. Every key is always present (unset ones undefined, which docx skips):
 * one object shape for all runs keeps docx's option checks fast, where spreading optional parts into
 * a fresh object made each run several times as costly to build.
 */
function runOptions(format: number, style: RunStyle, children: Array<string | Tab>, lineBreak: number | undefined): IRunOptions {
  return {
    children,
    font: style.font === undefined ? undefined : fonts(style.font),
    size: style.size,
    color: style.color,
    scale: style.scale,
    bold: (format & FORMAT.bold) !== 0 && !style.noBold ? true : undefined,
    italics: (format & FORMAT.italic) !== 0 ? true : undefined,
    underline: (format & FORMAT.underline) !== 0 ? {} : undefined,
    strike: (format & FORMAT.strikethrough) !== 0 ? true : undefined,
    subScript: (format & FORMAT.subscript) !== 0 ? true : undefined,
    superScript: (format & FORMAT.superscript) !== 0 ? true : undefined,
    break: lineBreak,
  };
}

/** A line's text with its tabs as Word tabs. */
function lineChildren(line: string): Array<string | Tab> {
  if (!line.includes('\t')) return [line];
  return line.split('\t').flatMap((part, j): Array<string | Tab> => (j === 0 ? [part] : [new Tab(), part]));
}

/** A run of a suggestion as docx's revision run (its id numbered when the document is packed). */
function revisionRun(options: IRunOptions, suggestion: RunSuggestion): ParagraphChild {
  const change = { ...options, id: 0, author: suggestion.authorName, date: wordDate(suggestion.at) };
  return suggestion.kind === 'insert' ? new InsertedTextRun(change) : new DeletedTextRun(change);
}

/**
 * Word runs for text runs: Lexical's bold, italic, underline, strikethrough, sub- and superscript;
 * runs of a suggestion (the marked view) as Word revisions.
 */
export function textRuns(runs: readonly TextRunModel[], style: RunStyle = NO_STYLE): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const run of runs) {
    const suggestion = run.suggestion;
    if (suggestion) {
      run.text.split('\n').forEach((line, i) => {
        out.push(revisionRun(runOptions(run.format, style, lineChildren(line), i > 0 ? 1 : undefined), suggestion));
      });
      continue;
    }
    // The common case, plain text in the paragraph's style, is the cheapest run docx makes.
    const plain = run.format === 0 && style === NO_STYLE;
    if (!run.text.includes('\n')) {
      out.push(plain && !run.text.includes('\t') ? new TextRun(run.text) : new TextRun(runOptions(run.format, style, lineChildren(run.text), undefined)));
      continue;
    }
    run.text.split('\n').forEach((line, i) => {
      out.push(new TextRun(runOptions(run.format, style, lineChildren(line), i > 0 ? 1 : undefined)));
    });
  }
  return out;
}

/** One plain run of text. */
export function plainRun(text: string, style: RunStyle = NO_STYLE): TextRun {
  // As textRuns writes it; a line break would start a second run, which a plain run leaves out.
  const line = text.split('\n')[0];
  return style === NO_STYLE && !line.includes('\t') ? new TextRun(line) : new TextRun(runOptions(0, style, lineChildren(line), undefined));
}

/**
 * A title paragraph (小标宋 二号, centered, by its style). Its type is taller than a grid line: kept
 * off the grid, else LibreOffice gives each of its lines two grid lines.
 */
function titleXml(text: string): WordXml {
  return new WordXml(paragraphXml({ style: STYLE.title, snapToGrid: false }, runsXml([{ text, format: 0 }])));
}

/** The title paragraph: 小标宋 二号 centered, a long title on two lines. */
export function titleParagraph(flow: PageFlow, title: string): void {
  const lines = titleLines(title);
  flow.add(titleXml(lines.join('\n')),
    lines.reduce((sum, line) => sum + lineCount(line, TITLE_CHARS), 0) * LINE_PITCH);
}


/** Body text is justified by its style; only an explicit other alignment is written. */
function alignment(align: BlockAlign): ParagraphAlign | undefined {
  return align === '' || align === 'justify' ? undefined : align;
}

/**
 * Splits runs at a character offset into the runs before and after it (formats kept), e.g. to set
 * a run-in heading's first sentence in the heading font.
 */
export function splitRuns(runs: readonly TextRunModel[], offset: number): [TextRunModel[], TextRunModel[]] {
  const before: TextRunModel[] = [];
  const after: TextRunModel[] = [];
  let seen = 0;
  for (const run of runs) {
    const start = seen;
    seen += run.text.length;
    if (seen <= offset) before.push(run);
    else if (start >= offset) after.push(run);
    else {
      before.push({ ...run, text: run.text.slice(0, offset - start) });
      after.push({ ...run, text: run.text.slice(offset - start) });
    }
  }
  return [before, after];
}

const HEADING_STYLE = [undefined, 'Heading1', 'Heading2', 'Heading3', 'Heading4'] as const;

/** The runs of a paragraph at its level; a heading's run-in body goes back to the body font. */
function paragraphRuns(block: ParagraphBlock, runInHeading: string): string {
  if (block.level === 0) return runsXml(block.runs);
  // 黑体, 楷体 and 小标宋 are never bold: their weight is the font's own.
  const headingStyle = { noBold: block.level <= 2 };
  if (runInHeading === '') return runsXml(block.runs, headingStyle);
  const [head, rest] = splitRuns(block.runs, runInHeading.length);
  return runsXml(head, headingStyle) + runsXml(rest, { charStyle: BODY_TEXT_STYLE });
}

/**
 * The revisions of a paragraph's properties (the marked view): its mark inserted or deleted when the
 * next paragraph's start mark is a suggestion, its former level as a pPrChange.
 */
function propertyRevisions(block: ParagraphBlock, next: BodyBlock | undefined): { markXml?: string; changeXml?: string } {
  const markXml = paragraphMarkXml(next);
  const from = block.suggestions?.level?.from;
  const changeXml = from === undefined ? ''
    : levelChangeXml(block.suggestions, paragraphPropertiesXml({ style: HEADING_STYLE[from], align: alignment(block.align) }));
  return { ...(markXml !== '' && { markXml }), ...(changeXml !== '' && { changeXml }) };
}

function addParagraph(flow: PageFlow, block: ParagraphBlock, next: BodyBlock | undefined): void {
  const style = HEADING_STYLE[block.level];
  const text = runsText(block.runs);
  // A run-in heading's first sentence, or '' for body text and a heading standing alone.
  let runIn = '';
  if (style) {
    const split = splitRunIn(text);
    if (split.body !== '') runIn = split.heading;
  }
  // A heading standing alone stays with what follows; a run-in one is a paragraph like any other.
  const keepNext = style !== undefined && runIn === '';
  const revisions = propertyRevisions(block, next);
  flow.add(new WordXml(paragraphXml({ style, keepNext, align: alignment(block.align), ...revisions }, paragraphRuns(block, runIn))),
    lineCount(text, CHARS_PER_LINE, 2) * LINE_PITCH, false, keepNext);
}

function addList(flow: PageFlow, block: ListBlock, instance: number): void {
  for (const item of block.items) {
    flow.add(new Paragraph({
      style: STYLE.list,
      numbering: { reference: block.ordered ? LIST_REF.number : LIST_REF.bullet, level: Math.min(item.depth, 4), instance },
      children: textRuns(item.runs),
    }), lineCount(runsText(item.runs), CHARS_PER_LINE, 3 + item.depth) * LINE_PITCH);
  }
}

const CELL_LINE = 440;
const CELL_MARGIN = 80;

/** Column widths of equal columns that add up to the type area's width exactly. */
export function equalColumns(columns: number): number[] {
  const width = Math.floor(TYPE_AREA.width / columns);
  return Array.from({ length: columns }, (_, i) => width + (i < TYPE_AREA.width - width * columns ? 1 : 0));
}

function addTable(flow: PageFlow, block: TableBlock): void {
  const columns = Math.max(1, ...block.rows.map((row) => row.length));
  const columnWidths = equalColumns(columns);
  const perLine = Math.max(1, Math.floor((columnWidths[columns - 1] - 2 * CELL_MARGIN) / CHAR_SMALL));
  let height = 0;
  const rows = block.rows.map((row) => {
    const cells = Array.from({ length: columns }, (_, i) => row[i] ?? [[]]);
    height += Math.max(...cells.map((cell) =>
      cell.reduce((sum, runs) => sum + lineCount(runsText(runs), perLine) * CELL_LINE, 0))) + 2 * CELL_MARGIN;
    return cells.map((cell) => cell.map((runs) => paragraphXml({ style: STYLE.table }, runsXml(runs))).join(''));
  });
  flow.add(new WordXml(tableXml({
    width: TYPE_AREA.width, columnWidths, cellMargin: CELL_MARGIN, borderSize: 4, cantSplit: true,
  }, rows)), height);
}

/** Adds body blocks to the flow. `listInstance` numbers the lists so each one restarts at 1. */
export function addBodyBlocks(flow: PageFlow, blocks: readonly BodyBlock[], listInstance = { next: 1 }): void {
  for (const [i, block] of blocks.entries()) {
    if (block.type === 'paragraph') addParagraph(flow, block, blocks[i + 1]);
    else if (block.type === 'list') addList(flow, block, block.ordered ? listInstance.next++ : 0);
    else addTable(flow, block);
  }
}

/** A blank line of the body grid. */
export function blankLine(flow: PageFlow, count = 1): void {
  for (let i = 0; i < count; i += 1) flow.add(new Paragraph({ style: STYLE.plain }), LINE_PITCH);
}

const ATTACHMENT_MARK = /^附件\s*[0-9０-９]*\s*[:：]?$/;

function blockText(block: BodyBlock | undefined): string {
  return block?.type === 'paragraph' ? runsText(block.runs).trim() : '';
}

/** Whether a block starts an attachment: a paragraph that says only 附件 or 附件N. */
export function isAttachmentMark(block: BodyBlock): boolean {
  return block.type === 'paragraph' && ATTACHMENT_MARK.test(blockText(block));
}

/** The body before the first attachment, and each attachment (its first block is its 附件N mark). */
export function splitAttachments(blocks: readonly BodyBlock[]): { main: BodyBlock[]; attachments: BodyBlock[][] } {
  const main: BodyBlock[] = [];
  const attachments: BodyBlock[][] = [];
  for (const block of blocks) {
    if (isAttachmentMark(block)) attachments.push([block]);
    else if (attachments.length > 0) attachments[attachments.length - 1].push(block);
    else main.push(block);
  }
  return { main, attachments };
}

/** An attachment's title: a short paragraph right after the mark that does not end a sentence. */
function isAttachmentTitle(block: BodyBlock | undefined): boolean {
  const text = blockText(block);
  return block?.type === 'paragraph' && block.level === 0 && text !== '' && text.length <= 60 && !/[。；！？]$/.test(text);
}

/**
 * An attachment on a new page: `附件N` in 黑体 on the first line without indent, its title centered on
 * the third line in 小标宋 二号, then its body.
 */
export function addAttachment(flow: PageFlow, attachment: readonly BodyBlock[], listInstance: { next: number }): void {
  const [mark, maybeTitle, ...rest] = attachment;
  flow.add(new Paragraph({
    style: STYLE.plain,
    pageBreakBefore: true,
    children: [plainRun(blockText(mark), { font: FONT.黑体 })],
  }), LINE_PITCH, true);
  if (isAttachmentTitle(maybeTitle)) {
    blankLine(flow);
    flow.add(titleXml(blockText(maybeTitle)),
      lineCount(blockText(maybeTitle), 20) * LINE_PITCH);
    blankLine(flow);
    addBodyBlocks(flow, rest, listInstance);
  } else {
    addBodyBlocks(flow, attachment.slice(1), listInstance);
  }
}
