/** Character classes the rules share. Everything works on UTF-16 code units, like the offsets. */

const HAN = /\p{Script=Han}/u;

/** A Han character (a single code unit is enough for the BMP; extension planes are letters too). */
export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const code = ch.charCodeAt(0);
  // The common range first: a regular expression per character is the cost of every scan.
  if (code >= 0x4e00 && code <= 0x9fff) return true;
  if (code < 0x2e80) return false;
  if (code >= 0xd800 && code <= 0xdbff) return true;
  return HAN.test(ch);
}

/** Full-width punctuation and marks of Chinese text: 、。“”‘’《》（）… and the full-width forms. */
export function isCjkPunct(ch: string | undefined): boolean {
  if (!ch) return false;
  const cp = ch.charCodeAt(0);
  return (cp >= 0x3001 && cp <= 0x303f) || (cp >= 0xff01 && cp <= 0xff0f) || (cp >= 0xff1a && cp <= 0xff20)
    || (cp >= 0xff3b && cp <= 0xff40) || (cp >= 0xff5b && cp <= 0xff65)
    || (cp >= 0x2018 && cp <= 0x201d) || cp === 0x2014 || cp === 0x2026 || cp === 0x00b7;
}

/** Han or full-width punctuation: the character makes its neighbourhood Chinese text. */
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return !!ch && ch >= '0' && ch <= '9';
}

export function isLatin(ch: string | undefined): boolean {
  return !!ch && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

export function isLatinOrDigit(ch: string | undefined): boolean {
  return isLatin(ch) || isDigit(ch);
}

/** Marks that end a sentence, also inside a closing quote or bracket. */
export const SENTENCE_END = '。！？…';
export const CLOSING = '”’》）)」』】〕';

/** Chinese numerals as used in 一是, 一、 and dates. */
export const CHINESE_DIGITS = '〇零一二三四五六七八九';

/** The value of one Chinese digit character, or -1. */
export function chineseDigit(ch: string): number {
  if (ch === '〇') return 0;
  return '零一二三四五六七八九'.indexOf(ch);
}
