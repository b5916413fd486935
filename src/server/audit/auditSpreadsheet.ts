/**
 * The filtered audit log as an office spreadsheet: sheet 审计日志 (one row per entry, newest first,
 * as the page shows it) and sheet 说明 (who exported what, when, and the chain's verification then).
 */
import ExcelJS from 'exceljs';
import type { AuditEntryView, AuditVerification } from '../../shared/audit';

export const AUDIT_COLUMNS = ['序号', '时间', '操作人', '操作', '对象', '详情', '签名', '记录哈希'] as const;

/** An instant as Beijing time, `2026-11-27 14:03:05` (UTC+8 all year). */
export function beijingTime(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

export interface AuditExportNotes {
  exportedBy: string;
  exportedAt: string;
  /** The filter in words (`操作人 李审核，操作 通过`), or 无. */
  filter: string;
  verification: AuditVerification;
}

export async function exportAudit(entries: AuditEntryView[], notes: AuditExportNotes): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '文稿台';
  const sheet = book.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = AUDIT_COLUMNS.map((header) => ({
    header, width: { 序号: 8, 时间: 20, 操作人: 12, 操作: 14, 对象: 36, 详情: 60, 签名: 10, 记录哈希: 20 }[header],
  }));
  for (const e of entries) {
    sheet.addRow([
      e.id, beijingTime(e.at), e.actorName ?? '—', e.actionLabel, e.targetLabel,
      e.details.map((d) => `${d.label}：${d.value}`).join('；'), e.signed ? '已签名' : '签名前', e.hash,
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: 'A1', to: `H${entries.length + 1}` };

  const { verification: v } = notes;
  const about = book.addWorksheet('说明');
  about.columns = [{ header: '项目', width: 16 }, { header: '内容', width: 80 }];
  about.addRows([
    ['导出人', notes.exportedBy],
    ['导出时间', beijingTime(notes.exportedAt)],
    ['筛选条件', notes.filter],
    ['记录条数', entries.length],
    ['导出时校验', v.ok ? `通过：全部 ${v.entries} 条记录完整${v.signedFrom ? `，第 ${v.signedFrom} 条起带密钥签名` : ''}，与 ${v.heads} 个已记录的链头一致` : `未通过：${v.reason ?? ''}`],
    ['时间', '北京时间（UTC+8）'],
  ]);
  about.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
