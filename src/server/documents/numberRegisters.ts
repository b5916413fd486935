import type { User } from '../../shared/api';
import { rowProperties, type DocumentStore } from './documentStore';
import { nextDocNumber, nextIssue, parseIssue, sameDocNumber, yearOf } from '../../core/docx/registers';
import { parseDocNumber } from '../../core/domain/docNumber';

export interface RegisterReport {
  /** The next free numbers for this piece's year (发文字号 for 公文, 期号 for 政务信息). */
  suggestions: Partial<Record<'发文字号' | '期号', string>>;
  /** Other pieces already using this piece's numbers. */
  duplicates: Partial<Record<'发文字号' | '期号', Array<{ id: string; title: string }>>>;
}

const text = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join('') : value ?? '').trim();

function currentYear(): number {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Shanghai' }).format(new Date()));
}

/**
 * The office's per-year registers, read from every live document's properties: the next
 * 发文字号 (same issuer code, same year) and the next 期号 of the bulletin, and numbers used twice.
 */
export async function registerReport(documents: DocumentStore, user: User, id: string): Promise<RegisterReport> {
  const { row } = await documents.load(user, id);
  const own = rowProperties(row);
  const others = (await documents.othersOfKind(row.kind, id)).map((d) => ({ ...d, props: d.properties }));
  const report: RegisterReport = { suggestions: {}, duplicates: {} };

  if (row.kind === 'official') {
    const mine = parseDocNumber(text(own.发文字号));
    const year = mine?.year ?? yearOf(text(own.成文日期), currentYear());
    const used = others.map((d) => text(d.props.发文字号)).filter(Boolean);
    const prefix = mine?.prefix ?? used.map(parseDocNumber).find((n) => n !== null)?.prefix;
    if (prefix) report.suggestions.发文字号 = nextDocNumber(used, prefix, year);
    if (mine) {
      const clash = others.filter((d) => sameDocNumber(text(d.props.发文字号), text(own.发文字号)));
      if (clash.length > 0) report.duplicates.发文字号 = clash.map((d) => ({ id: d.id, title: d.title }));
    }
  }
  if (row.kind === 'info') {
    const fallback = Number(row.created_at.slice(0, 4));
    const year = yearOf(text(own.日期), fallback);
    const sameYear = others.filter((d) => yearOf(text(d.props.日期), Number(d.createdAt.slice(0, 4))) === year);
    report.suggestions.期号 = nextIssue(sameYear.map((d) => text(d.props.期号)));
    const mine = parseIssue(text(own.期号));
    if (mine !== null) {
      const clash = sameYear.filter((d) => parseIssue(text(d.props.期号)) === mine);
      if (clash.length > 0) report.duplicates.期号 = clash.map((d) => ({ id: d.id, title: d.title }));
    }
  }
  return report;
}
