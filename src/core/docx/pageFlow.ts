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
  /** Whether its pages show page numbers (no: a blank page comes before the 版记, GB/T 9704 7.5). */
  numbered: boolean;
}

/** A run of paragraphs each kept with the next: where it started and its items' heights. */
interface KeptRun { page: number; atTop: boolean; heights: number[] }

/** A child of the document: a docx object, or body XML written directly (see wordXml.ts). */
export type FlowChild = FileChild | WordXml;

/**
 * The document's children with their estimated page positions. With the masthead and the title kept
 * off the line grid (they used to take two grid lines each in LibreOffice, which ran its pages up to
 * two lines longer), LibreOffice 7.4 ends the body exactly where this estimate says on all 112 bodies
 * of the end-block sweep (test/integration/docxEndBlock.test.ts).
 */
export class PageFlow {
  readonly children: FlowChild[] = [];
  private page = 1;
  /** Twips used on the current page. */
  private used = 0;
  private kept: KeptRun | undefined;
  private end: EndSection | undefined;

  /**
   * Adds a child `height` twips tall; `newPage` starts it on a new page; `keepNext` keeps it on the
   * page where the next child's first line falls (a heading standing alone). A height of whole lines
   * fills a page to its last whole line; any other height (a masthead, a table) counts as it is.
   */
  add(child: FlowChild, height: number, newPage = false, keepNext = false): void {
    this.children.push(child);
    if (newPage && this.used > 0) this.breakPage();
    const kept = this.kept;
    if (kept && height > 0) {
      // The kept run goes to the next page when this child's first line does not fit under it.
      if (!kept.atTop && kept.page === this.page && this.remaining < Math.min(height, LINE_PITCH)) {
        this.nextPage();
        for (const h of kept.heights) this.place(h);
      }
      if (!keepNext) this.kept = undefined;
    }
    const start = this.place(height);
    if (keepNext && height > 0) {
      this.kept ??= { ...start, heights: [] };
      this.kept.heights.push(height);
    }
  }

  /** Counts a page break that something else (a page-break paragraph) makes. */
  breakPage(): void {
    this.nextPage();
    this.kept = undefined;
  }

  /**
   * Ends the body here: what follows is the end section (see EndSection), which starts on the next
   * page of side `start`.
   */
  startEndSection(start: EndSection['start'], numbered: boolean): void {
    this.end ??= { from: this.children.length, start, numbered };
    this.breakPage();
    if ((this.page % 2 === 0) !== (start === SectionType.EVEN_PAGE)) this.page += 1;
  }

  /** The section after the body that holds the 版记, if it has one of its own. */
  get endSection(): EndSection | undefined { return this.end; }

  /** The page the next line falls on (1-based). */
  get currentPage(): number { return this.page; }

  /** Twips left on the current page. */
  get remaining(): number { return TYPE_AREA.height - this.used; }

  /** Where the content so far ends: its page, and twips used on it. */
  get ending(): { page: number; used: number } { return { page: this.page, used: this.used }; }

  /** The next page, which content reaches by running over. */
  private nextPage(): void {
    this.page += 1;
    this.used = 0;
  }

  /** Counts `height` twips from the current position; returns where it starts. */
  private place(height: number): { page: number; atTop: boolean } {
    if (height > 0 && height % LINE_PITCH === 0) {
      let lines = height / LINE_PITCH;
      if (this.remaining < LINE_PITCH) this.nextPage();
      const start = { page: this.page, atTop: this.used === 0 };
      for (let fit = Math.floor(this.remaining / LINE_PITCH); fit < lines; fit = Math.floor(this.remaining / LINE_PITCH)) {
        lines -= fit;
        this.nextPage();
      }
      this.used += lines * LINE_PITCH;
      return start;
    }
    const start = { page: this.page, atTop: this.used === 0 };
    this.used += height;
    while (this.used > TYPE_AREA.height) {
      this.page += 1;
      this.used -= TYPE_AREA.height;
    }
    return start;
  }
}
