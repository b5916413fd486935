import type { DocxExportOptions, User } from '../../shared/api';
import type { DocumentExporter } from '../documents/documentExporter';
import type { OfficeConverter } from './officeConverter';

/** A PDF ready to send. */
export interface ExportedPdf { bytes: Uint8Array; fileName: string }

/**
 * 导出 PDF: the very .docx that 导出 Word gives (DocumentExporter: access, the approval check of a
 * 定稿, the layout), printed to PDF by LibreOffice, so the pages are the pages Word/WPS print from
 * that file as closely as LibreOffice lays them out. Pending 修订 are never in a PDF (the original).
 */
export class PdfExporter {
  constructor(private readonly deps: { exporter: Pick<DocumentExporter, 'export'>; converter: Pick<OfficeConverter, 'toPdf'> }) {}

  async export(user: User, id: string, options: Pick<DocxExportOptions, 'layout'>): Promise<ExportedPdf> {
    const { bytes, fileName } = await this.deps.exporter.export(user, id, { layout: options.layout, revisions: false });
    return { bytes: await this.deps.converter.toPdf(bytes), fileName: fileName.replace(/\.docx$/, '.pdf') };
  }
}
