/**
 * The 审校词表 page's drafts: the three lists as the admin edits them (rows, a text with one word
 * per line) and their checking back into entries, with the reason in Chinese when a draft cannot be
 * saved. The limits are the server's (src/shared/proofing.ts); fully blank rows are dropped.
 */
import type { LeaderEntry, PhrasingEntry, SensitiveEntry, Severity, TypoEntry } from '../../../core/proofing';
import { PROOFING_LIST_LIMITS } from '../../../shared/proofing';

const {
  word: MAX_WORD, note: MAX_NOTE, entries: MAX_ENTRIES, leaders: MAX_LEADERS, leaderTitles: MAX_TITLES, rank: MAX_RANK,
} = PROOFING_LIST_LIMITS;

export type Checked<T> = { ok: true; entries: T } | { ok: false; message: string };

let nextKey = 0;
/** A key for a row of the page, stable while it is edited. */
export const rowKey = (): string => `row-${(nextKey += 1)}`;

/** Whether two drafts hold the same rows in the same order, whatever their keys. */
export function sameRows<R extends { key: string }>(a: readonly R[], b: readonly R[]): boolean {
  const plain = (rows: readonly R[]): string => JSON.stringify(rows.map(({ key: _key, ...rest }) => rest));
  return plain(a) === plain(b);
}

export interface PhrasingRow { key: string; wrong: string; right: string; severity: Severity; note: string }

export function phrasingRows(entries: readonly PhrasingEntry[]): PhrasingRow[] {
  // An entry without a severity is reported as a warning (rules/dictionaries.ts).
  return entries.map((e) => ({ key: rowKey(), wrong: e.wrong, right: e.right, severity: e.severity ?? 'warning', note: e.note ?? '' }));
}

export const blankPhrasingRow = (): PhrasingRow => ({ key: rowKey(), wrong: '', right: '', severity: 'warning', note: '' });

export function checkPhrasing(rows: readonly PhrasingRow[]): Checked<PhrasingEntry[]> {
  return checkPairs(rows, { wrong: '不规范表述', right: '规范表述', words: '表述', list: '规范表述', rightRequired: true });
}

/** How a list of pairs (a wrong form → its right form) names its parts in the page's messages. */
interface PairWords {
  wrong: string;
  right: string;
  /** Both forms together, in the length message. */
  words: string;
  list: string;
  rightRequired: boolean;
  /** A wrong form shorter than `length` is refused with `reason`. */
  minWrong?: { length: number; reason: string };
}

/** Rows of pairs back into entries (phrasing and 错别字 alike), or the first row's reason in Chinese. */
function checkPairs(rows: readonly PhrasingRow[], words: PairWords): Checked<PhrasingEntry[]> {
  const entries: PhrasingEntry[] = [];
  const seen = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const line = `第 ${i + 1} 行`;
    const wrong = row.wrong.trim();
    const right = row.right.trim();
    const note = row.note.trim();
    if (!wrong && !right && !note) continue;
    if (!wrong) return { ok: false, message: `${line}：请填写${words.wrong}` };
    if (words.rightRequired && !right) return { ok: false, message: `${line}：请填写${words.right}` };
    if (words.minWrong && wrong.length < words.minWrong.length) return { ok: false, message: `${line}：${words.minWrong.reason}` };
    if (wrong === right) return { ok: false, message: `${line}：${words.wrong}与${words.right}相同` };
    if (wrong.length > MAX_WORD || right.length > MAX_WORD) return { ok: false, message: `${line}：${words.words}不能超过 ${MAX_WORD} 字` };
    if (note.length > MAX_NOTE) return { ok: false, message: `${line}：说明不能超过 ${MAX_NOTE} 字` };
    const first = seen.get(wrong);
    if (first !== undefined) return { ok: false, message: `${line}：“${wrong}”与第 ${first} 行重复` };
    seen.set(wrong, i + 1);
    entries.push(note ? { wrong, right, severity: row.severity, note } : { wrong, right, severity: row.severity });
  }
  if (entries.length > MAX_ENTRIES) return { ok: false, message: `${words.list}最多 ${MAX_ENTRIES} 条` };
  return { ok: true, entries };
}

export interface TypoRow { key: string; wrong: string; right: string; severity: Severity; note: string }

export function typoRows(entries: readonly TypoEntry[]): TypoRow[] {
  // An entry of the office's 错别字 list without a severity is reported as an error (typos/typoRule.ts).
  return entries.map((e) => ({ key: rowKey(), wrong: e.wrong, right: e.right, severity: e.severity ?? 'error', note: e.note ?? '' }));
}

export const blankTypoRow = (): TypoRow => ({ key: rowKey(), wrong: '', right: '', severity: 'error', note: '' });

