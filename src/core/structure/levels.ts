/**
 * The four structure levels of a Chinese official document (GB/T 9704): 一、 · （一） · 1. · （1）.
 * A paragraph's level is an attribute; its number is ordinary text at the paragraph's start, which
 * this module recognizes, formats and recomputes.
 */

/** A numbered structure level: 1 一级标题 一、, 2 二级标题 （一）, 3 三级标题 1., 4 四级标题 （1）. */
export type NumberedLevel = 1 | 2 | 3 | 4;

/** A paragraph's structure level; 0 is body text (正文). Same values as the editor's StructureLevel. */
export type ParagraphLevel = 0 | NumberedLevel;

/** The on-screen name of each level, as UI-VOCABULARY.md spells it. */
export const LEVEL_LABELS: Readonly<Record<ParagraphLevel, string>> = {
  0: '正文',
  1: '一级标题',
  2: '二级标题',
  3: '三级标题',
  4: '四级标题',
};

const DIGITS = '零一二三四五六七八九';
const UNITS: ReadonlyArray<readonly [number, string]> = [[1000, '千'], [100, '百'], [10, '十']];

/**
 * Writes n in Chinese numerals as official documents do: 1 一, 10 十, 11 十一, 20 二十, 21 二十一,
 * 99 九十九, 101 一百零一, 110 一百一十. Integers 0 to 9999 only; anything else comes back in Arabic
 * digits, which is also what a 10000th heading deserves.
 */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return DIGITS[0];
  if (n >= 10 && n < 20) return `十${n === 10 ? '' : DIGITS[n - 10]}`;
  let out = '';
  let rest = n;
  let pendingZero = false;
  for (const [value, unit] of UNITS) {
    const digit = Math.floor(rest / value);
    rest %= value;
    if (digit > 0) {
      if (pendingZero) out += DIGITS[0];
      out += DIGITS[digit] + unit;
      pendingZero = false;
    } else if (out !== '') {
      pendingZero = true;
    }
  }
  if (rest > 0) out += (pendingZero ? DIGITS[0] : '') + DIGITS[rest];
  return out;
}

/** Reads a Chinese numeral written as toChineseNumeral writes it; null for anything else. */
function parseChineseNumeral(text: string): number | null {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const d = ch === '〇' ? 0 : DIGITS.indexOf(ch);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const unit = UNITS.find(([, name]) => name === ch);
    if (!unit) return null;
    total += (digit || 1) * unit[0];
    digit = 0;
  }
  total += digit;
  // Only the canonical spelling is a number: this rejects 十十, 一十, 二二 and the like.
  return total > 0 && toChineseNumeral(total) === text.replace(/〇/g, '零') ? total : null;
}

