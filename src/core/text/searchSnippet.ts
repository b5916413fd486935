/**
 * Search text rules shared by the server and the renderer: how a query splits into terms, how long a
 * term must be to search bodies, and the matching sentence shown (and marked) in a result.
 */

/** A text with the ranges to highlight, as [start, end) offsets in UTF-16 code units, in order. */
export interface MarkedText { text: string; marks: Array<[number, number]> }

/** At most this many terms of a query are used (the rest are ignored). */
export const MAX_TERMS = 5;
/** Terms shorter than this (in characters) search titles only: a single character is in nearly every body. */
export const MIN_BODY_TERM = 2;
/** Terms at least this long use the trigram index; shorter ones are found by scanning. */
export const INDEXED_TERM = 3;

const SENTENCE_END = /[。！？!?；;\n]/u;
const CONTEXT_BEFORE = 30;

/** A term's length in characters (code points), as the trigram tokenizers count. */
export function termLength(term: string): number {
  return [...term].length;
}

/**
 * The query's terms: split at spaces (full-width ones too), each kept once, at most MAX_TERMS. A
 * piece matches when every term is in its title or its body.
 */
export function searchTerms(query: string): string[] {
  const terms = query.split(/[\s\u3000]+/u).filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

function fold(text: string): string {
  const lower = text.toLowerCase();
  // Offsets must stay those of the original text: fold only where lowering keeps the length.
  return lower.length === text.length ? lower : text;
}

/** Every occurrence of any of `terms` in `text`, case-insensitive for Latin letters, in order, not overlapping. */
export function markTerms(text: string, terms: readonly string[]): MarkedText {
  const haystack = fold(text);
  const found: Array<[number, number]> = [];
  for (const term of terms) {
    const needle = fold(term);
    if (needle.length === 0) continue;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
      found.push([at, at + needle.length]);
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const marks: Array<[number, number]> = [];
  for (const mark of found) {
    const last = marks[marks.length - 1];
    if (last && mark[0] < last[1]) last[1] = Math.max(last[1], mark[1]);
    else marks.push([mark[0], mark[1]]);
  }
  return { text, marks };
}

/**
 * The first sentence of `body` that holds one of `terms`, with every term in it marked: a sentence
 * ends at 。！？；, their ASCII forms or a line break. A sentence longer than `maxLength` is cut to a
 * window that starts a little before the match, with … where it was cut. Null when no term occurs.
 */
export function matchSentence(body: string, terms: readonly string[], maxLength = 120): MarkedText | null {
  const first = markTerms(body, terms).marks[0];
  if (!first) return null;
  let start = first[0];
  while (start > 0 && !SENTENCE_END.test(body[start - 1])) start--;
  let end = first[1];
  while (end < body.length && !SENTENCE_END.test(body[end - 1] ?? '')) end++;
  while (start < first[0] && /\s/u.test(body[start])) start++;
  while (end > first[1] && /\s/u.test(body[end - 1])) end--;
  let prefix = '';
  let suffix = '';
  if (end - start > maxLength) {
    const windowStart = Math.max(start, first[0] - CONTEXT_BEFORE);
    if (windowStart > start) prefix = '…';
    start = windowStart;
    const windowEnd = Math.max(first[1], Math.min(end, start + maxLength));
    if (windowEnd < end) suffix = '…';
    end = windowEnd;
  }
  const sentence = markTerms(body.slice(start, end), terms);
  return {
    text: `${prefix}${sentence.text}${suffix}`,
    marks: sentence.marks.map(([a, b]) => [a + prefix.length, b + prefix.length]),
  };
}
