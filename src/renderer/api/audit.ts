/** The audit log's endpoints (src/shared/audit.ts): filtered pages, verification, the .xlsx export. */
import type { AuditFilter, AuditPage, AuditVerification } from '../../shared/audit';
import { download, request, type DownloadedFile } from './client';

/** Entries per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

function queryOf(filter: AuditFilter): Record<string, string | undefined> {
  return { user: filter.user, action: filter.action, document: filter.document, title: filter.title, from: filter.from, to: filter.to };
}

export const auditApi = {
  page: (filter: AuditFilter, offset: number, signal?: AbortSignal) =>
    request<AuditPage>('/audit', { query: { ...queryOf(filter), limit: String(AUDIT_PAGE_SIZE), offset: String(offset) }, signal }),
  verify: () => request<AuditVerification>('/audit/verify'),
  /** The filtered log as .xlsx bytes and the file name the server gives it. */
  exportXlsx: (filter: AuditFilter): Promise<DownloadedFile> =>
    download('/audit.xlsx', { query: queryOf(filter), fallbackName: '审计日志.xlsx' }),
};
