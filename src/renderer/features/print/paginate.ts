/**
 * Real pages for the 预览: docx-preview renders a .docx as one long page per explicit break; this
 * splits its output into A4 pages of the file's own size and margins (a paragraph or table moves to
 * the next page whole, as Word keeps a line's box), starts each section on its own page — with a
 * blank page first where the section must start on an even or odd page, as Word and LibreOffice
 * insert one — and numbers the pages as the file's footers do (`— 1 —`, odd pages at the right and
 * even at the left, one character in; none on the pages whose footer has no PAGE field).
 */
import type { DocxSection } from './docxSections';

/** The page number as GB/T 9704 prints it. */
export const pageNumberText = (n: number): string => `\u2014 ${n} \u2014`;

const TWIP_PX = 96 / 1440;

/** One laid-out page: its element, number (counting blank ones) and whether the number is shown. */
export interface LaidOutPage { element: HTMLElement; number: number; numbered: boolean; blank: boolean }

function px(value: string): number {
  return Number.parseFloat(value) || 0;
}

class PageMaker {
  readonly pages: LaidOutPage[] = [];
  private article: HTMLElement | null = null;
  private available = 0;

  constructor(private readonly into: HTMLElement, private readonly sections: readonly DocxSection[]) {}

  /** Opens a new page shaped like `source` (size, margins, header), in section `section`. */
  open(source: HTMLElement, sourceArticle: HTMLElement, section: number, blank = false): void {
    const page = source.cloneNode(false);
    if (!(page instanceof HTMLElement)) return;
    page.style.height = page.style.minHeight;
    page.classList.add('print-page');
    const header = source.querySelector(':scope > header');
    if (header && !blank) page.append(header.cloneNode(true));
    const article = sourceArticle.cloneNode(false);
    if (!(article instanceof HTMLElement)) return;
    page.append(article);
    this.into.append(page);
    const style = getComputedStyle(page);
    this.available = page.clientHeight - px(style.paddingTop) - px(style.paddingBottom);
    const info = this.sections[Math.min(section, this.sections.length - 1)];
    const number = this.pages.length + 1;
    const numbered = !blank && (info?.numbered ?? false);
    page.dataset.pageNumber = String(number);
    if (numbered) page.append(numberElement(number, info?.footerTwips ?? 992, style));
    this.pages.push({ element: page, number, numbered, blank });
    this.article = blank ? null : article;
  }

  /** Starts section `section` from `source`, with a blank page first when its start side says so. */
  startSection(source: HTMLElement, sourceArticle: HTMLElement, section: number): void {
    const start = this.sections[section]?.start;
    const next = this.pages.length + 1;
    if ((start === 'evenPage' && next % 2 === 1) || (start === 'oddPage' && next % 2 === 0)) this.open(source, sourceArticle, section, true);
    this.open(source, sourceArticle, section);
  }

  /** Moves one block onto the current page, or onto a new one when it does not fit. */
  place(block: Node, source: HTMLElement, sourceArticle: HTMLElement, section: number): void {
    if (!this.article) this.open(source, sourceArticle, section);
    this.article?.append(block);
    if (this.article && this.article.offsetHeight > this.available + 1 && this.article.childNodes.length > 1) {
      block.parentNode?.removeChild(block);
      this.open(source, sourceArticle, section);
      this.article?.append(block);
    }
  }
}

function numberElement(n: number, footerTwips: number, page: CSSStyleDeclaration): HTMLElement {
  const odd = n % 2 === 1;
  const element = document.createElement('div');
  element.className = `print-page-number ${odd ? 'odd' : 'even'}`;
  element.textContent = pageNumberText(n);
  element.style.bottom = `${footerTwips * TWIP_PX}px`;
  element.style.left = page.paddingLeft;
  element.style.right = page.paddingRight;
  return element;
}

/**
 * Lays out what docx-preview rendered in `container` (its `.docx-page-wrapper`) as pages, in place;
 * returns them. `sections` comes from docxSections() of the same file.
 */
export function paginate(container: HTMLElement, sections: readonly DocxSection[]): LaidOutPage[] {
  const wrapper = container.querySelector<HTMLElement>('.docx-page-wrapper') ?? container;
  const sources = [...wrapper.querySelectorAll<HTMLElement>(':scope > section')];
  const maker = new PageMaker(wrapper, sections);
  let section = 0;
  for (const source of sources) {
    const articles = [...source.querySelectorAll<HTMLElement>(':scope > article')];
    articles.forEach((article, i) => {
      if (i > 0) section += 1;
      if (i > 0 || maker.pages.length > 0) maker.startSection(source, article, section);
      else maker.open(source, article, section);
      for (let block = article.firstChild; block; block = article.firstChild) maker.place(block, source, article, section);
    });
    source.remove();
  }
  return maker.pages;
}
