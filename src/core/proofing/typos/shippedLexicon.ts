/**
 * The shipped 错别字 dictionary (lexicon.ts, generated) read into the structures the rule scans with.
 * It is parsed once per process, on first use, and shared by every Proofreader.
 */
import { hash53 } from '../hash';
import { ALLOWED_WORDS, BOUND_WORDS, CERTAIN_TYPOS, CONTEXT_WORDS, LIKELY_TYPOS } from './lexicon';

/** One wrong form with its correct form; `certain` ones are 错误, the rest 警告. */
export interface ShippedTypo { wrong: string; right: string; certain: boolean }

export interface ShippedLexicon {
  typos: ShippedTypo[];
  /** Correct idioms that contain a wrong form (不能自已). */
  allowed: string[];
  /** Words whose presence across a short wrong form's edge gives the text a correct reading. */
  context: ReadonlySet<string>;
  /** The words 己 and 巳 occur in; elsewhere the character is a typo of 已. */
  bound: string[];
  /** Content hash of the data, named in the gate's report. */
  version: string;
}

let lexicon: ShippedLexicon | null = null;

function pairs(block: string, certain: boolean): ShippedTypo[] {
  const typos: ShippedTypo[] = [];
  for (const line of block.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) typos.push({ wrong: line.slice(0, space), right: line.slice(space + 1), certain });
  }
  return typos;
}

const words = (block: string): string[] => block.split(/\s+/).filter(Boolean);

export function shippedLexicon(): ShippedLexicon {
  lexicon ??= {
    typos: [...pairs(CERTAIN_TYPOS, true), ...pairs(LIKELY_TYPOS, false)],
    allowed: words(ALLOWED_WORDS),
    context: new Set(words(CONTEXT_WORDS)),
    bound: words(BOUND_WORDS),
    version: hash53([CERTAIN_TYPOS, LIKELY_TYPOS, ALLOWED_WORDS, CONTEXT_WORDS, BOUND_WORDS].join('\u0001')),
  };
  return lexicon;
}
