/**
 * Contracts of templates (模板), office defaults, 一稿多用 (derived pieces and lineage) and 约稿
 * (commissions): request schemas and response types.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/domain/kinds';
import { isCalendarDate } from '../core/targets/dates';
import type { CommissionStatus } from '../core/commissions/deadline';
import type { DocumentState } from './api';
import { nameText, recordId } from './validation';

/** A template as 新建 offers it and the admin page lists it. */
export interface TemplateSummary {
  id: string;
  kind: DocumentKind;
  /** The 文种. */
  genre: string;
  name: string;
  builtin: boolean;
  /** The template's own document, once an admin edited it (open it in the workspace to edit). */
  documentId: string | null;
  disabled: boolean;
}

/** Query of GET /api/templates: one kind; `all=1` includes hidden ones (admins). */
export const listTemplatesQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  all: z.enum(['1', '0']).optional(),
});

/** POST /api/templates: the office's own template of a kind, its skeleton copied from `template` when given. */
export const createTemplateRequest = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  genre: nameText(20),
  name: nameText(40),
  template: recordId.optional(),
});

/** PATCH /api/templates/:id: rename or hide. */
export const updateTemplateRequest = z.object({
  name: nameText(40).optional(),
  disabled: z.boolean().optional(),
});

const defaultValue = z.string().max(500);

/** PUT /api/office-defaults/:kind: the kind's defaults (blank clears a field). */
export const officeDefaultsRequest = z.object({ properties: z.record(z.string().min(1).max(64), defaultValue) });
export const kindParam = z.object({ kind: z.enum(DOCUMENT_KINDS) });

/** GET /api/office-defaults: each kind's fields and the values set. */
export interface OfficeDefaultsResponse {
  kinds: Array<{ kind: DocumentKind; fields: string[]; values: Record<string, string>; updatedAt: string | null }>;
}

/** POST /api/documents/:id/derive: a new piece of `kind` from this one (一稿多用). */
export const deriveRequest = z.object({ kind: z.enum(DOCUMENT_KINDS), title: nameText(200).optional() });

/** One linked piece as the lineage lists it; `title` is hidden (null) when the user may not read it. */
export interface LinkedPiece { id: string; title: string | null; kind: DocumentKind; state: DocumentState; ownerName: string }

/** GET /api/documents/:id/lineage: where the piece came from, what was made of it, and what it answers. */
export interface Lineage {
  sources: LinkedPiece[];
  derivatives: LinkedPiece[];
  /** Set when the piece is a template's document. */
  template: TemplateSummary | null;
  /** The 约稿 this piece answers. */
  commissions: CommissionSummary[];
}

/** 一稿多用 on the dashboard: one 调研报告 and the counted results of the pieces made from it. */
export interface ResearchYield {
  id: string;
  title: string;
  derived: number;
  /** Ledger rows of the derived pieces (and the report itself) adopted or published this year. */
  results: Array<{ documentId: string; title: string; outlet: string; status: 'adopted' | 'published' }>;
}


/** POST /api/commissions: a clerk records a 约稿通知单. */
export const createCommissionRequest = z.object({
  outletId: recordId,
  topic: nameText(200),
  requirements: z.string().max(4000).default(''),
  kind: z.enum(DOCUMENT_KINDS),
  deadline: z.string().refine(isCalendarDate, '截止日期应为 YYYY-MM-DD 格式的日期'),
  warnDays: z.number().int().min(0).max(60).default(3),
  assigneeId: recordId,
});

/** PATCH /api/commissions/:id: answer it with a piece (documentId; null to untag), or cancel it. */
export const updateCommissionRequest = z.object({
  documentId: recordId.nullable().optional(),
  cancelled: z.boolean().optional(),
});

/** Query of GET /api/commissions: `mine=1` for the user's own, `year` for a year's deadlines. */
export const listCommissionsQuery = z.object({
  mine: z.enum(['1', '0']).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** A 约稿 as the lists show it, its status as of today in Shanghai. */
export interface CommissionSummary {
  id: string;
  outletId: string;
  outletName: string;
  topic: string;
  requirements: string;
  kind: DocumentKind;
  deadline: string;
  warnDays: number;
  assigneeId: string;
  assigneeName: string;
  documentId: string | null;
  documentTitle: string | null;
  status: CommissionStatus;
  /** Days from today to the deadline (negative when past). */
  daysLeft: number;
  cancelled: boolean;
}

/** GET /api/commissions/summary?year=: the dashboard's 约稿 line. */
export interface CommissionYear { year: number; total: number; answered: number; missed: number; open: number; missedLimit: number | null }

export type CreateCommissionRequest = z.infer<typeof createCommissionRequest>;
export type CreateTemplateRequest = z.infer<typeof createTemplateRequest>;
