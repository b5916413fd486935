/** The ledger's endpoints, typed by src/shared/ledger.ts, one function each (uploads and downloads included). */
import type {
  CountedItem, CreateOutletRequest, CreateSubmissionRequest, DocumentTargets, FinalDocument, ImportReport, Outlet,
  ProgressResponse, RecordEventRequest, Submission, UpdateOutletRequest, YearTargetsRequest, YearTargetsResponse,
} from '../../shared/ledger';
import type { SubmissionStatus } from '../../core/targets/model';
import { ApiError, download, request, upload, type DownloadedFile } from './client';

const enc = encodeURIComponent;

export interface SubmissionFilter { year?: number; status?: SubmissionStatus; outlet?: string; q?: string }

export const ledgerApi = {
  outlets: () => request<{ outlets: Outlet[] }>('/outlets'),
  createOutlet: (body: CreateOutletRequest) => request<{ outlet: Outlet }>('/outlets', { method: 'POST', body }),
  updateOutlet: (id: string, body: UpdateOutletRequest) => request<{ outlet: Outlet }>(`/outlets/${enc(id)}`, { method: 'PATCH', body }),

  finalDocuments: () => request<{ documents: FinalDocument[] }>('/ledger/final-documents'),
  submissions: (filter: SubmissionFilter, signal?: AbortSignal) => request<{ submissions: Submission[] }>('/submissions', {
    query: { year: filter.year ? String(filter.year) : undefined, status: filter.status, outlet: filter.outlet, q: filter.q?.trim() || undefined },
    signal,
  }),
  createSubmissions: (body: CreateSubmissionRequest) => request<{ submissions: Submission[] }>('/submissions', { method: 'POST', body }),
  recordEvent: (id: string, body: RecordEventRequest) => request<{ submission: Submission }>(`/submissions/${enc(id)}`, { method: 'PATCH', body }),

  documentTargets: (id: string) => request<DocumentTargets>(`/documents/${enc(id)}/targets`),
  setDocumentTargets: (id: string, body: DocumentTargets) =>
    request<DocumentTargets>(`/documents/${enc(id)}/targets`, { method: 'PUT', body }),

  targets: (year: number) => request<YearTargetsResponse>(`/targets/${year}`),
  saveTargets: (year: number, body: YearTargetsRequest) => request<YearTargetsResponse>(`/targets/${year}`, { method: 'PUT', body }),
  progress: (year: number, asOf: string, signal?: AbortSignal) =>
    request<ProgressResponse>('/targets/progress', { query: { year: String(year), asOf }, signal }),
  progressItems: (year: number, asOf: string, key: string) =>
    request<{ items: CountedItem[] }>('/targets/progress/items', { query: { year: String(year), asOf, key } }),

  uploadEvidence: (id: string, file: File) => upload<{ submission: Submission }>(`/submissions/${enc(id)}/evidence`, file.name, file),
  /** Imports a ledger; a refused file resolves with its report (ok: false) rather than throwing. */
  importLedger: async (file: File): Promise<ImportReport> => {
    try {
      return await upload<ImportReport>('/ledger/import', file.name, file);
    } catch (caught) {
      const report = caught instanceof ApiError && caught.status === 400 ? refusedReport(caught.body) : null;
      if (report) return report;
      throw caught;
    }
  },
  /** The year's ledger as .xlsx bytes. */
  ledgerXlsx: (year: number): Promise<DownloadedFile> =>
    download('/ledger.xlsx', { query: { year: String(year) }, fallbackName: `报送台账-${year}.xlsx` }),
  /** One evidence file's bytes. */
  evidence: (id: string, filename: string): Promise<DownloadedFile> => download(`/evidence/${enc(id)}`, { fallbackName: filename }),
};

/** The import report a 400 reply carries (`{report}`), when it carries one. */
function refusedReport(body: unknown): ImportReport | null {
  const report: unknown = typeof body === 'object' && body !== null ? Reflect.get(body, 'report') : undefined;
  // Written by the server's ledger import as an ImportReport.
  return typeof report === 'object' && report !== null ? report as ImportReport : null;
}
