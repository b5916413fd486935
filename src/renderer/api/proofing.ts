/** The proofreading (审校) endpoints (src/shared/proofing.ts), one function each. */
import type { PlacedFinding } from '../../core/proofing';
import type { ApiError as ApiErrorBody } from '../../shared/api';
import type { IgnoredFinding, ListImport, ProofingListName, ProofingLists } from '../../shared/proofing';
import { ApiError, getToken, request } from './client';

const ignored = (id: string): string => `/documents/${encodeURIComponent(id)}/proofing/ignored`;

export const proofingApi = {
  lists: () => request<ProofingLists>('/proofing/lists'),
  /** Replaces one admin-managed list as a whole (administrators only). */
  saveList: <N extends ProofingListName>(name: N, entries: ProofingLists[N]) =>
    request<Pick<ProofingLists, N>>(`/proofing/lists/${name}`, { method: 'PUT', body: { entries } }),
  ignored: (id: string) => request<{ ignored: IgnoredFinding[] }>(ignored(id)),
  ignore: (id: string, f: PlacedFinding) =>
    request<IgnoredFinding>(ignored(id), { method: 'POST', body: { scope: f.scope, rule: f.rule, start: f.start, end: f.end, text: f.text } }),
  unignore: (id: string, fingerprint: string) =>
    request<{ ok: true }>(`${ignored(id)}/${encodeURIComponent(fingerprint)}`, { method: 'DELETE' }),
  /** Reads a .xlsx or .csv into entries of one list (administrators); nothing is saved. */
  importList: <N extends ProofingListName>(name: N, fileName: string, bytes: Uint8Array) => upload<ListImport<N>>(`/proofing/lists/${name}/import`, fileName, bytes),
};

/** A file posted as multipart/form-data (the JSON client cannot carry it). */
async function upload<T>(path: string, fileName: string, bytes: Uint8Array): Promise<T> {
  const form = new FormData();
  form.append('file', new Blob([bytes as BlobPart]), fileName);
  const token = getToken();
  let response: Response;
  try {
    response = await fetch(`/api${path}`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {}, body: form });
  } catch {
    throw new ApiError('network', '无法连接服务器，请检查网络', 0);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const body = payload as ApiErrorBody | null;
    if (response.status === 413) throw new ApiError('payload_too_large', '文件太大', 413);
    throw new ApiError(body?.error?.code ?? 'bad_request', body?.error?.message ?? '导入失败，请稍后再试', response.status);
  }
  return payload as T;
}