/** 错误写法 → 正确写法; a row without 正确写法 is an exception: the word is right and never reported. */
export function checkTypos(rows: readonly TypoRow[]): Checked<TypoEntry[]> {
  return checkPairs(rows, {
    wrong: '错误写法', right: '正确写法', words: '写法', list: '错别字', rightRequired: false,
    minWrong: { length: PROOFING_LIST_LIMITS.typoWrong, reason: '错误写法至少 2 个字（单字无法判断上下文）' },
  });
}

/**
 * Imported rows added to a draft: those whose key (the wrong form, the word, the name) the draft does
 * not hold yet, after the rows already there. Says how many were added and how many were already there.
 */
export function appendNew<R>(rows: readonly R[], imported: readonly R[], keyOf: (row: R) => string): { rows: R[]; added: number; present: number } {
  const have = new Set(rows.map((r) => keyOf(r).trim()).filter(Boolean));
  const fresh = imported.filter((r) => !have.has(keyOf(r).trim()));
  return { rows: [...rows, ...fresh], added: fresh.length, present: imported.length - fresh.length };
}

export const sensitiveText = (entries: readonly SensitiveEntry[]): string => entries.map((e) => e.word).join('\n');

/** One word per line; a word already on the list keeps its severity and note. */
export function checkSensitive(text: string, previous: readonly SensitiveEntry[]): Checked<SensitiveEntry[]> {
  const before = new Map(previous.map((e) => [e.word, e]));
  const entries: SensitiveEntry[] = [];
  const seen = new Map<string, number>();
  for (const [i, raw] of text.split('\n').entries()) {
    const word = raw.trim();
    if (!word) continue;
    if (word.length > MAX_WORD) return { ok: false, message: `第 ${i + 1} 行：敏感词不能超过 ${MAX_WORD} 字` };
    const first = seen.get(word);
    if (first !== undefined) return { ok: false, message: `第 ${i + 1} 行：“${word}”与第 ${first} 行重复` };
    seen.set(word, i + 1);
    entries.push(before.get(word) ?? { word });
  }
  if (entries.length > MAX_ENTRIES) return { ok: false, message: `敏感词最多 ${MAX_ENTRIES} 个` };
  return { ok: true, entries };
}

export interface LeaderRow { key: string; name: string; titles: string; rank: string }

/** Titles are typed in one field, separated by 、 (or a comma, semicolon or space). */
export const splitTitles = (text: string): string[] => text.split(/[、,，;；\s]+/).map((t) => t.trim()).filter(Boolean);

export function leaderRows(entries: readonly LeaderEntry[]): LeaderRow[] {
  return [...entries].sort((a, b) => a.rank - b.rank)
    .map((e) => ({ key: rowKey(), name: e.name, titles: e.titles.join('、'), rank: String(e.rank) }));
}

export function blankLeaderRow(rows: readonly LeaderRow[]): LeaderRow {
  const ranks = rows.map((r) => Number(r.rank)).filter((n) => Number.isInteger(n));
  return { key: rowKey(), name: '', titles: '', rank: String(Math.min(MAX_RANK, Math.max(0, ...ranks) + 1)) };
}

export function checkLeaders(rows: readonly LeaderRow[]): Checked<LeaderEntry[]> {
  const entries: LeaderEntry[] = [];
  const seen = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const line = `第 ${i + 1} 行`;
    const name = row.name.trim();
    const titles = [...new Set(splitTitles(row.titles))];
    if (!name && titles.length === 0) continue;
    if (!name) return { ok: false, message: `${line}：请填写姓名` };
    if (name.length > MAX_WORD) return { ok: false, message: `${line}：姓名不能超过 ${MAX_WORD} 字` };
    if (titles.length === 0) return { ok: false, message: `${line}：请至少填写一个职务` };
    if (titles.length > MAX_TITLES) return { ok: false, message: `${line}：职务最多 ${MAX_TITLES} 个` };
    if (titles.some((t) => t.length > MAX_WORD)) return { ok: false, message: `${line}：每个职务不能超过 ${MAX_WORD} 字` };
    const rank = Number(row.rank.trim());
    if (!row.rank.trim() || !Number.isInteger(rank) || rank < 1 || rank > MAX_RANK) {
      return { ok: false, message: `${line}：排位应为 1 到 ${MAX_RANK} 之间的整数` };
    }
    const first = seen.get(name);
    if (first !== undefined) return { ok: false, message: `${line}：“${name}”与第 ${first} 行重复` };
    seen.set(name, i + 1);
    entries.push({ name, titles, rank });
  }
  if (entries.length > MAX_LEADERS) return { ok: false, message: `领导名单最多 ${MAX_LEADERS} 人` };
  return { ok: true, entries };
}
