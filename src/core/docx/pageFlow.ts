/**
 * A running estimate of where content falls on the pages of the type area, so a layout can place
 * the 版记 on the last even page as GB/T 9704 asks. Lines have exact heights and the character grid
 * sets 28 characters of 三号 per line, which makes the estimate good for text; it is an estimate all
 * the same (Word and WPS break lines by their own rules).
 */
import type { FileChild } from 'docx';
import type { WordXml } from './wordXml';
import { CHARS_PER_LINE, TYPE_AREA } from './gbt9704';

/** The width of a text in characters of its size: CJK and full-width forms 1, everything else ½. */
export function textWidth(text: string): number {
  let width = 0;
  // UTF-16 units: a character outside the BMP is CJK (two units of ½) in practice, which sums right.
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    width += code >= 0xd800 && code <= 0xdfff ? 0.5 : code >= 0x2e80 || (code >= 0x2010 && code <= 0x2027) ? 1 : 0.5;
  }
  return width;
}

/** How many lines a paragraph takes: `perLine` characters a line, the first line indented `indent` characters. */
export function lineCount(text: string, perLine = CHARS_PER_LINE, indent = 0): number {
  return text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil((textWidth(part) + indent) / perLine)), 0);
}

/** A child of the document: a docx object, or body XML written directly (see wordXml.ts). */
export type FlowChild = FileChild | WordXml;

/** The document's children with their estimated page positions. */
export class PageFlow {
  readonly children: FlowChild[] = [];
  private page = 1;
  private used = 0;
  private unnumbered: number | undefined;

  /** Adds a child `height` twips tall; `newPage` starts it on a new page. */
  add(child: FlowChild, height: number, newPage = false): void {
    if (newPage && this.used > 0) this.breakPage();
    this.children.push(child);
    this.used += height;
    while (this.used > TYPE_AREA.height) {
      this.page += 1;
      this.used -= TYPE_AREA.height;
    }
  }

  /** Counts a page break that something else (a page-break paragraph) makes. */
  breakPage(): void {
    this.page += 1;
    this.used = 0;
  }

  /**
   * Ends the numbered part of the document here: what follows starts on a new page, in a section
   * whose pages carry no page number (GB/T 9704 7.5: a blank page before the 版记, and the 版记
   * page, are not numbered).
   */
  startUnnumbered(): void {
    this.unnumbered ??= this.children.length;
    this.breakPage();
  }

  /** The index of the first child without page numbers, if any. */
  get unnumberedFrom(): number | undefined { return this.unnumbered; }

  /** The page the next line falls on (1-based). */
  get currentPage(): number { return this.page; }

  /** Twips left on the current page. */
  get remaining(): number { return TYPE_AREA.height - this.used; }
}
