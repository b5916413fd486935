/**
 * The filtered audit log as an office spreadsheet: sheet 审计日志 (one row per entry, newest first,
 * as the page shows it) and sheet 说明 (who exported what, when, and the chain's verification then).
 * CPU-heavy for a long log (100,000 rows took 18 s): it runs in the worker pool (heavyTasks.ts
 * `exportAudit`), never on the event loop.
 */
import ExcelJS from 'exceljs';
import { AUDIT_COLUMNS, beijingTime, readAuditSheetPage, type AuditExportNotes, type AuditSheetPage } from './auditSheetRows';

/** The .xlsx of the pages of rows (auditSheetRows.ts), in order, and the notes. */
export async function exportAudit(pages: readonly AuditSheetPage[], notes: AuditExportNotes): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '文稿台';
  const sheet = book.addWorksheet('审计日志', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = AUDIT_COLUMNS.map((header) => ({
    header, width: { 序号: 8, 时间: 20, 操作人: 12, 操作: 14, 对象: 36, 详情: 60, 签名: 10, 记录哈希: 20 }[header],
  }));
  for (const page of pages) {
    for (const row of readAuditSheetPage(page)) sheet.addRow(row);
  }
  const count = sheet.rowCount - 1;
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: 'A1', to: `H${count + 1}` };

  const { verification: v } = notes;
  const about = book.addWorksheet('说明');
  about.columns = [{ header: '项目', width: 16 }, { header: '内容', width: 80 }];
  about.addRows([
    ['导出人', notes.exportedBy],
    ['导出时间', beijingTime(notes.exportedAt)],
    ['筛选条件', notes.filter],
    ['记录条数', count],
    ['导出时校验', v.ok ? `通过：全部 ${v.entries} 条记录完整${v.signedFrom ? `，第 ${v.signedFrom} 条起带密钥签名` : ''}，与 ${v.heads} 个已记录的链头一致` : `未通过：${v.reason ?? ''}`],
    ['时间', '北京时间（UTC+8）'],
  ]);
  about.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
