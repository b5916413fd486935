/**
 * What every page carries: the page number `— 1 —` in 宋体 四号 (odd pages right, even pages left,
 * one character in from the type area's edge; none on a blank page before the 版记 and the 版记's
 * page) and, on a draft, a 草稿 mark in the header.
 */
import { AlignmentType, Footer, Header, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import { CHAR_SMALL, FONT, SIZE } from './gbt9704';
import { fonts } from './styles';

/** U+2014 EM DASH on each side of the number, as GB/T 9704 prints page numbers. */
export const PAGE_DASH = '\u2014';

function pageNumberFooter(odd: boolean): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: odd ? { right: CHAR_SMALL, firstLine: 0 } : { left: CHAR_SMALL, firstLine: 0 },
      spacing: { line: SIZE.四号 * 10, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children: [new TextRun({
        children: [`${PAGE_DASH} `, PageNumber.CURRENT, ` ${PAGE_DASH}`],
        font: { ...fonts(FONT.宋体), ascii: FONT.宋体, hAnsi: FONT.宋体, hint: 'eastAsia' },
        size: SIZE.四号,
      })],
    })],
  });
}

/** Footers for `evenAndOddHeaderAndFooters`: `default` serves odd pages, `even` even ones. */
export function pageNumberFooters(): { default: Footer; even: Footer } {
  return { default: pageNumberFooter(true), even: pageNumberFooter(false) };
}

/**
 * Empty footers for pages without a page number: a section without footers of its own would take
 * the previous section's.
 */
export function blankFooters(): { default: Footer; even: Footer } {
  return { default: new Footer({ children: [new Paragraph({})] }), even: new Footer({ children: [new Paragraph({})] }) };
}

/** The visible mark a draft carries on every page. */
export const DRAFT_MARK = '草稿';

function draftHeader(): Header {
  return new Header({
    children: [new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { firstLine: 0 },
      children: [new TextRun({ text: DRAFT_MARK, font: fonts(FONT.黑体), size: SIZE.三号 })],
    })],
  });
}

/** Headers for a draft (the mark on odd and even pages); a final document has none. */
export function draftHeaders(): { default: Header; even: Header } {
  return { default: draftHeader(), even: draftHeader() };
}
