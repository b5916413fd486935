/**
 * 查找 in a body: where a query occurs in each paragraph.
 *
 * The match is literal. Chinese characters and full-width punctuation (，。“”《》（）…) match exactly as
 * typed: nothing is normalised, so ， finds ， and never a half-width `,` (telling the two apart is what
 * a writer proofreading punctuation searches for). Only the ASCII letters A–Z match either case, as in
 * Word's default 查找: `gdp` finds `GDP`. Folding only those keeps every offset the same in the folded
 * and the original text (a general `toLowerCase` can change lengths, e.g. `İ`), and full-width letters
 * (ＧＤＰ) stay as typed like the other full-width forms.
 */

/** One occurrence: `paragraph` indexes the paragraphs given; [start, end) in UTF-16 code units. */
export interface TextMatch { paragraph: number; start: number; end: number }

const ASCII_UPPER = /[A-Z]/g;

function foldAscii(text: string): string {
  return text.replace(ASCII_UPPER, (letter) => letter.toLowerCase());
}

/**
 * Every occurrence of `query` in each paragraph, in document order, left to right and not
 * overlapping (`aa` in `aaa` is found once, at 0). A match never spans two paragraphs. An empty query
 * finds nothing.
 */
export function findMatches(paragraphs: readonly string[], query: string): TextMatch[] {
  if (query.length === 0) return [];
  const folds = /[A-Za-z]/.test(query);
  const needle = folds ? foldAscii(query) : query;
  const matches: TextMatch[] = [];
  paragraphs.forEach((text, paragraph) => {
    const haystack = folds ? foldAscii(text) : text;
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
      matches.push({ paragraph, start: at, end: at + needle.length });
    }
  });
  return matches;
}

/**
 * The index of the first match that starts at or after `offset` in `paragraph`, in document order,
 * wrapping round to the first match; -1 when there are none. This keeps "the current match" in place
 * while the text changes (the same match, or the next one when it is gone) and moves on after a
 * replacement (from the end of the replaced text).
 */
export function matchAtOrAfter(matches: readonly TextMatch[], paragraph: number, offset: number): number {
  if (matches.length === 0) return -1;
  const index = matches.findIndex((m) => m.paragraph > paragraph || (m.paragraph === paragraph && m.start >= offset));
  return index === -1 ? 0 : index;
}
