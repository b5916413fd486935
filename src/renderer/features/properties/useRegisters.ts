/** The office's number registers for a piece: the next 发文字号 / 期号, and numbers used twice. */
import { request } from '../../api/client';
import { useLoad } from '../../ui/useLoad';

export interface RegisterReport {
  suggestions: Partial<Record<'发文字号' | '期号', string>>;
  duplicates: Partial<Record<'发文字号' | '期号', Array<{ id: string; title: string }>>>;
}

/** The report for a document, fetched again when `refreshKey` changes; `error` says why there is none. */
export function useRegisters(documentId: string, refreshKey: unknown): { report: RegisterReport | null; error: string | null } {
  const loaded = useLoad(() => request<RegisterReport>(`/documents/${encodeURIComponent(documentId)}/registers`), [documentId, refreshKey]);
  // A failed refresh hides the stale suggestions, as before.
  return { report: loaded.error ? null : loaded.data, error: loaded.error };
}
