/** The MIME type of an .xlsx workbook, as the server sends it and a browser download saves it (.docx's is DOCX_MIME in core/docx). */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet import (.xlsx or .csv: the ledger, the 审校词表 lists): its size limit and its refusals. */
export const SPREADSHEET_IMPORT = {
  /** Bytes at most. */
  limit: 10 * 1024 * 1024,
  /** No file was chosen or sent. */
  missing: '请选择 .xlsx 或 .csv 文件',
  /** The file is of another type. */
  wrongType: '只能导入 .xlsx 或 .csv 文件',
  /** The file cannot be read as a spreadsheet. */
  unreadable: '无法读取文件，请确认是 .xlsx 或 .csv 格式',
} as const;

/** Whether a file name is one a spreadsheet import reads (.xlsx or .csv, any case). */
export function isSpreadsheetName(fileName: string): boolean {
  return /\.(xlsx|csv)$/i.test(fileName);
}
