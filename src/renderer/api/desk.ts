/** One function per desk server endpoint, typed by the shared contract. */
import type {
  CreateDocumentRequest,
  CreateUserRequest,
  DocumentContent,
  DocumentDetail,
  DocumentSummary,
  LoginResponse,
  UpdateDocumentRequest,
  UpdateUserRequest,
  User,
} from '../../shared/api';
import type { DocumentKind } from '../../core/domain/kinds';
import type { RemovalPreview } from '../../shared/removal';
import { request } from './client';

export interface SetupStatus { needed: boolean; allowed: boolean }

export interface DocumentFilter {
  kind?: DocumentKind;
  owner?: string;
  q?: string;
  deleted?: boolean;
  /** A publication target key: only documents tagged with it. */
  target?: string;
}

export const deskApi = {
  setupStatus: () => request<SetupStatus>('/setup'),
  setup: (password: string, displayName?: string) =>
    request<LoginResponse>('/setup', { method: 'POST', body: { password, displayName } }),

  login: (username: string, password: string) =>
    request<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } }),
  logout: () => request<unknown>('/auth/logout', { method: 'POST' }),
  me: () => request<{ user: User }>('/me'),

  listUsers: () => request<{ users: User[] }>('/users'),
  createUser: (body: CreateUserRequest) => request<{ user: User }>('/users', { method: 'POST', body }),
  updateUser: (id: string, body: UpdateUserRequest) =>
    request<{ user: User }>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body }),

  listDocuments: (filter: DocumentFilter, signal?: AbortSignal) =>
    request<{ documents: DocumentSummary[] }>('/documents', {
      query: {
        kind: filter.kind,
        owner: filter.owner,
        q: filter.q?.trim() || undefined,
        deleted: filter.deleted ? 'true' : undefined,
        target: filter.target,
      },
      signal,
    }),
  createDocument: (body: CreateDocumentRequest) =>
    request<DocumentDetail>('/documents', { method: 'POST', body }),
  getDocument: (id: string) => request<DocumentDetail>(`/documents/${encodeURIComponent(id)}`),
  updateDocument: (id: string, body: UpdateDocumentRequest) =>
    request<DocumentDetail>(`/documents/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  /** To the 回收站; an admin deleting a protected piece gives a reason. */
  deleteDocument: (id: string, reason?: string) =>
    request<{ ok: true }>(`/documents/${encodeURIComponent(id)}`, { method: 'DELETE', body: reason === undefined ? undefined : { reason } }),
  removalPreview: (id: string) => request<RemovalPreview>(`/documents/${encodeURIComponent(id)}/removal`),
  restoreDocument: (id: string) =>
    request<DocumentDetail>(`/documents/${encodeURIComponent(id)}/restore`, { method: 'POST' }),
  addCollaborator: (id: string, userId: string) =>
    request<DocumentDetail>(`/documents/${encodeURIComponent(id)}/collaborators`, { method: 'POST', body: { userId } }),
  removeCollaborator: (id: string, userId: string) =>
    request<DocumentDetail>(
      `/documents/${encodeURIComponent(id)}/collaborators/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
  getContent: (id: string) => request<DocumentContent>(`/documents/${encodeURIComponent(id)}/content`),
};
