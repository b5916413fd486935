/**
 * Rule group 2, sequences: 一是…二是…三是 (within and across paragraphs) and the structure numbers
 * 一、（一）1.（1） at paragraph starts — gaps, repeats, wrong order — and the forms an official
 * document does not use (1、 ·（一）、· 1．). Paragraph features are extracted once per paragraph text
 * (cached by the Proofreader); the sequence itself is a cheap pass over the whole document.
 */
import { formatLevelNumber, parseLevelNumber, toChineseNumeral, type NumberedLevel } from '../../structure/levels';
import { isHan } from '../chars';
import { finding } from '../finding';
import type { Finding } from '../types';

/** An occurrence of 一是, 二是, … in a paragraph. */
export interface ShiMarker {
  n: number;
  at: number;
  /** Characters of the numeral. */
  length: number;
  /** Preceded by the paragraph start, punctuation or a structure number: surely an item. */
  bounded: boolean;
  /** Preceded by a Han character that could end a sentence (a missing full stop before it). */
  afterText: boolean;
}

/** A structure number at a paragraph's start. */
export interface NumberMarker { level: NumberedLevel; n: number; numberLength: number }

const SHI = /([一二三四五六七八九十]{1,3})是/g;
const BOUNDARY = /[。；：，！？、）)”’\s\u3000]/;
// 第二是, 其一是, 统一是, 唯一是: words, not items.
const NOT_AN_ITEM_AFTER = '第其之唯统单同专归合划万初不';

export function shiMarkers(text: string): ShiMarker[] {
  const markers: ShiMarker[] = [];
  const lead = parseLevelNumber(text);
  for (const match of text.matchAll(SHI)) {
    let numeral = match[1];
    let at = match.index;
    // The regex takes the longest numeral; 统一是 should still yield 一 with 统 before it.
    while (numeral.length > 1 && parseNumeral(numeral) === null) { numeral = numeral.slice(1); at += 1; }
    const n = parseNumeral(numeral);
    if (n === null) continue;
    const end = at + numeral.length + 1;
    if (text.startsWith(numeral, end)) continue; // 一是一，二是二
    const prev = text[at - 1];
    const bounded = at === 0 || (lead !== null && at === lead.length) || BOUNDARY.test(prev);
    markers.push({ n, at, length: numeral.length, bounded, afterText: !bounded && isHan(prev) && !NOT_AN_ITEM_AFTER.includes(prev) });
  }
  return markers;
}

function parseNumeral(numeral: string): number | null {
  const parsed = parseLevelNumber(`${numeral}、`);
  return parsed && parsed.level === 1 ? parsed.n : null;
}

export function numberMarker(text: string): NumberMarker | null {
  const parsed = parseLevelNumber(text);
  if (!parsed) return null;
  return { level: parsed.level, n: parsed.n, numberLength: text.slice(0, parsed.length).trimEnd().length };
}

/** Forms of structure numbers GB/T 9704 does not use, in one paragraph: 1、 · （一）、 · 1． */
export function numberForms(text: string): Finding[] {
  const found: Finding[] = [];
  const arabicComma = /^(\s*)(\d{1,2})、/.exec(text);
  if (arabicComma) {
    const at = arabicComma[1].length + arabicComma[2].length;
    found.push(finding(at, at + 1, 'sequence.style', 'error', '阿拉伯数字序号后应用下脚点“.”，不用顿号', ['.']));
  }
  const bracketComma = /^(\s*[（(](?:[一二三四五六七八九十]+|\d+)[）)])[、，.]/.exec(text);
  if (bracketComma) {
    const at = bracketComma[1].length;
    found.push(finding(at, at + 1, 'sequence.style', 'error', '括号序号后不再加标点', ['']));
  }
  const fullDot = /^(\s*\d{1,2})．(?![0-9０-９])/.exec(text);
  if (fullDot) {
    const at = fullDot[1].length;
    found.push(finding(at, at + 1, 'sequence.style', 'warning', '三级标题序号应使用半角下脚点“.”', ['.']));
  }
  return found;
}

/** What the document pass needs of each paragraph. */
export interface SequenceParagraph {
  markers: readonly ShiMarker[];
  number: NumberMarker | null;
  /** Takes part in structure numbering (not a list item, a table cell or an attachment line). */
  numbered: boolean;
  /** A heading: 一是 sequences restart after it. */
  resets: boolean;
}

const shiName = (n: number): string => `${toChineseNumeral(n)}是`;

/** Findings per paragraph (paragraph offsets) for both kinds of sequence across the document. */
export function sequenceFindings(paragraphs: readonly SequenceParagraph[]): Finding[][] {
  const out: Finding[][] = paragraphs.map(() => []);
  const counters = [0, 0, 0, 0, 0];
  let expected = 0; // the next 一是 item; 0 when no sequence is open
  paragraphs.forEach((p, index) => {
    const found = out[index];
    if (p.number && p.numbered) {
      const { level, n, numberLength } = p.number;
      const want = counters[level] + 1;
      if (n !== want) {
        const right = formatLevelNumber(level, want);
        const message = counters[level] === 0
          ? `序号应从“${formatLevelNumber(level, 1)}”开始`
          : n === counters[level] ? `序号重复：应为“${right}”` : n < want ? `序号顺序颠倒：应为“${right}”` : `序号不连续：应为“${right}”`;
        found.push(finding(0, numberLength, 'sequence.number', counters[level] === 0 ? 'warning' : 'error', message, [right]));
      }
      counters[level] = n;
      for (let deeper = level + 1; deeper <= 4; deeper += 1) counters[deeper] = 0;
    }
    if (p.resets) expected = 0;
    for (const m of p.markers) {
      const start = m.at;
      const end = m.at + m.length + 1;
      if (m.n === 1 && m.bounded) {
        if (expected === 2) found.push(finding(start, end, 'sequence.shi', 'error', '“一是”重复：前面的“一是”之后还没有“二是”', ['二是']));
        else expected = 2;
        continue;
      }
      if (expected === 0) {
        if (m.bounded) found.push(finding(start, end, 'sequence.shi', 'warning', `“${shiName(m.n)}”之前没有“一是”`));
        continue;
      }
      if (m.n === expected) {
        if (m.afterText) found.push(finding(m.at - 1, m.at, 'sequence.shi', 'warning', `“${shiName(m.n)}”前似缺少标点`));
        expected += 1;
      } else if (m.bounded && m.n > expected) {
        found.push(finding(start, end, 'sequence.shi', 'error', `缺少“${shiName(expected)}”：“${shiName(expected - 1)}”之后是“${shiName(m.n)}”`));
        expected = m.n + 1;
      } else if (m.bounded) {
        found.push(finding(start, end, 'sequence.shi', 'error', `“${shiName(m.n)}”重复或顺序颠倒：应为“${shiName(expected)}”`, [shiName(expected)]));
        expected += 1;
      }
    }
  });
  return out;
}
