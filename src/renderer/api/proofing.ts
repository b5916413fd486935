/** The proofreading (审校) endpoints (src/shared/proofing.ts), one function each. */
import type { PlacedFinding } from '../../core/proofing';
import type { IgnoredFinding, ListImport, ProofingListName, ProofingLists } from '../../shared/proofing';
import { request, upload } from './client';

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
