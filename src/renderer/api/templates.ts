/** Endpoint calls of templates (模板), office defaults, 一稿多用 and 约稿. */
import type { DocumentKind } from '../../core/domain/kinds';
import type { DocumentDetail } from '../../shared/api';
import type {
  CommissionSummary, CommissionYear, CreateCommissionRequest, CreateTemplateRequest, Lineage, OfficeDefaultsResponse, ResearchYield,
  TemplateSummary,
} from '../../shared/templates';
import { request } from './client';

const path = (id: string) => encodeURIComponent(id);

export const templatesApi = {
  /** Shown templates of a kind (新建); `all` includes hidden ones (the admin page). */
  list: (kind?: DocumentKind, all = false, signal?: AbortSignal) =>
    request<{ templates: TemplateSummary[] }>('/templates', { query: { kind, all: all ? '1' : undefined }, signal }),
  create: (body: CreateTemplateRequest) => request<TemplateSummary>('/templates', { method: 'POST', body }),
  update: (id: string, body: { name?: string; disabled?: boolean }) =>
    request<TemplateSummary>(`/templates/${path(id)}`, { method: 'PATCH', body }),
  /** The template's own document, made the first time, to edit in the workspace. */
  edit: (id: string) => request<TemplateSummary>(`/templates/${path(id)}/edit`, { method: 'POST' }),
  defaults: (signal?: AbortSignal) => request<OfficeDefaultsResponse>('/office-defaults', { signal }),
  setDefaults: (kind: DocumentKind, properties: Record<string, string>) =>
    request<OfficeDefaultsResponse>(`/office-defaults/${kind}`, { method: 'PUT', body: { properties } }),

  derive: (id: string, kind: DocumentKind, title?: string) =>
    request<DocumentDetail>(`/documents/${path(id)}/derive`, { method: 'POST', body: { kind, title } }),
  lineage: (id: string, signal?: AbortSignal) => request<Lineage>(`/documents/${path(id)}/lineage`, { signal }),
  researchYield: (year: number, signal?: AbortSignal) =>
    request<{ research: ResearchYield[] }>('/lineage/research', { query: { year: String(year) }, signal }),

  commissions: (filter: { mine?: boolean; year?: number }, signal?: AbortSignal) =>
    request<{ commissions: CommissionSummary[] }>('/commissions', {
      query: { mine: filter.mine ? '1' : undefined, year: filter.year === undefined ? undefined : String(filter.year) }, signal,
    }),
  createCommission: (body: CreateCommissionRequest) => request<CommissionSummary>('/commissions', { method: 'POST', body }),
  answerCommission: (id: string, documentId: string | null) =>
    request<CommissionSummary>(`/commissions/${path(id)}`, { method: 'PATCH', body: { documentId } }),
  cancelCommission: (id: string, cancelled: boolean) =>
    request<CommissionSummary>(`/commissions/${path(id)}`, { method: 'PATCH', body: { cancelled } }),
  startPiece: (id: string, template?: string) =>
    request<DocumentDetail>(`/commissions/${path(id)}/piece`, { method: 'POST', body: { template } }),
  commissionYear: (year: number, signal?: AbortSignal) =>
    request<CommissionYear>('/commissions/summary', { query: { year: String(year) }, signal }),
};
