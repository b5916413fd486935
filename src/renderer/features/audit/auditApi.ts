/** The audit log's endpoints (src/shared/audit.ts): filtered pages, verification, the .xlsx export. */
import type { ApiError as ApiErrorBody } from '../../../shared/api';
import type { AuditFilter, AuditPage, AuditVerification } from '../../../shared/audit';
import { ApiError, getToken, request } from '../../api/client';
import { dispositionFileName } from '../docx/docxApi';

export const AUDIT_PAGE_SIZE = 50;

function queryOf(filter: AuditFilter): Record<string, string | undefined> {
  return { user: filter.user, action: filter.action, document: filter.document, title: filter.title, from: filter.from, to: filter.to };
}

export const auditApi = {
  page: (filter: AuditFilter, offset: number, signal?: AbortSignal) =>
    request<AuditPage>('/audit', { query: { ...queryOf(filter), limit: String(AUDIT_PAGE_SIZE), offset: String(offset) }, signal }),
  verify: () => request<AuditVerification>('/audit/verify'),

  /** The filtered log as .xlsx bytes and the file name the server gives it. */
  async exportXlsx(filter: AuditFilter): Promise<{ fileName: string; bytes: Uint8Array }> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(queryOf(filter))) if (value) params.set(key, value);
    const token = getToken();
    let response: Response;
    try {
      response = await fetch(`/api/audit.xlsx?${params.toString()}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
    } catch {
      throw new ApiError('network', '无法连接服务器，请检查网络', 0);
    }
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as ApiErrorBody | null;
      throw new ApiError(body?.error.code ?? 'internal', body?.error.message ?? '导出失败，请稍后再试', response.status);
    }
    return {
      fileName: dispositionFileName(response.headers.get('content-disposition'), '审计日志.xlsx'),
      bytes: new Uint8Array(await response.arrayBuffer()),
    };
  },
};
