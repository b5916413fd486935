/**
 * Per-year registers of 发文字号 (沂新办发〔2023〕12号: issuer code, year, sequence) and of the
 * bulletin's 期号 (第45期, per year): what number comes next, and which numbers are used twice.
 */
import { formatDocNumber, parseDocNumber, type DocNumber } from '../domain/docNumber';

const ISSUE = /^第(\d+)期$/;
const DATE_YEAR = /^(\d{4})年/;

export function parseIssue(text: string): number | null {
  const match = ISSUE.exec(text.trim());
  return match ? Number(match[1]) : null;
}

/** The year a piece belongs to: from its date field (2023年9月18日), else the fallback. */
export function yearOf(date: string | undefined, fallback: number): number {
  const match = DATE_YEAR.exec((date ?? '').trim());
  return match ? Number(match[1]) : fallback;
}

/** The next 发文字号 for an issuer code and year: one past the highest used. */
export function nextDocNumber(used: readonly string[], prefix: string, year: number): string {
  const highest = used.map(parseDocNumber)
    .filter((n): n is DocNumber => n !== null && n.prefix === prefix && n.year === year)
    .reduce((max, n) => Math.max(max, n.seq), 0);
  return formatDocNumber({ prefix, year, seq: highest + 1 });
}

/** The next 期号 of a year's bulletin: one past the highest used. */
export function nextIssue(used: readonly string[]): string {
  const highest = used.map(parseIssue).reduce<number>((max, n) => Math.max(max, n ?? 0), 0);
  return `第${highest + 1}期`;
}

/** Two numbers are the same when they parse to the same value (whitespace, leading zeros aside). */
export function sameDocNumber(a: string, b: string): boolean {
  const x = parseDocNumber(a);
  const y = parseDocNumber(b);
  return x !== null && y !== null && x.prefix === y.prefix && x.year === y.year && x.seq === y.seq;
}
