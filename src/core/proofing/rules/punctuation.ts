/**
 * Rule group 1, within one paragraph: half-width punctuation in Chinese text, doubled marks, and
 * 顿号 misuse in simple enumerations. Conservative: a mark is flagged only where Chinese text
 * surrounds it, never in numbers (1,000 · 3.5 · 10:30), URLs, file names or Latin text.
 */
import { isCjk, isDigit, isHan, isLatin, isLatinOrDigit } from '../chars';
import { finding } from '../finding';
import type { Finding } from '../types';

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，', '.': '。', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）',
};

const URL_LIKE = /(?:https?:\/\/|www\.)[\x21-\x7e]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[A-Za-z]:\\[\x21-\x7e]*/g;

/** Code-unit ranges of URLs, e-mail addresses and paths, where ASCII punctuation belongs. */
function asciiIslands(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_LIKE)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

const inside = (ranges: ReadonlyArray<[number, number]>, i: number): boolean => ranges.some(([s, e]) => i >= s && i < e);

/** The neighbour at i, looking past one ordinary space (people type `中文 , 中文`). */
function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  const ch = text[i];
  return ch === ' ' ? text[i + step] : ch;
}

function matchingParen(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j += 1) {
    if (text[j] === '(') return -1;
    if (text[j] === ')') return j;
  }
  return -1;
}

function hasHan(text: string): boolean {
  for (const ch of text) if (isHan(ch)) return true;
  return false;
}

export function halfWidthPunctuation(text: string): Finding[] {
  const found: Finding[] = [];
  const islands = asciiIslands(text);
  const parens = new Set<number>();
  const flag = (i: number, length = 1, replacement = FULL_WIDTH[text[i]], what = `“${text[i]}”`): void => {
    found.push(finding(i, i + length, 'punctuation.halfwidth', 'error',
      `中文文本中应使用全角标点：半角${what}应为“${replacement}”`, [replacement]));
  };
  for (let i = 0; i < text.length; i += 1) {
    // Every mark looked for is ASCII: skip the rest without making a string of each character.
    if (text.charCodeAt(i) > 0x7e) continue;
    const ch = text[i];
    if (!(ch in FULL_WIDTH) && ch !== '"') continue;
    if (inside(islands, i)) continue;
    const prev = neighbour(text, i - 1, -1);
    const next = neighbour(text, i + 1, 1);
    switch (ch) {
      case ',':
      case ';':
        if (isDigit(prev) && isDigit(next)) break; // 1,000
        if (isCjk(prev) || isCjk(next)) flag(i);
        break;
      case ':':
        if (isDigit(prev) && isDigit(next)) break; // 10:30
        if (isCjk(prev) || (isHan(next) && !isLatinOrDigit(prev))) flag(i);
        break;
      case '?':
      case '!':
        if (isCjk(prev) || (isHan(next) && !isLatinOrDigit(prev))) flag(i);
        break;
      case '.': {
        let end = i;
        while (text[end] === '.') end += 1;
        const after = text[end];
        if (!isCjk(prev) || isLatinOrDigit(after)) { i = end - 1; break; } // 3.5, 1., file.docx
        if (end - i >= 3) {
          found.push(finding(i, end, 'punctuation.halfwidth', 'error', '中文文本中的省略号应为“……”', ['……']));
        } else if (end - i === 1 && /^\s*[一二三四五六七八九十]+$/.test(text.slice(0, i))) {
          found.push(finding(i, i + 1, 'punctuation.halfwidth', 'error', '一级标题序号后应用顿号“、”', ['、']));
        } else if (end - i === 1) {
          flag(i);
        }
        i = end - 1;
        break;
      }
      case '(': {
        const close = matchingParen(text, i);
        const after = close >= 0 ? text[close + 1] : undefined;
        const content = close >= 0 ? text.slice(i + 1, close) : '';
        const chinese = isCjk(prev) || isHan(next) || hasHan(content) || isHan(after);
        if (!chinese) break;
        flag(i);
        if (close >= 0) parens.add(close);
        break;
      }
      case ')':
        if (parens.has(i) || isCjk(prev) || isHan(next)) flag(i);
        break;
      case '"':
        if (isCjk(prev) || isCjk(next)) {
          const quotes = [...text.matchAll(/"/g)].map((m) => m.index);
          const nth = quotes.indexOf(i);
          // Alternating open and close is certain only when they pair up.
          const replacement = quotes.length % 2 === 0 ? (nth % 2 === 0 ? '“' : '”') : '';
          found.push(finding(i, i + 1, 'punctuation.halfwidth', 'error', '中文文本中应使用中文引号“”',
            replacement ? [replacement] : []));
        }
        break;
    }
  }
  return found;
}

const POINT_MARKS = '，。、；：';
/** The marks a doubled pair can start with, by code unit (a cheap test before any string is made). */
const FIRST_OF_PAIR: ReadonlySet<number> = new Set([...POINT_MARKS, '？', '！'].map((c) => c.charCodeAt(0)));

/** Two marks where one belongs: ，， 。。 ，。 ？。 (but not ？！ ！！ …… ——, which are marks of their own). */
export function doubledPunctuation(text: string): Finding[] {
  const found: Finding[] = [];
  for (let i = 0; i + 1 < text.length; i += 1) {
    if (!FIRST_OF_PAIR.has(text.charCodeAt(i))) continue;
    const a = text[i];
    const b = text[i + 1];
    const pointPair = POINT_MARKS.includes(a) && POINT_MARKS.includes(b);
    const afterQuestion = '？！'.includes(a) && '，。、；'.includes(b);
    if (!pointPair && !afterQuestion) continue;
    let end = i + 2;
    while (end < text.length && text[end] === a && a === b) end += 1;
    if (a === b) {
      found.push(finding(i, end, 'punctuation.doubled', 'error', `标点重复：“${text.slice(i, end)}”`, [a]));
    } else if (afterQuestion) {
      found.push(finding(i, end, 'punctuation.doubled', 'error', `“${a}”后不再加“${b}”`, [a]));
    } else {
      found.push(finding(i, end, 'punctuation.doubled', 'error', `标点连用：“${a}${b}”，请保留其一`));
    }
    i = end - 1;
  }
  return found;
}

// 等 followed by what usually closes an enumeration; a bare 等 might be the verb 等待.
const ENUMERATION_END = /^等(?:[，。、；：！？”）]|$|方面|工作|问题|领域|部门|单位|内容|情况|措施|形式|活动|项目|重点|重大|环节|行业|企业|地区|事项|群体|人员|要素)/;

/** 顿号 misuse in simple enumerations, where it is certain: 、等 · ”、“ · 》、《. */
export function enumerationCommas(text: string): Finding[] {
  const found: Finding[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] !== '、') continue;
    const before = text[i - 1];
    const after = text[i + 1];
    if (ENUMERATION_END.test(text.slice(i + 1, i + 5)) && isHan(before)) {
      found.push(finding(i, i + 1, 'punctuation.enumeration', 'warning', '“等”前不用顿号', ['']));
    } else if ((before === '”' && after === '“') || (before === '》' && after === '《')) {
      found.push(finding(i, i + 1, 'punctuation.enumeration', 'hint',
        before === '”' ? '并列的引号之间通常不用顿号' : '并列的书名号之间通常不用顿号', ['']));
    }
  }
  return found;
}

/** True when the paragraph reads as Chinese prose (decides whether a missing full stop matters). */
export function isChineseProse(text: string): boolean {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (isHan(ch)) han += 1;
    else if (isLatin(ch)) latin += 1;
  }
  return han > latin;
}

