/**
 * 发文字号, the one grammar: 机关代字〔年份〕序号号 (沂新办发〔2023〕12号). GB/T 9704 writes it with
 * 六角括号〔〕, a four-digit year, and a sequence number with no 第 and no leading zeros (the
 * standard form); registers also read a leading zero as the same number, and proofreading finds
 * numbers written with other brackets, 第 or spaces to correct them.
 */

/** A 发文字号's parts: issuer code (机关代字), year and sequence number. */
export interface DocNumber { prefix: string; year: number; seq: number }

/** The standard form as a whole value. */
const STANDARD = /^(.+)〔(\d{4})〕([1-9]\d*)号$/;
/** The standard brackets with any digits as the sequence (012 reads as 12). */
const READABLE = /^(.+?)〔(\d{4})〕(\d+)号$/;
/** A 发文字号 in the standard form inside a line (as the head of an imported document holds it). */
const IN_LINE = /(\S*〔\d{4}〕[1-9]\d*号)/;
/** A 发文字号 as people write it in running text: any of the brackets people type, 第, leading zeros, spaces. */
const WRITTEN = /([\u4e00-\u9fa5]{1,12})([〔[［(（【〈「])\s*(\d{4})\s*([〕\]］)）】〉」])\s*(第?)\s*(\d+)\s*号/g;

/** Whether a value (trimmed) is a 发文字号 in the standard form. */
export function isStandardDocNumber(value: string): boolean {
  return STANDARD.test(value.trim());
}

/** The parts of a 发文字号 with the standard brackets (a leading zero allowed), or null. */
export function parseDocNumber(text: string): DocNumber | null {
  const match = READABLE.exec(text.trim());
  return match ? { prefix: match[1], year: Number(match[2]), seq: Number(match[3]) } : null;
}

/** The standard form of a 发文字号's parts. */
export function formatDocNumber(n: DocNumber): string {
  return `${n.prefix}〔${n.year}〕${n.seq}号`;
}

/** The first standard 发文字号 in a line of text, or null. */
export function docNumberInLine(line: string): string | null {
  return IN_LINE.exec(line)?.[1] ?? null;
}

/** One 发文字号 as written in running text, with its pieces as typed. */
export interface WrittenDocNumber {
  index: number;
  whole: string;
  prefix: string;
  open: string;
  year: string;
  close: string;
  /** '第' when written before the sequence number, else ''. */
  ordinal: string;
  serial: string;
}

/** Every 发文字号-like number in a text, however its brackets, 第, zeros and spaces are written. */
export function writtenDocNumbers(text: string): WrittenDocNumber[] {
  return [...text.matchAll(WRITTEN)].map((m) => {
    const [whole, prefix, open, year, close, ordinal, serial] = m;
    return { index: m.index, whole, prefix, open, year, close, ordinal, serial };
  });
}
