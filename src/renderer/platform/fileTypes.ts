/** The file types the app opens and saves: dialog filters and the MIME types of browser downloads. */
import type { FileFilter } from '../../shared/desk';

/** Word documents (.docx). */
export const WORD_FILTER: FileFilter[] = [{ name: 'Word 文档', extensions: ['docx'] }];
/** Excel workbooks (.xlsx). */
export const XLSX_FILTER: FileFilter[] = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
/** The MIME type of an .xlsx download. */
export { XLSX_MIME } from '../../shared/fileTypes';

/** A filter for a file of the same extension as `fileName` (none when it has no extension). */
export function filterLike(fileName: string, label: string): FileFilter[] {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1];
  return extension ? [{ name: label, extensions: [extension] }] : [];
}
export const PDF_FILTER: FileFilter[] = [{ name: 'PDF 文件', extensions: ['pdf'] }];
