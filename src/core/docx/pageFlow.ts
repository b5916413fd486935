/**
 * A running estimate of where content falls on the pages of the type area, so a layout can place
 * the 版记 on the last even page as GB/T 9704 asks. Lines have exact heights and the character grid
 * sets 28 characters of 三号 per line, which makes the estimate good for text: lines break as Word and
 * LibreOffice break them (a closing mark may hang past the line's end, an opening one never ends a
 * line, Latin words and numbers stay whole), a paragraph's lines fill a page to its last whole line,
 * and a heading kept with the next paragraph moves to the next page with it. It is an estimate all the
 * same (the suites' fonts and rules differ in details), which the 版记's placement allows for.
 */
import { SectionType, type FileChild } from 'docx';
import type { WordXml } from './wordXml';
import { CHARS_PER_LINE, LINE_PITCH, TYPE_AREA } from './gbt9704';

/** The width of one character in characters of its size: CJK and full-width forms 1, everything else ½. */
function charWidth(code: number): number {
  // UTF-16 units: a character outside the BMP is CJK (two units of ½) in practice, which sums right.
  return code >= 0xd800 && code <= 0xdfff ? 0.5 : code >= 0x2e80 || (code >= 0x2010 && code <= 0x2027) ? 1 : 0.5;
}

/** The width of a text in characters of its size: CJK and full-width forms 1, everything else ½. */
export function textWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i += 1) width += charWidth(text.charCodeAt(i));
  return width;
}

/** Marks that never start a line: at a line's end they hang past it (one of them), as Word and LibreOffice allow. */
const CLOSING = new Set([...'，。、；：？！）》」』〕】〉”’…—,.;:?!)]}%'].map((ch) => ch.charCodeAt(0)));
/** Marks that never end a line: they go down to the next line with what follows them. */
const OPENING = new Set([...'（《「『〔【〈“‘([{'].map((ch) => ch.charCodeAt(0)));

/** Latin letters and digits, which make words that break only as a whole (with the marks inside numbers). */
function isWordChar(code: number, inWord: boolean): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
    || (inWord && (code === 0x2e || code === 0x2d || code === 0x2f || code === 0x3a || code === 0x25));
}

/**
 * The lines of one line of text (no '\n'), broken greedily: a closing mark may hang past the end, an
 * opening mark at the end goes down with what follows it, a closing mark that cannot hang takes the
 * character before it down, and a Latin word or a number moves down whole.
 */
function partLines(text: string, perLine: number, indent: number): number {
  const EPSILON = 1e-9;
  let lines = 1;
  let capacity = perLine - indent;
  let used = 0;
  // The last piece on the current line: its width and whether it is a closing or an opening mark.
  let lastWidth = 0;
  let lastClosing = false;
  let lastOpening = false;
  for (let i = 0; i < text.length;) {
    const code = text.charCodeAt(i);
    let width: number;
    let next = i + 1;
    if (isWordChar(code, false)) {
      while (next < text.length && isWordChar(text.charCodeAt(next), true)) next += 1;
      width = (next - i) * 0.5;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      next = i + 2;
      width = 1;
    } else {
      width = charWidth(code);
    }
    const closing = CLOSING.has(code);
    const opening = OPENING.has(code);
    i = next;
    // It fits, or it is a space or the one closing mark that may stand past the line's end.
    if (used + width <= capacity + EPSILON || code === 0x20 || code === 0x3000 || (closing && used <= capacity + EPSILON)) {
      used += width;
    } else {
      lines += 1;
      capacity = perLine;
      used = (lastOpening || (closing && !lastClosing) ? lastWidth : 0) + width;
      // A word wider than a line breaks where the line ends.
      while (used > capacity + EPSILON) {
        lines += 1;
        used -= capacity;
      }
    }
    lastWidth = width;
    lastClosing = closing;
    lastOpening = opening;
  }
  return lines;
}

/** How many lines a paragraph takes: `perLine` characters a line, the first line indented `indent` characters. */
export function lineCount(text: string, perLine = CHARS_PER_LINE, indent = 0): number {
  return text.split('\n').reduce((sum, part) => sum + partLines(part, perLine, indent), 0);
}

/**
 * The section after the body that holds the 版记 (and a blank page before it): it starts on a page
 * of the given side, and an office suite inserts an empty page (no header, no footer) to reach it, so
 * the 版记's page is even whatever the real line breaking does.
 */
export interface EndSection {
  /** The index of its first child. */
  from: number;
  start: typeof SectionType.EVEN_PAGE | typeof SectionType.ODD_PAGE;
  /** Whether its pages show page numbers: not when a blank page comes before the 版记 (GB/T 9704 7.5), nor when that is unsure (see endPlacement). */
  numbered: boolean;
}

/** A run of paragraphs each kept with the next: where it started and its items' heights. */
interface KeptRun { page: number; atTop: boolean; heights: number[] }

/** Where the flow stands under one hypothesis about the suite's line breaking. */
interface Cursor {
  offset: number;
  page: number;
  /** Twips used on the page, and what that was at the page's top. */
  used: number;
  top: number;
  kept?: KeptRun;
}

