/**
 * The HTTP contract of the submission ledger (报送台账), the outlet catalog (刊物与媒体), publication
 * targets and the dashboard (统计). Request bodies are validated with these zod schemas on the server.
 */
import { z } from 'zod';
import {
  EVENT_TYPES, OUTLET_KINDS, OUTLET_LEVELS, SUBMISSION_STATUSES,
  type CalendarDate, type EventType, type OutletKind, type OutletLevel, type SubmissionFacts, type SubmissionStatus,
  type TargetDefinition, type PointsTable,
} from '../core/targets/model';
import type { YearProgress } from '../core/targets/counting';
import { isCalendarDate } from '../core/targets/dates';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/domain/kinds';
import { nameText, recordId } from './validation';
import { TEXT_LIMITS } from './textLimits';

export type { CountedItem, TargetProgress, YearProgress } from '../core/targets/counting';

export const OUTLET_LEVEL_LABELS: Record<OutletLevel, string> = { central: '中央', provincial: '省级', city: '市级', district: '区级' };
export const OUTLET_KIND_LABELS: Record<OutletKind, string> = { journal: '刊物', media: '媒体', channel: '信息渠道' };
/** Event names as buttons and the log show them (UI-VOCABULARY: 报送, 采用, 未采用, 刊发, 批示, 获评优秀). */
export const EVENT_LABELS: Record<EventType, string> = {
  submitted: '报送', adopted: '采用', rejected: '未采用', published: '刊发', instructed: '批示', rated: '获评优秀', missed: '约稿未报',
  voided: '作废',
};
export const STATUS_LABELS: Record<SubmissionStatus, string> = {
  planned: '拟报', submitted: '已报送', adopted: '已采用', rejected: '未采用', published: '已刊发', voided: '已作废',
};

export interface Outlet {
  id: string;
  name: string;
  level: OutletLevel;
  kind: OutletKind;
  /** Shipped as an example: the office replaces it with its own catalog. */
  example: boolean;
  disabled: boolean;
}

export interface SubmissionEvent {
  id: number;
  type: EventType;
  on: CalendarDate;
  level: OutletLevel | null;
  issue: string;
  page: string;
  url: string;
  summary: string;
  recordedAt: string;
  recordedBy: string;
}

export interface Evidence { id: string; filename: string; size: number; mime: string; uploadedAt: string }

export interface Submission {
  id: string;
  documentId: string | null;
  title: string;
  kind: DocumentKind;
  authors: string[];
  outlet: Outlet;
  status: SubmissionStatus;
  facts: SubmissionFacts;
  events: SubmissionEvent[];
  evidence: Evidence[];
  createdAt: string;
}

/** A 定稿 document a submission can be recorded from. */
export interface FinalDocument { id: string; title: string; kind: DocumentKind; authors: string[]; updatedAt: string }

export interface DocumentTargets { targetKeys: string[]; outletIds: string[] }

export interface YearTargetsResponse { year: number; targets: TargetDefinition[]; points: PointsTable; isDefault: boolean }

export type ProgressResponse = YearProgress;

export interface ImportRowError { row: number; messages: string[] }
/** `skipped`: rows the ledger already records (same title, outlet and 报送日期), left out rather than counted twice. */
export interface ImportReport { ok: boolean; imported: number; skipped: number; rows: number; errors: ImportRowError[] }

/** A ledger year in a path or query (2000–2100). */
export const ledgerYear = z.coerce.number().int().min(2000).max(2100);

const calendarDate = z.string().refine(isCalendarDate, '日期格式应为 YYYY-MM-DD');
/** A date as `YYYY-MM-DD`, or an instant (ISO 8601 with a zone) that the server turns into a Shanghai date. */
const dateOrInstant = z.string().min(10).max(40);
const id = recordId;
const level = z.enum(OUTLET_LEVELS);
const shortText = z.string().trim().max(500);

export const createOutletRequest = z.object({
  name: nameText(TEXT_LIMITS.outletName),
  level,
  kind: z.enum(OUTLET_KINDS),
});
export const updateOutletRequest = createOutletRequest.partial().extend({ disabled: z.boolean().optional() });

export const createSubmissionRequest = z.object({
  /** A 定稿 document; or leave it out and give title, kind and authors (a piece written elsewhere). */
  documentId: id.optional(),
  title: nameText(TEXT_LIMITS.title).optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  authors: z.array(nameText(64)).max(20).optional(),
  outletIds: z.array(id).min(1, '请选择报送单位').max(50),
  /** The 报送 date; null records it as 拟报 (planned). */
  on: calendarDate.nullable(),
}).refine((r) => r.documentId !== undefined || (r.title !== undefined && r.kind !== undefined), '请选择定稿文稿，或填写标题和类别');

/** PATCH /api/submissions/:id appends one dated event; `status` names the event. */
export const recordEventRequest = z.object({
  status: z.enum(EVENT_TYPES),
  at: dateOrInstant,
  level: level.optional(),
  issue: shortText.optional(),
  page: shortText.optional(),
  url: z.string().trim().max(2000).optional(),
  summary: z.string().trim().max(2000).optional(),
});

export const listSubmissionsQuery = z.object({
  year: ledgerYear.optional(),
  status: z.enum(SUBMISSION_STATUSES).optional(),
  outlet: id.optional(),
  q: z.string().max(200).optional(),
});

export const documentTargetsRequest = z.object({
  targetKeys: z.array(z.string().min(1).max(64)).max(50),
  outletIds: z.array(id).max(50),
});

const levelPoints = z.object({ central: z.number(), provincial: z.number(), city: z.number(), district: z.number() });
const pieceKinds = z.array(z.enum(DOCUMENT_KINDS)).max(DOCUMENT_KINDS.length);
const outletKinds = z.array(z.enum(OUTLET_KINDS)).max(OUTLET_KINDS.length);
const targetRule = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('rule'), pieceKinds, outletKinds, minLevel: level, levelFrom: z.enum(['outlet', 'event']),
    event: z.enum(['submitted', 'adopted', 'published', 'rated', 'instructed']), unit: z.enum(['pieces', 'publications']),
  }),
  z.object({ type: z.literal('score'), pieceKinds, outletKinds }),
  z.object({ type: z.literal('manual'), count: z.number().int().min(0).max(1_000_000) }),
]);
export const yearTargetsRequest = z.object({
  targets: z.array(z.object({
    key: z.string().trim().min(1).max(64).regex(/^[a-z0-9-]+$/, '目标代号只能包含小写字母、数字和连字符'),
    name: nameText(100),
    target: z.number().min(0).max(1_000_000),
    rule: targetRule,
  })).max(50).refine((list) => new Set(list.map((t) => t.key)).size === list.length, '目标代号不能重复'),
  points: z.object({ adopted: levelPoints, published: levelPoints, instructed: levelPoints, missed: z.number(), missedLimit: z.number().int().min(0).max(20).optional() }),
});

export const progressQuery = z.object({
  year: ledgerYear,
  asOf: calendarDate.optional(),
});
export const progressItemsQuery = progressQuery.extend({ key: z.string().min(1).max(64) });
export const ledgerExportQuery = z.object({ year: ledgerYear });

export type CreateOutletRequest = z.infer<typeof createOutletRequest>;
export type UpdateOutletRequest = z.infer<typeof updateOutletRequest>;
export type CreateSubmissionRequest = z.infer<typeof createSubmissionRequest>;
export type RecordEventRequest = z.infer<typeof recordEventRequest>;
export type YearTargetsRequest = z.infer<typeof yearTargetsRequest>;