/** The number text of level `level` for the n-th item: 一、 （一） 1. （1）, with no trailing space. */
export function formatLevelNumber(level: NumberedLevel, n: number): string {
  switch (level) {
    case 1: return `${toChineseNumeral(n)}、`;
    case 2: return `（${toChineseNumeral(n)}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
  }
}

/** A number recognized at the start of a paragraph's text. */
export interface LevelNumber {
  level: NumberedLevel;
  n: number;
  /** Characters of the prefix, the number and any spaces after it. */
  length: number;
}

const CHINESE = '[零〇一二三四五六七八九十百千]+';
const ARABIC = '[0-9０-９]+';
const SPACES = '[ \\t\\u00a0\\u3000]*';
const PATTERNS: ReadonlyArray<{ level: NumberedLevel; regex: RegExp; chinese: boolean }> = [
  { level: 1, regex: new RegExp(`^(${CHINESE})、${SPACES}`), chinese: true },
  { level: 2, regex: new RegExp(`^[（(](${CHINESE})[）)]${SPACES}`), chinese: true },
  // A digit after the dot makes it a decimal (3.5亿元), not a number.
  { level: 3, regex: new RegExp(`^(${ARABIC})[.．](?![0-9０-９])${SPACES}`), chinese: false },
  { level: 4, regex: new RegExp(`^[（(](${ARABIC})[）)]${SPACES}`), chinese: false },
];

/**
 * Recognizes a structure number at the start of `text`: 一、 （一） 1. （1）, also with half-width
 * parentheses (一) (1), a full-width dot 1．and full-width digits. Chinese numerals must be spelled
 * canonically (十一, not 一十一) and numbers start at 1. `length` includes spaces after the number.
 */
export function parseLevelNumber(text: string): LevelNumber | null {
  for (const { level, regex, chinese } of PATTERNS) {
    const match = regex.exec(text);
    if (!match) continue;
    const n = chinese ? parseChineseNumeral(match[1]) : parseArabic(match[1]);
    if (n !== null && n >= 1) return { level, n, length: match[0].length };
  }
  return null;
}

function parseArabic(digits: string): number {
  const ascii = digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  return Number.parseInt(ascii, 10);
}

/** Replace the first `deleteCount` characters of a paragraph's text with `insert`. */
export interface PrefixEdit { deleteCount: number; insert: string }

/**
 * The smallest edit that gives `text` the number n of `level`, or null when it already has it.
 * A recognized number of the same level keeps the spaces after it; one of another level is replaced
 * with its spaces; without one, the number is inserted. Level 0 removes a recognized number and the
 * spaces after it.
 */
export function numberPrefixEdit(text: string, level: ParagraphLevel, n: number): PrefixEdit | null {
  const found = parseLevelNumber(text);
  if (level === 0) return found ? { deleteCount: found.length, insert: '' } : null;
  const insert = formatLevelNumber(level, n);
  if (!found) return { deleteCount: 0, insert: separated(insert, text, level) };
  if (found.level !== level) return { deleteCount: found.length, insert: separated(insert, text.slice(found.length), level) };
  const numberLength = text.slice(0, found.length).trimEnd().length;
  return text.slice(0, numberLength) === insert ? null : { deleteCount: numberLength, insert };
}

/**
 * `insert` followed by a space when the text after it would otherwise hide the number: a level-3
 * number before a digit (1. + 1稳中求进 reads as the decimal 1.1), so the paragraph keeps a number its
 * level recognizes.
 */
function separated(insert: string, rest: string, level: NumberedLevel): string {
  return parseLevelNumber(insert + rest)?.level === level ? insert : `${insert} `;
}

/**
 * The number each paragraph of levels 1–4 should carry: how many paragraphs of its level came since
 * the last paragraph of a higher level (a smaller level number), itself included. null for body text,
 * which neither counts nor resets anything.
 */
export function sequenceNumbers(levels: ReadonlyArray<ParagraphLevel>): Array<number | null> {
  const counters = [0, 0, 0, 0, 0];
  return levels.map((level) => {
    if (level === 0) return null;
    counters[level] += 1;
    for (let deeper = level + 1; deeper <= 4; deeper += 1) counters[deeper] = 0;
    return counters[level];
  });
}

/** Per paragraph, the edit that renumbers it (see sequenceNumbers), or null when it is already right. */
export function renumberEdits(
  items: ReadonlyArray<{ level: ParagraphLevel; text: string }>,
): Array<PrefixEdit | null> {
  const numbers = sequenceNumbers(items.map((item) => item.level));
  return items.map((item, i) => {
    const n = numbers[i];
    return item.level === 0 || n === null ? null : numberPrefixEdit(item.text, item.level, n);
  });
}

/**
 * The paragraphs' texts renumbered: each paragraph of levels 1–4 gets the number sequenceNumbers
 * gives it, replacing a recognized number or inserted before the text; body text is untouched.
 */
export function renumber(items: ReadonlyArray<{ level: ParagraphLevel; text: string }>): string[] {
  const edits = renumberEdits(items);
  return items.map((item, i) => applyPrefixEdit(item.text, edits[i]));
}

/** `text` with `edit` applied; null leaves it as it is. */
export function applyPrefixEdit(text: string, edit: PrefixEdit | null): string {
  return edit ? edit.insert + text.slice(edit.deleteCount) : text;
}

const SENTENCE_END = /[。！？]/;
const CLOSING_MARKS = /[”’」』]/;

/**
 * Splits a run-in heading paragraph (levels 2–4) such as `（一）报送内容。围绕……` into its heading,
 * the text up to and including the first 。！？ (and any closing quotes right after it), and the
 * body after it. Without a terminator, or with nothing but spaces after it, the whole text is the
 * heading and the body is ''.
 */
export function splitRunIn(text: string): { heading: string; body: string } {
  const match = SENTENCE_END.exec(text);
  if (!match) return { heading: text, body: '' };
  let end = match.index + 1;
  while (end < text.length && CLOSING_MARKS.test(text[end])) end += 1;
  const body = text.slice(end);
  return body.trim() === '' ? { heading: text, body: '' } : { heading: text.slice(0, end), body };
}
