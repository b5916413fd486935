/**
 * 错别字 by words: the shipped dictionary of wrong forms (严于律已 → 严于律己, 己经 → 已经, 周未 → 周末)
 * and the office's own list. Matching is literal, leftmost-longest, indexed by a form's first two
 * characters. It errs towards silence: a short form (two or three characters) is not reported where
 * a common word crosses its edge, because the text then reads correctly (来自|已经, 周末|来临,
 * 统一|在), nor after a numeral or a demonstrative when it starts with a unit of time (第3周|未,
 * 本期|未), nor inside a correct idiom that contains it (不能自已) or near an exception of the office.
 * 己 and 巳 occur only in a closed set of words (自己, 克己奉公; 己巳): anywhere else they are 已.
 */
import { isDigit } from '../chars';
import { finding } from '../finding';
import type { Finding, Severity, TypoEntry } from '../types';
import { shippedLexicon } from './shippedLexicon';

interface Form {
  wrong: string;
  right: string;
  severity: Severity;
  note?: string;
  shipped: boolean;
  /** Where the wrong form differs from the right one (the swapped character). */
  at: number;
}

const differsAt = (wrong: string, right: string): number => {
  for (let i = 0; i < wrong.length; i += 1) if (wrong[i] !== right[i]) return i;
  return 0;
};

const key = (text: string, i: number): number => (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);

/** Characters that occur only inside a closed set of words; elsewhere they are typos of 已. */
const BOUND_CHARACTERS = '己巳';

/** Units of time a numeral or demonstrative can stand before (第3周, 本期, 同年). */
const TIME_UNITS = '周年月日天期季时次';
const COUNTERS = '〇零一二三四五六七八九十百千万两几数每本上下这那该当同前后近头首末';

/** Confusable characters that are words by themselves (已经 → 以|经 is no reading, 统一|在 is). */
const FREE = '已以再在未往住做作带戴像象既即账帐候';

/**
 * A word across the edge of [start, end) that gives the text a correct reading: it takes in the
 * swapped character (来自|已经, 周末|来临), or leaves it standing as a word of its own (统一|在).
 */
function crossedByWord(text: string, start: number, end: number, swapped: number, context: ReadonlySet<string>): boolean {
  // In a three-character form the swapped character has neighbours of the form on both sides or two
  // on one: left standing alone, they rarely read (农做|物种), so the word must take it in.
  const alone = end - start === 2 && FREE.includes(text[swapped]);
  for (let cut = start + 1; cut < end; cut += 1) {
    if (alone || swapped < cut) {
      for (let from = start - 1; from >= 0 && cut - from <= 4; from -= 1) {
        if (context.has(text.slice(from, cut))) return true;
      }
    }
    if (alone || swapped >= cut) {
      for (let to = end + 1; to <= text.length && to - cut <= 4; to += 1) {
        if (context.has(text.slice(cut, to))) return true;
      }
    }
  }
  return false;
}

function afterCounter(text: string, start: number): boolean {
  const before = text[start - 1];
  return before !== undefined && TIME_UNITS.includes(text[start]) && (isDigit(before) || COUNTERS.includes(before));
}

/** True when one of `words` occurs in `text` overlapping [start, end). */
function overlapsAny(text: string, start: number, end: number, words: readonly string[]): boolean {
  for (const word of words) {
    const at = text.indexOf(word, Math.max(0, start - word.length + 1));
    if (at >= 0 && at < end) return true;
  }
  return false;
}

/** Forms indexed by their first two characters, longest first in each bucket. */
function indexed(forms: Iterable<Form>): Map<number, Form[]> {
  const index = new Map<number, Form[]>();
  for (const form of forms) {
    const k = key(form.wrong, 0);
    const bucket = index.get(k);
    if (bucket) bucket.push(form);
    else index.set(k, [form]);
  }
  for (const bucket of index.values()) bucket.sort((a, b) => b.wrong.length - a.wrong.length);
  return index;
}

interface ShippedIndex {
  index: Map<number, Form[]>;
  /** For 己 and 巳, the words they occur in and where. */
  bound: Map<string, Array<{ word: string; offset: number }>>;
  /** Per wrong form, the correct idioms containing it and where. */
  allowed: Map<string, Array<{ word: string; offset: number }>>;
  context: ReadonlySet<string>;
}

let shipped: ShippedIndex | null = null;

