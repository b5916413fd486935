/** The office's number registers for a piece: the next 发文字号 / 期号, and numbers used twice. */
import { useEffect, useState } from 'react';
import { request } from '../../api/client';

export interface RegisterReport {
  suggestions: Partial<Record<'发文字号' | '期号', string>>;
  duplicates: Partial<Record<'发文字号' | '期号', Array<{ id: string; title: string }>>>;
}

export function useRegisters(documentId: string, refreshKey: unknown): RegisterReport | null {
  const [report, setReport] = useState<RegisterReport | null>(null);
  useEffect(() => {
    let cancelled = false;
    request<RegisterReport>(`/documents/${encodeURIComponent(documentId)}/registers`)
      .then((r) => { if (!cancelled) setReport(r); })
      .catch(() => { if (!cancelled) setReport(null); });
    return () => { cancelled = true; };
  }, [documentId, refreshKey]);
  return report;
}
