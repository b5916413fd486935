/**
 * Where a long title breaks. GB/T 9704 7.3.3: a title that runs over a line keeps its words whole
 * (词意完整), and its lines are balanced, set as a trapezoid or a diamond. A title of 二号 fits 20
 * characters a line; a longer one is set on two lines, broken at the best place by these rules:
 *
 * - between words, as ICU's dictionary word breaking (`Intl.Segmenter`, in Node and Chromium) finds
 *   them; best between two words of two or more characters (single characters may be pieces of a
 *   name the dictionary does not know, like 沂|河|新|区), and never inside the office's own terms
 *   that the dictionary splits (政务信息, 报送, …); as good, after a closing mark or before an opening one;
 * - before 关于, where the issuing body's name ends and the subject begins; not before a postposition
 *   standing alone (新形势下);
 * - rather not inside a quotation or a book title; never before 的, never ending a line on an
 *   opening mark or starting one with a closing mark;
 * - the two lines as even as those rules allow, the upper one the shorter on a tie.
 */
import { textWidth } from './pageFlow';

/** Characters of 二号 on a line of the type area. */
export const TITLE_CHARS = 20;

const OPENING = /[“‘（《〔【「]$/;
const CLOSING = /^[”’）》〕】」，、。：；！？]/;
const PAIRS: Record<string, string> = { '“': '”', '《': '》', '（': '）', '〔': '〕', '【': '】', '「': '」' };

/** Terms of the office's titles that ICU's dictionary breaks apart. */
const TERMS = [
  '政务信息', '报送', '新区', '办公室', '党工委', '管委会', '工作要点', '实施方案', '考核细则', '调研报告', '重点项目', '安全生产',
  '新时代', '新形势', '新阶段', '新发展理念', '新发展格局', '高质量发展', '二十大', '营商环境', '招商引资', '放管服', '一网通办',
];

/** Single-character postpositions, which close the phrase before them: 新形势下, 工作中, 会议上. */
const POSTPOSITIONS = new Set([...'下中上后前里内外间时']);

/** Made on the first long title, not when the server starts: it loads ICU's dictionary (about 8 ms). */
let segmenter: Intl.Segmenter | null | undefined;
function wordSegmenter(): Intl.Segmenter | null {
  segmenter ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('zh', { granularity: 'word' }) : null;
  return segmenter;
}

/** How good a place each break is, by UTF-16 offset: word boundaries by their kind, other places -1. */
function breakStrengths(title: string): Map<number, number> {
  const strengths = new Map<number, number>();
  const words = wordSegmenter();
  const segments = words ? [...words.segment(title)] : [...title].map((segment, i) => ({ segment, index: i, isWordLike: true }));
  for (let i = 1; i < segments.length; i += 1) {
    const before = segments[i - 1];
    const after = segments[i];
    const long = (s: { segment: string; isWordLike?: boolean }) => s.isWordLike === true && [...s.segment].length >= 2;
    // After a closing mark or before an opening one: as good as between two words.
    const marked = /[”’）》〕】」]$/.test(before.segment) || /^[“‘（《〔【「]/.test(after.segment);
    strengths.set(after.index, marked ? 2 : (long(before) ? 1 : 0) + (long(after) ? 1 : 0));
  }
  for (const term of TERMS) {
    for (let at = title.indexOf(term); at >= 0; at = title.indexOf(term, at + 1)) {
      for (let inner = at + 1; inner < at + term.length; inner += 1) strengths.set(inner, -2);
      for (const edge of [at, at + term.length]) strengths.set(edge, Math.max(1, strengths.get(edge) ?? 1));
    }
  }
  // A postposition on its own (新形势|下) belongs to the phrase before it.
  for (const { segment, index } of segments) if (index > 0 && POSTPOSITIONS.has(segment)) strengths.set(index, -1);
  return strengths;
}

/** Whether a break at `at` falls inside a quotation or a bracketed name. */
function insidePair(title: string, at: number): boolean {
  const open: string[] = [];
  for (const ch of title.slice(0, at)) {
    if (PAIRS[ch]) open.push(PAIRS[ch]);
    else if (open.at(-1) === ch) open.pop();
  }
  return open.length > 0;
}

/** A title's lines: one when it fits, else two, broken as the header comment says. */
export function titleLines(title: string): string[] {
  const total = textWidth(title);
  if (total <= TITLE_CHARS) return [title];
  const strengths = breakStrengths(title);
  let best: { at: number; score: number } | null = null;
  for (let at = 1; at < title.length; at += 1) {
    const code = title.charCodeAt(at);
    if (code >= 0xdc00 && code <= 0xdfff) continue; // the second half of a surrogate pair
    const upper = title.slice(0, at);
    const lower = title.slice(at);
    if (OPENING.test(upper) || CLOSING.test(lower) || lower.startsWith('的')) continue;
    const a = textWidth(upper);
    const b = textWidth(lower);
    let score = 2 * (strengths.get(at) ?? -1) - 0.75 * Math.abs(a - b) - (a > b ? 0.25 : 0);
    if (lower.startsWith('关于')) score += 6;
    if (insidePair(title, at)) score -= 4;
    // A line over 20 characters wraps again: only when the title is too long for two lines anyway.
    score -= 2 * (Math.max(0, a - TITLE_CHARS) + Math.max(0, b - TITLE_CHARS));
    if (!best || score > best.score) best = { at, score };
  }
  return best ? [title.slice(0, best.at), title.slice(best.at)] : [title];
}
