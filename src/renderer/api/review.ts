/** The review workflow's endpoints (src/shared/review.ts), one function each. */
import type {
  CommentEntryView, CommentThreadView, DiffResponse, DiffView, NewThreadRequest, HistoryEntry, Inbox, TransitionRequestBody,
  TransitionResponse, VersionContent, VersionSummary, WorkflowStatus,
} from '../../shared/review';
import type { CheckpointChain } from '../../core/domain/workflow';
import type { DocumentKind } from '../../core/domain/kinds';
import { request } from './client';

const doc = (id: string): string => `/documents/${encodeURIComponent(id)}`;
const thread = (id: string, threadId: string): string => `${doc(id)}/comments/${encodeURIComponent(threadId)}`;

/** `current` stands for the live content in a diff. */
export type DiffSide = string;

export const reviewApi = {
  workflow: (id: string) => request<WorkflowStatus>(`${doc(id)}/workflow`),
  transition: (id: string, body: TransitionRequestBody) =>
    request<TransitionResponse>(`${doc(id)}/transitions`, { method: 'POST', body }),
  history: (id: string) => request<{ entries: HistoryEntry[] }>(`${doc(id)}/history`),

  versions: (id: string) => request<{ versions: VersionSummary[] }>(`${doc(id)}/versions`),
  saveVersion: (id: string, name: string) =>
    request<VersionSummary>(`${doc(id)}/versions`, { method: 'POST', body: { name } }),
  version: (id: string, versionId: string) =>
    request<VersionContent>(`${doc(id)}/versions/${encodeURIComponent(versionId)}`),
  restoreVersion: (id: string, versionId: string) =>
    request<unknown>(`${doc(id)}/versions/${encodeURIComponent(versionId)}/restore`, { method: 'POST' }),
  diff: (id: string, from: DiffSide, to: DiffSide, view: DiffView = 'original') =>
    request<DiffResponse>(`${doc(id)}/diff`, { query: { from, to, view } }),

  comments: (id: string) => request<{ threads: CommentThreadView[] }>(`${doc(id)}/comments`),
  startThread: (id: string, body: NewThreadRequest) =>
    request<CommentThreadView>(`${doc(id)}/comments`, { method: 'POST', body }),
  reply: (id: string, threadId: string, text: string) =>
    request<CommentEntryView>(`${thread(id, threadId)}/replies`, { method: 'POST', body: { text } }),
  setResolved: (id: string, threadId: string, resolved: boolean) =>
    request<CommentThreadView>(thread(id, threadId), { method: 'PATCH', body: { resolved } }),
  editEntry: (id: string, threadId: string, entryId: string, text: string) =>
    request<CommentEntryView>(`${thread(id, threadId)}/entries/${encodeURIComponent(entryId)}`, { method: 'PATCH', body: { text } }),
  deleteEntry: (id: string, threadId: string, entryId: string) =>
    request<null>(`${thread(id, threadId)}/entries/${encodeURIComponent(entryId)}`, { method: 'DELETE' }),
  rescue: (id: string, state: string) =>
    request<{ id: string; title?: string }>(`${doc(id)}/rescue`, { method: 'POST', body: { state } }),

  remind: (id: string, comment = '') =>
    request<{ holderIds: string[]; at: string }>(`${doc(id)}/remind`, { method: 'POST', body: comment ? { comment } : {} }),

  inbox: () => request<Inbox>('/inbox'),

  chains: () => request<Record<DocumentKind, CheckpointChain>>('/chains'),
  saveChain: (kind: DocumentKind, chain: CheckpointChain) =>
    request<unknown>(`/chains/${encodeURIComponent(kind)}`, { method: 'PUT', body: chain }),
};
