/**
 * The audit log's export as plain rows, built on the event loop a page at a time and sent to the
 * worker pool, which writes the .xlsx (auditSpreadsheet.ts, with exceljs, loaded only there).
 */
import type { AuditEntryView, AuditVerification } from '../../shared/audit';

export const AUDIT_COLUMNS = ['序号', '时间', '操作人', '操作', '对象', '详情', '签名', '记录哈希'] as const;

/** An instant as Beijing time, `2026-11-27 14:03:05` (UTC+8 all year). */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** One entry as its spreadsheet row, in AUDIT_COLUMNS order. */
export type AuditSheetRow = [number, string, string, string, string, string, string, string];

/** The row of an entry: Beijing time, names and labels instead of ids and keys, details as `标签：值；…`. */
export function auditSheetRow(e: AuditEntryView): AuditSheetRow {
  return [
    e.id, beijingTime(e.at), e.actorName ?? '—', e.actionLabel, e.targetLabel,
    e.details.map((d) => `${d.label}：${d.value}`).join('；'), e.signed ? '已签名' : '签名前', e.hash,
  ];
}

/**
 * A page of rows as the worker receives it: JSON text. Posting 100,000 small arrays to a worker
 * clones each on the event loop (about 0.3 s for 40,000 here, in one piece); a string is copied
 * whole, and each page's text is made in its own short turn of the loop.
 */
export type AuditSheetPage = string;

export function auditSheetPage(entries: readonly AuditEntryView[]): AuditSheetPage {
  return JSON.stringify(entries.map(auditSheetRow));
}

export function readAuditSheetPage(page: AuditSheetPage): AuditSheetRow[] {
  return JSON.parse(page) as AuditSheetRow[];
}

/** The export's 说明 sheet: who exported what, when, and the chain's verification then. */
export interface AuditExportNotes {
  exportedBy: string;
  exportedAt: string;
  /** The filter in words (`操作人 李审核，操作 通过`), or 无. */
  filter: string;
  verification: AuditVerification;
}
