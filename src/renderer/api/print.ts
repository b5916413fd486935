/** Paper from the server: the 发文稿纸 (.docx) and the PDF of a piece's Word file. */
import type { DocxLayout } from '../../core/docx/layouts';
import { download, type DownloadedFile } from './client';

/** The 发文稿纸 of a piece, at any state. */
export function fetchDispatchForm(id: string): Promise<DownloadedFile> {
  return download(`/documents/${encodeURIComponent(id)}/dispatch-form.docx`, { fallbackName: '发文稿纸.docx' });
}

/** The PDF of the piece's Word file in `layout`, made by the server (LibreOffice); 503 where it has none. */
export function fetchPdf(id: string, layout: DocxLayout, onProgress?: (share: number) => void): Promise<DownloadedFile> {
  return download(`/documents/${encodeURIComponent(id)}/export.pdf`, { query: { layout }, fallbackName: '文稿.pdf', onProgress });
}
