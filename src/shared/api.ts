/**
 * The HTTP contract between the desk server and its clients (renderer, tests, scripts).
 * Request bodies are validated on the server with the zod schemas below; responses use the types.
 */
import { z } from 'zod';
import { DOCUMENT_KINDS, type DocumentKind } from '../core/domain/kinds';
import { ROLES, type Role } from '../core/domain/roles';
import { DOCX_LAYOUTS, type DocxLayout } from '../core/docx/layouts';
import type { RemovalRight } from './removal';
import { nameText } from './validation';
import { cleanTitle } from '../core/text/cleanText';
import { DEPARTMENT_MAX } from '../core/domain/departments';
import { PASSWORD_RULE, TEXT_LIMITS } from './textLimits';
import type { WorkflowState } from '../core/domain/workflow';

/** Limits the server enforces (bytes). */
export const LIMITS = {
  jsonBody: 2 * 1024 * 1024,
  upload: 50 * 1024 * 1024,
  yjsMessage: 10 * 1024 * 1024,
  /**
   * How much of a refused body (over its limit, or not read because the request failed first) the
   * server still reads and discards before it answers and closes: closing on a client that is still
   * sending resets the connection, and the client never sees the answer.
   */
  drain: 128 * 1024 * 1024,
} as const;

export type ErrorCode =
  | 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict'
  | 'payload_too_large' | 'unsupported_media_type' | 'too_many_requests' | 'internal' | 'busy';

/** Every error response is `{error: {code, message}}`; `message` is Chinese, for the user. */
export interface ApiError { error: { code: ErrorCode; message: string } }

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  /** 部门: where the person works (办公室, 财务科 …), absent when none is set. */
  department?: string;
}

export interface LoginResponse { token: string; user: User }

/** Properties an official layout prints, keyed as in the front matter of shared/samples (发文字号, 主送机关, …). */
export type DocumentProperties = Record<string, string | string[]>;

/** A piece's workflow state (the state table's word). */
export type DocumentState = WorkflowState;

export interface DocumentSummary {
  id: string;
  title: string;
  kind: DocumentKind;
  ownerId: string;
  ownerName: string;
  state: DocumentState;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** In the document list (not the 回收站): whether the requesting user may delete it, and why not. */
  removal?: RemovalRight;
}

export interface DocumentDetail extends DocumentSummary {
  properties: DocumentProperties;
  collaborators: Pick<User, 'id' | 'username' | 'displayName'>[];
  /** What the requesting user may do with this document, as the server decided it. */
  access: {
    canEdit: boolean; canManage: boolean; canReadComments: boolean;
    /** Reply in the review threads, edit and delete one's own entries. */
    canComment: boolean;
    /** Open a review thread (the holder of the current checkpoint). */
    canStartThreads: boolean;
    /** Resolve and reopen review threads (the writers and the holder). */
    canResolveThreads: boolean;
  };
  revision: number;
  /** Set on a draft saved from refused offline edits: the piece they were meant for. */
  sourceDocumentId: string | null;
}

export interface DocumentContent { text: string; json: unknown }

const roleList = z.array(z.enum(ROLES)).max(ROLES.length);
const username = z.string().trim().min(2).max(32).regex(/^[A-Za-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和连字符');
const password = z.string().min(PASSWORD_RULE.min, PASSWORD_RULE.tooShort).max(PASSWORD_RULE.max);
const displayName = nameText(64);
/** 部门: a short text; '' (or blank) clears it. */
const department = z.string().overwrite(cleanTitle).max(DEPARTMENT_MAX);

export const loginRequest = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export const localLoginRequest = z.object({ secret: z.string().min(16).max(256) });
export const setupRequest = z.object({ password, displayName: displayName.optional() });
export const createUserRequest = z.object({ username, password, displayName, roles: roleList, department: department.optional() });
export const updateUserRequest = z.object({
  displayName: displayName.optional(),
  department: department.optional(),
  roles: roleList.optional(),
  disabled: z.boolean().optional(),
  password: password.optional(),
});

const propertyValue = z.union([z.string().max(2000), z.array(z.string().max(2000)).max(100)]);
export const documentProperties = z.record(z.string().min(1).max(64), propertyValue);

/** A seed block for a new document's body. */
export const seedBlock = z.object({
  type: z.literal('paragraph'),
  level: z.number().int().min(1).max(4).optional(),
  text: z.string().max(100_000),
});
export type SeedBlock = z.infer<typeof seedBlock>;

/**
 * Options of a Word export: the layout (the kind's own by default), and whether pending suggestions
 * (修订) go in as Word revisions (default: a clean file of the original text). A 定稿 never carries
 * revisions.
 */
export interface DocxExportOptions { layout?: DocxLayout; revisions: boolean }

/** Query of GET /api/documents/:id/export.docx: `layout`, and `revisions=1` (or `true`) for Word revisions. */
export const docxExportQuery = z.object({
  layout: z.enum(DOCX_LAYOUTS).optional(),
  revisions: z.enum(['1', '0', 'true', 'false']).optional().transform((value) => value === '1' || value === 'true'),
});

/** A document's title: zero-width and bidi characters removed (cleanTitle), then 1–200 characters. */
const title = nameText(TEXT_LIMITS.title);

export const createDocumentRequest = z.object({
  title,
  kind: z.enum(DOCUMENT_KINDS),
  blocks: z.array(seedBlock).max(10_000).optional(),
  properties: documentProperties.optional(),
  /** A template (模板) to start from: its skeleton and properties, under the office defaults. */
  template: z.string().min(1).max(64).optional(),
});
export const updateDocumentRequest = z.object({
  title: title.optional(),
  properties: documentProperties.optional(),
});
export const addCollaboratorRequest = z.object({ userId: z.string().min(1).max(64) });

/** Query of GET /api/documents. */
export const listDocumentsQuery = z.object({
  kind: z.enum(DOCUMENT_KINDS).optional(),
  owner: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  deleted: z.enum(['true', 'false']).optional(),
  /** A publication target key (e.g. journal-articles): only documents tagged with it. */
  target: z.string().max(64).optional(),
});

export type CreateUserRequest = z.infer<typeof createUserRequest>;
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>;
export type UpdateDocumentRequest = z.infer<typeof updateDocumentRequest>;
