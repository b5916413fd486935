/** The ledger's endpoints, typed by src/shared/ledger.ts; uploads and downloads go through fetch directly. */
import type {
  CountedItem, CreateOutletRequest, CreateSubmissionRequest, DocumentTargets, FinalDocument, ImportReport, Outlet,
  ProgressResponse, RecordEventRequest, Submission, UpdateOutletRequest, YearTargetsRequest, YearTargetsResponse,
} from '../../../shared/ledger';
import type { SubmissionStatus } from '../../../core/targets/model';
import { ApiError, getToken, request } from '../../api/client';

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
  // PUT is not in the shared client's method list: send it through fetch.
  setDocumentTargets: (id: string, body: DocumentTargets) => sendJson<DocumentTargets>('PUT', `/documents/${enc(id)}/targets`, body),

  targets: (year: number) => request<YearTargetsResponse>(`/targets/${year}`),
  saveTargets: (year: number, body: YearTargetsRequest) => sendJson<YearTargetsResponse>('PUT', `/targets/${year}`, body),
  progress: (year: number, asOf: string, signal?: AbortSignal) =>
    request<ProgressResponse>('/targets/progress', { query: { year: String(year), asOf }, signal }),
  progressItems: (year: number, asOf: string, key: string) =>
    request<{ items: CountedItem[] }>('/targets/progress/items', { query: { year: String(year), asOf, key } }),

  uploadEvidence: (id: string, file: File) => upload<{ submission: Submission }>(`/submissions/${enc(id)}/evidence`, file),
  /** Imports a ledger; a refused file resolves with its report (ok: false) rather than throwing. */
  importLedger: (file: File) => upload<ImportReport>('/ledger/import', file, true),
  downloadLedger: (year: number) => download(`/ledger.xlsx?year=${year}`, `报送台账-${year}.xlsx`),
  downloadEvidence: (id: string, filename: string) => download(`/evidence/${enc(id)}`, filename),
};

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

async function failure(response: Response): Promise<ApiError> {
  const payload = await response.json().catch(() => null) as { error?: { code?: string; message?: string } } | null;
  return new ApiError(response.status >= 500 ? 'internal' : 'bad_request', payload?.error?.message ?? '操作失败，请稍后再试', response.status);
}

async function sendJson<T>(method: 'PUT', path: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method, headers: { ...authHeaders(), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }
  if (!response.ok) throw await failure(response);
  return await response.json() as T;
}

async function upload<T>(path: string, file: File, reportOnError = false): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method: 'POST', headers: authHeaders(), body: form });
  } catch {
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }
  if (!response.ok) {
    if (reportOnError && response.status === 400) {
      const payload = await response.clone().json().catch(() => null) as { report?: T } | null;
      if (payload?.report) return payload.report;
    }
    if (response.status === 413) throw new ApiError('payload_too_large', '文件太大', 413);
    throw await failure(response);
  }
  return await response.json() as T;
}

/** Saves a download from the API through a temporary link (the browser's own save flow). */
async function download(path: string, filename: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { headers: authHeaders() });
  } catch {
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
