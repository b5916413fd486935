/** Word export and import: the .docx bytes of a document, and a .docx upload that becomes a new one. */
import type { DocxLayout } from '../../core/docx/layouts';
import { download, upload, type DownloadedFile } from './client';

/**
 * Downloads the .docx of a document, reporting the share received so far (0–1) when the size is
 * known. `revisions`: pending 修订 go in as Word revisions (a clean file of the original text otherwise).
 */
export function fetchDocx(id: string, layout: DocxLayout, onProgress?: (share: number) => void, revisions = false): Promise<DownloadedFile> {
  return download(`/documents/${encodeURIComponent(id)}/export.docx`, {
    query: { layout, ...(revisions ? { revisions: '1' } : {}) }, fallbackName: '文稿.docx', onProgress,
  });
}

/** Uploads a .docx; resolves the id of the new document. */
export async function uploadDocx(name: string, bytes: Uint8Array): Promise<string> {
  return (await upload<{ id: string }>('/import', name, bytes)).id;
}