/**
 * The hypotheses a flow can follow side by side, as offsets: the lines that open the document and each
 * page after a forced break take as specified, or so many lines more. Each hypothesis meets the page
 * breaks, headings kept with the next paragraph and all, on its own, so where the body ends under them
 * tells how sure the estimate is, and endPlacement hedges where they disagree.
 *
 * One hypothesis by default: with the masthead and the title kept off the line grid (they used to take
 * two grid lines each in LibreOffice, which ran its pages up to two lines longer), LibreOffice 7.4 ends
 * the body exactly where the estimate says on all 112 bodies of the end-block sweep
 * (test/integration/docxEndBlock.test.ts). Were a suite found to run longer, offsets such as [0, 1]
 * would hedge for it, at the cost of an unnumbered 版记 page where the body may end on either page.
 */
export const DEFAULT_OFFSETS: readonly number[] = [0];

/** A child of the document: a docx object, or body XML written directly (see wordXml.ts). */
export type FlowChild = FileChild | WordXml;

/** The document's children with their estimated page positions. */
export class PageFlow {
  readonly children: FlowChild[] = [];
  private readonly cursors: Cursor[];
  private end: EndSection | undefined;

  constructor(offsets: readonly number[] = DEFAULT_OFFSETS) {
    this.cursors = offsets.map((offset) => ({ offset, page: 1, used: offset * LINE_PITCH, top: offset * LINE_PITCH }));
  }

  /**
   * Adds a child `height` twips tall; `newPage` starts it on a new page; `keepNext` keeps it on the
   * page where the next child's first line falls (a heading standing alone). A height of whole lines
   * fills a page to its last whole line; any other height (a masthead, a table) counts as it is.
   */
  add(child: FlowChild, height: number, newPage = false, keepNext = false): void {
    this.children.push(child);
    for (const cursor of this.cursors) {
      if (newPage && cursor.used > cursor.top) breakPage(cursor, true);
      addTo(cursor, height, keepNext);
    }
  }

  /** Counts a page break that something else (a page-break paragraph) makes. */
  breakPage(): void {
    for (const cursor of this.cursors) breakPage(cursor, false);
  }

  /**
   * Ends the body here: what follows is the end section (see EndSection), which starts on the next
   * page of side `start`.
   */
  startEndSection(start: EndSection['start'], numbered: boolean): void {
    this.end ??= { from: this.children.length, start, numbered };
    for (const cursor of this.cursors) {
      breakPage(cursor, false);
      if ((cursor.page % 2 === 0) !== (start === SectionType.EVEN_PAGE)) cursor.page += 1;
    }
  }

  /** The section after the body that holds the 版记, if it has one of its own. */
  get endSection(): EndSection | undefined { return this.end; }

  /** The page the next line falls on (1-based), lines taken as specified. */
  get currentPage(): number { return this.cursors[0].page; }

  /** Twips left on the current page, lines taken as specified. */
  get remaining(): number { return TYPE_AREA.height - this.cursors[0].used; }

  /** Where the content so far ends (page, twips used on it) under each hypothesis, the specified one first. */
  get endings(): Array<{ page: number; used: number }> {
    return this.cursors.map(({ page, used }) => ({ page, used }));
  }
}

function remaining(cursor: Cursor): number {
  return TYPE_AREA.height - cursor.used;
}

/** A new page; after a forced break its first lines take the cursor's offset again. */
function breakPage(cursor: Cursor, forced: boolean): void {
  cursor.page += 1;
  cursor.used = forced ? cursor.offset * LINE_PITCH : 0;
  cursor.top = cursor.used;
  cursor.kept = undefined;
}

function addTo(cursor: Cursor, height: number, keepNext: boolean): void {
  const kept = cursor.kept;
  if (kept && height > 0) {
    // The kept run goes to the next page when this child's first line does not fit under it.
    if (!kept.atTop && kept.page === cursor.page && remaining(cursor) < Math.min(height, LINE_PITCH)) {
      nextPage(cursor);
      for (const h of kept.heights) place(cursor, h);
    }
    if (!keepNext) cursor.kept = undefined;
  }
  const start = place(cursor, height);
  if (keepNext && height > 0) {
    cursor.kept ??= { ...start, heights: [] };
    cursor.kept.heights.push(height);
  }
}

/** The next page, which content reaches by running over. */
function nextPage(cursor: Cursor): void {
  cursor.page += 1;
  cursor.used = 0;
  cursor.top = 0;
}

/** Counts `height` twips from the cursor's position; returns where it starts. */
function place(cursor: Cursor, height: number): { page: number; atTop: boolean } {
  if (height > 0 && height % LINE_PITCH === 0) {
    let lines = height / LINE_PITCH;
    if (remaining(cursor) < LINE_PITCH) nextPage(cursor);
    const start = { page: cursor.page, atTop: cursor.used === cursor.top };
    for (let fit = Math.floor(remaining(cursor) / LINE_PITCH); fit < lines; fit = Math.floor(remaining(cursor) / LINE_PITCH)) {
      lines -= fit;
      nextPage(cursor);
    }
    cursor.used += lines * LINE_PITCH;
    return start;
  }
  const start = { page: cursor.page, atTop: cursor.used === cursor.top };
  cursor.used += height;
  while (cursor.used > TYPE_AREA.height) {
    cursor.page += 1;
    cursor.used -= TYPE_AREA.height;
    cursor.top = 0;
  }
  return start;
}
