/**
 * Rule group 3, numbers and dates as GB/T 15835 and GB/T 9704 write them: dates 2023年9月10日 (no zero
 * padding, valid days), ranges with a dash (1—8月), percentages, and one number written half in
 * Chinese and half in Arabic numerals.
 */
import { chineseDigit, isDigit, isHan, isLatin } from '../chars';
import { finding } from '../finding';
import type { Finding } from '../types';

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const officialDate = (y: number, m: number, d?: number): string => `${y}年${m}月${d === undefined ? '' : `${d}日`}`;

const CN_DATE = /(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/g;
const MONTH_DAY = /(?<![\d年])(\d{1,2})月(\d{1,2})日/g;
const DASHED_DATE = /(?<![\d./-])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?![\d./-])/g;

function dates(text: string, found: Finding[]): void {
  for (const m of text.matchAll(CN_DATE)) {
    const [whole, y, mo, d] = m;
    const year = Number(y);
    const month = Number(mo);
    const day = d === undefined ? undefined : Number(d);
    if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > daysIn(year, month)))) {
      found.push(finding(m.index, m.index + whole.length, 'number.date', 'error', `日期有误：${year}年没有${month}月${day ?? ''}${day === undefined ? '' : '日'}`));
    } else if (mo.startsWith('0') || d?.startsWith('0')) {
      found.push(finding(m.index, m.index + whole.length, 'number.date', 'error', '日期中的月、日不加“0”补位', [officialDate(year, month, day)]));
    }
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const [whole, mo, d] = m;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      found.push(finding(m.index, m.index + whole.length, 'number.date', 'error', `日期有误：${whole}`));
    } else if (mo.startsWith('0') || d.startsWith('0')) {
      found.push(finding(m.index, m.index + whole.length, 'number.date', 'error', '日期中的月、日不加“0”补位', [`${month}月${day}日`]));
    }
  }
  if (!hasHan(text)) return;
  for (const m of text.matchAll(DASHED_DATE)) {
    const [whole, y, , mo, d] = m;
    const month = Number(mo);
    const day = Number(d);
    if (month < 1 || month > 12 || day < 1 || day > daysIn(Number(y), month)) continue;
    found.push(finding(m.index, m.index + whole.length, 'number.date', 'warning',
      '中文文稿中的日期一般写作“2023年9月10日”', [officialDate(Number(y), month, day)]));
  }
}

function hasHan(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (isHan(text[i])) return true;
  return false;
}

const RANGE = /(?<![\d.])(\d+(?:\.\d+)?)(%?)([-–－~])(\d+(?:\.\d+)?)(?=%|\p{Script=Han})/gu;

function ranges(text: string, found: Finding[]): void {
  for (const m of text.matchAll(RANGE)) {
    const before = text.slice(Math.max(0, m.index - 8), m.index);
    // Standard numbers (GB/T 15835-2011), model names (GB-2312), dates (2023-9-10): not ranges.
    if (/[A-Za-z/\-.]\s*\d*$/.test(before) || /[-./]\d/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 2))) continue;
    const dash = m.index + m[1].length + m[2].length;
    found.push(finding(dash, dash + 1, 'number.range', 'warning', `表示数值或时间范围应使用“—”或“～”，不用“${m[3]}”`, [m[3] === '~' ? '～' : '—']));
  }
  // 1一8月: the numeral 一 typed for the dash.
  for (const m of text.matchAll(/(\d)一(\d)/g)) {
    if (isLatin(text[m.index - 1])) continue;
    found.push(finding(m.index + 1, m.index + 2, 'number.range', 'warning', '数字之间的“一”疑为连接号“—”', ['—']));
  }
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)([—～~])(\d+(?:\.\d+)?)%/g)) {
    if (text[m.index - 1] === '%' || isDigit(text[m.index - 1])) continue;
    found.push(finding(m.index, m.index + m[0].length, 'number.percent', 'hint', '百分数范围的前后两个数都应带“%”',
      [`${m[1]}%${m[2]}${m[3]}%`]));
  }
  for (const m of text.matchAll(/[零〇一二三四五六七八九十百千]+[%％]/g)) {
    found.push(finding(m.index, m.index + m[0].length, 'number.percent', 'error', '百分数应使用阿拉伯数字，如“50%”'));
  }
}

const CN_OR_AR = /[0-9〇零一二三四五六七八九]{3,}(?=年)/g;

function mixedNumerals(text: string, found: Finding[]): void {
  // 二0二三年: one year written in both kinds of numerals.
  for (const m of text.matchAll(CN_OR_AR)) {
    const digits = m[0];
    if (!/[0-9]/.test(digits) || !/[〇零一二三四五六七八九]/.test(digits)) continue;
    const arabic = [...digits].map((ch) => (isDigit(ch) ? ch : String(chineseDigit(ch)))).join('');
    found.push(finding(m.index, m.index + digits.length, 'number.mixed', 'error', '同一个数中汉字数字与阿拉伯数字混用', [arabic]));
  }
  // 3千人, 5百万: Arabic digits with 百 or 千 (万 and 亿 are fine: 126.5亿元).
  for (const m of text.matchAll(/(?<![A-Za-z\d.])\d+[百千](?![米克瓦帕兆分伏焦卡赫])/g)) {
    found.push(finding(m.index, m.index + m[0].length, 'number.mixed', 'warning', '阿拉伯数字后不宜接“百”“千”，应写作全数字或全汉字'));
  }
}

export function numberFindings(text: string): Finding[] {
  const found: Finding[] = [];
  dates(text, found);
  ranges(text, found);
  mixedNumerals(text, found);
  return found;
}

const CN_DATE_LINE = /^[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月(?:[一二三四五六七八九十]{1,3}日)?$/;

function cnNumber(text: string): number {
  if (text.length === 4) return Number([...text].map((ch) => chineseDigit(ch)).join(''));
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === '十') { total += (digit || 1) * 10; digit = 0; } else digit = chineseDigit(ch);
  }
  return total + digit;
}

/** A date line (成文日期) in Chinese numerals: GB/T 9704-2012 writes it in Arabic numerals. */
export function dateLineFindings(text: string): Finding[] {
  const trimmed = text.trim();
  if (!CN_DATE_LINE.test(trimmed)) return [];
  const m = /^(.{4})年(.+?)月(?:(.+?)日)?$/.exec(trimmed);
  if (!m) return [];
  const at = text.indexOf(trimmed);
  const suggestion = officialDate(cnNumber(m[1]), cnNumber(m[2]), m[3] === undefined ? undefined : cnNumber(m[3]));
  return [finding(at, at + trimmed.length, 'number.date', 'warning', '成文日期应使用阿拉伯数字，如“2023年9月10日”', [suggestion])];
}

/** True for a line that is only a date (a 成文日期 line). */
export function isDateLine(text: string): boolean {
  const trimmed = text.trim();
  return /^\d{4}年\d{1,2}月\d{1,2}日$/.test(trimmed) || CN_DATE_LINE.test(trimmed);
}