/** The shipped dictionary indexed once per process: a Proofreader is made per list change, and often in tests. */
function shippedIndex(): ShippedIndex {
  if (shipped) return shipped;
  const lexicon = shippedLexicon();
  const forms = lexicon.typos.map((t): Form => ({
    wrong: t.wrong, right: t.right, severity: t.certain ? 'error' : 'warning', shipped: true, at: differsAt(t.wrong, t.right),
  }));
  const allowed = new Map<string, Array<{ word: string; offset: number }>>();
  for (const word of lexicon.allowed) {
    for (const form of forms) {
      const offset = word.indexOf(form.wrong);
      if (offset < 0) continue;
      allowed.set(form.wrong, [...(allowed.get(form.wrong) ?? []), { word, offset }]);
    }
  }
  const bound = new Map<string, Array<{ word: string; offset: number }>>();
  // Commonest first: almost every 己 is in 自己.
  for (const word of ['自己', ...lexicon.bound.filter((w) => w !== '自己')]) {
    for (let offset = 0; offset < word.length; offset += 1) {
      if (!BOUND_CHARACTERS.includes(word[offset])) continue;
      bound.set(word[offset], [...(bound.get(word[offset]) ?? []), { word, offset }]);
    }
  }
  shipped = { index: indexed(forms), bound, allowed, context: lexicon.context };
  return shipped;
}

export class TypoRule {
  private readonly shipped = shippedIndex();
  private readonly own: Map<number, Form[]>;
  /** Wrong forms the office's list redefines: the shipped entry is not used. */
  private readonly overridden: ReadonlySet<string>;
  private readonly exceptions: string[];

  constructor(entries: readonly TypoEntry[] = []) {
    const own = entries.filter((e) => e.right && e.wrong.length >= 2)
      .map((e): Form => ({ wrong: e.wrong, right: e.right, severity: e.severity ?? 'error', note: e.note, shipped: false, at: 0 }));
    this.own = indexed(own);
    this.overridden = new Set(own.map((f) => f.wrong));
    this.exceptions = entries.filter((e) => !e.right && e.wrong).map((e) => e.wrong);
  }

  check(text: string): Finding[] {
    const found: Finding[] = [];
    for (let i = 0; i + 1 < text.length; i += 1) {
      const k = key(text, i);
      const form = this.longestAt(text, i, this.own.get(k), this.shipped.index.get(k));
      if (!form) continue;
      const end = i + form.wrong.length;
      const note = form.note ? `（${form.note}）` : '';
      const lead = form.severity === 'error' ? '错别字' : '可能是错别字';
      found.push(finding(i, end, 'typo.word', form.severity, `${lead}：“${form.wrong}”应为“${form.right}”${note}`, [form.right]));
      i = end - 1;
    }
    return [...found, ...this.boundCharacters(text, found)].sort((a, b) => a.start - b.start);
  }

  /** 己 or 巳 outside every word it occurs in (会议己于, 补偿款巳全部): a typo of 已. */
  private boundCharacters(text: string, words: readonly Finding[]): Finding[] {
    const found: Finding[] = [];
    for (const ch of BOUND_CHARACTERS) {
      for (let at = text.indexOf(ch); at >= 0; at = text.indexOf(ch, at + 1)) {
        if (words.some((f) => f.start <= at && at < f.end)) continue;
        if ((this.shipped.bound.get(ch) ?? []).some(({ word, offset }) => text.startsWith(word, at - offset))) continue;
        if (this.exceptions.length > 0 && overlapsAny(text, at, at + 1, this.exceptions)) continue;
        // 巳 in a word of 己 (一巳私利) is that 己; otherwise either stands for 已.
        const asSelf = `${text.slice(0, at)}己${text.slice(at + 1)}`;
        const fix = ch === '巳' && (this.shipped.bound.get('己') ?? []).some(({ word, offset }) => asSelf.startsWith(word, at - offset)) ? '己' : '已';
        const severity = ch === '巳' ? 'error' : 'warning';
        found.push(finding(at, at + 1, 'typo.char', severity, `${severity === 'error' ? '错别字' : '可能是错别字'}：此处“${ch}”应为“${fix}”`, [fix]));
      }
    }
    return found;
  }

  /** The longest form at `i` that the text does not read correctly around. */
  private longestAt(text: string, i: number, own: readonly Form[] | undefined, shippedForms: readonly Form[] | undefined): Form | null {
    if (!own && !shippedForms) return null;
    let best: Form | null = null;
    for (const bucket of [own, shippedForms]) {
      for (const form of bucket ?? []) {
        if (best && form.wrong.length <= best.wrong.length) break;
        if (form.shipped && this.overridden.has(form.wrong)) continue;
        if (!text.startsWith(form.wrong, i) || this.readsCorrectly(text, i, i + form.wrong.length, form)) continue;
        best = form;
        break;
      }
    }
    return best;
  }

  private readsCorrectly(text: string, start: number, end: number, form: Form): boolean {
    if (this.exceptions.length > 0 && overlapsAny(text, start, end, this.exceptions)) return true;
    if (!form.shipped) return false;
    for (const { word, offset } of this.shipped.allowed.get(form.wrong) ?? []) {
      if (text.startsWith(word, start - offset)) return true;
    }
    if (form.wrong.length > 3) return false;
    // After a counter the time unit is taken (第3周|未), so the swapped character must stand alone.
    return (afterCounter(text, start) && FREE.includes(form.wrong[form.at]))
      || crossedByWord(text, start, end, start + form.at, this.shipped.context);
  }
}
