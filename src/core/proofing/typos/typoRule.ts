/**
 * 错别字 by words: the shipped dictionary of wrong forms (严于律已 → 严于律己, 己经 → 已经, 周未 → 周末)
 * and the office's own list. Matching is literal, leftmost-longest, indexed by a form's first two
 * characters. It errs towards silence: a short form (two or three characters) is not reported where
 * a common word crosses its edge, because the text then reads correctly (来自|已经, 周末|来临,
 * 统一|在), nor after a numeral or a demonstrative when it starts with a unit of time (第3周|未,
 * 本期|未), nor inside a correct idiom that contains it (不能自已) or near an exception of the office.
 */
import { isDigit } from '../chars';
import { finding } from '../finding';
import type { Finding, Severity, TypoEntry } from '../types';
import { shippedLexicon } from './shippedLexicon';

interface Form { wrong: string; right: string; severity: Severity; note?: string; shipped: boolean }

const key = (text: string, i: number): number => (text.charCodeAt(i) << 16) | text.charCodeAt(i + 1);

/** Units of time a numeral or demonstrative can stand before (第3周, 本期, 同年). */
const TIME_UNITS = '周年月日天期季时次';
const COUNTERS = '〇零一二三四五六七八九十百千万两几数每本上下这那该当同前后近头首末';

/** A word across the edge of [start, end): longer than the part of the form it shares. */
function crossedByWord(text: string, start: number, end: number, context: ReadonlySet<string>): boolean {
  for (let cut = start + 1; cut < end; cut += 1) {
    for (let from = start - 1; from >= 0 && cut - from <= 4; from -= 1) {
      if (context.has(text.slice(from, cut))) return true;
    }
    for (let to = end + 1; to <= text.length && to - cut <= 4; to += 1) {
      if (context.has(text.slice(cut, to))) return true;
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
  /** Per wrong form, the correct idioms containing it and where. */
  allowed: Map<string, Array<{ word: string; offset: number }>>;
  context: ReadonlySet<string>;
}

let shipped: ShippedIndex | null = null;

/** The shipped dictionary indexed once per process: a Proofreader is made per list change, and often in tests. */
function shippedIndex(): ShippedIndex {
  if (shipped) return shipped;
  const lexicon = shippedLexicon();
  const forms = lexicon.typos.map((t): Form => ({ wrong: t.wrong, right: t.right, severity: t.certain ? 'error' : 'warning', shipped: true }));
  const allowed = new Map<string, Array<{ word: string; offset: number }>>();
  for (const word of lexicon.allowed) {
    for (const form of forms) {
      const offset = word.indexOf(form.wrong);
      if (offset < 0) continue;
      allowed.set(form.wrong, [...(allowed.get(form.wrong) ?? []), { word, offset }]);
    }
  }
  shipped = { index: indexed(forms), allowed, context: lexicon.context };
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
      .map((e): Form => ({ wrong: e.wrong, right: e.right, severity: e.severity ?? 'error', note: e.note, shipped: false }));
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
    return form.wrong.length <= 3 && (afterCounter(text, start) || crossedByWord(text, start, end, this.shipped.context));
  }
}
