/**
 * The numbers of GB/T 9704-2012 《党政机关公文格式》 as .docx values (see shared/spec/gbt9704-docx.md).
 * Lengths are twips (1/20 pt) unless named otherwise; font sizes are half-points (`w:sz`).
 */

/** Millimetres to twips, rounded (the docx package's own helper truncates: 37 mm would be 2097). */
export function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Points to half-points, the unit of `w:sz`. */
export const pt = (points: number): number => Math.round(points * 2);

export const PAGE = {
  width: 11906,
  height: 16838,
  top: mmToTwip(37),
  left: mmToTwip(28),
  right: mmToTwip(26),
  bottom: mmToTwip(35),
} as const;

/** The type area (版心): 156 × 225 mm. */
export const TYPE_AREA = {
  width: PAGE.width - PAGE.left - PAGE.right,
  height: PAGE.height - PAGE.top - PAGE.bottom,
} as const;

/** 22 lines of 28.95 pt: 22 × 579 = 12738 ≤ 12756, so a full page holds exactly 22 lines. */
export const LINE_PITCH = 579;
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/**
 * Character spacing (twips, run `w:spacing`) that sets 28 characters of 三号 on a line: 16 pt
 * characters advance 320 twips, 28 of them need 315.9 or less, so each gives back 5. A character
 * grid (`linesAndChars`, charSpace −848) does this in Word, but LibreOffice lays each 16 pt character
 * over two 15.8 pt grid cells (18 a line); spacing works the same in Word, WPS and LibreOffice.
 */
export const CHAR_SPACING = Math.floor(TYPE_AREA.width / CHARS_PER_LINE) - 320;

/** Chinese type sizes in half-points. */
export const SIZE = {
  初号: 84, 小初: 72, 一号: 52, 小一: 48, 二号: 44, 小二: 36, 三号: 32, 小三: 30, 四号: 28, 小四: 24, 五号: 21,
} as const;

/** One character of 三号 (16 pt) in twips: the unit of indents in the body. */
export const CHAR = 320;
/** One character of 四号 (14 pt) in twips: the unit of indents in the 版记 and the page numbers. */
export const CHAR_SMALL = 280;

/** The East Asian font names the document asks for; the reader's Word or WPS supplies them. */
export const FONT = {
  仿宋: '仿宋_GB2312',
  黑体: '黑体',
  楷体: '楷体_GB2312',
  宋体: '宋体',
  小标宋: '方正小标宋简体',
} as const;

/** The Latin font beside every East Asian one. */
export const LATIN_FONT = 'Times New Roman';

export const RED = 'FF0000';
export const BLACK = '000000';

/** Border widths in eighths of a point: 版记 outer rules 0.35 mm, inner 0.25 mm; the red rule ≈ 0.5 mm. */
export const RULE = { outer: 8, inner: 6, red: 12, redThick: 24 } as const;

/** A date as official documents write it: full year, Arabic digits, no zero padding. */
export const OFFICIAL_DATE = /^(\d{4})年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日$/;

/** The bottom of the page number's line sits 7 mm under the type area: footer distance from the page edge. */
export const FOOTER_DISTANCE = PAGE.bottom - mmToTwip(7) - SIZE.四号 * 10;
