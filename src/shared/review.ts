/** The review workflow's HTTP contract: transitions, history, versions, diff, inbox, comments, audit. */
import { z } from 'zod';
import { CHECKPOINT_ROLES, MAX_COUNTERSIGNERS, WORKFLOW_ACTIONS, type Checkpoint, type HistoryAction, type WorkflowAction, type WorkflowState } from '../core/domain/workflow';
import { DOCUMENT_KINDS } from '../core/domain/kinds';
import { DEPARTMENT_MAX, MAX_COUNTERSIGN_DEPARTMENTS } from '../core/domain/departments';
import type { ProofReport } from './proofing';
import { nameText } from './validation';
import { TEXT_LIMITS } from './textLimits';
import type { PendingSuggestions, SuggestionFacts, SuggestionItem } from './suggestions';

/** The longest 审核/签发意见 (an opinion is a line or two on the 发文稿纸, not a letter). */
export const OPINION_MAX = 200;

/** The phrases one click away in the transition dialog (签发意见 and 审核意见 as offices write them). */
export const OPINION_PHRASES = {
  sign: ['同意', '同意印发', '请印发', '同意，请按程序办理'],
  approve: ['同意', '拟同意，请领导审定', '已核，同意', '无意见'],
} as const;

export const transitionRequest = z.object({
  action: z.enum(WORKFLOW_ACTIONS),
  assigneeId: z.string().min(1).max(64).optional(),
  /** The holders of a 会签 step that follows (instead of `assigneeId`). */
  assigneeIds: z.array(z.string().min(1).max(64)).max(MAX_COUNTERSIGNERS).optional(),
  comment: z.string().max(5000).optional(),
  /** 审核意见 / 签发意见 of an approve or sign (kept in the history; the signer's is the 签发 record). */
  opinion: z.string().trim().max(OPINION_MAX, `意见最多 ${OPINION_MAX} 字`).optional(),
});
export type TransitionRequestBody = z.infer<typeof transitionRequest>;

export interface TransitionResponse {
  state: WorkflowState; checkpoint: Checkpoint | null; assigneeId: string | null;
  /** The holders of the 会签 step the piece is now in (empty outside one). */
  holderIds: string[];
}

/** 催办: an optional word to the holders. */
export const remindRequest = z.object({ comment: z.string().trim().max(500).optional() });

/** One holder of a 会签 step, for the header and the dialog. */
export interface StepHolderView {
  id: string; displayName: string; approvedAt: string | null; opinion: string; disabled: boolean;
  /** The department the holder was named for (their 部门 then), null when they had none. */
  department?: string | null;
}

/** The 签发 record: who signed, when, with what opinion, and the content hash signed. */
export interface SignatureRecord { signerName: string; signedAt: string; opinion: string; contentHash: string }

/** Where a piece stands in its workflow, for the document header. */
export interface WorkflowStatus {
  state: WorkflowState;
  revision: number;
  chain: { draftName: string; checkpoints: Checkpoint[] };
  checkpointIndex: number | null;
  checkpoint: Checkpoint | null;
  assignee: { id: string; displayName: string } | null;
  /** The last approval or signature in this revision, if any. */
  lastApproval: { action: HistoryAction; actorName: string; at: string; contentHash: string; checkpointName: string | null } | null;
  currentHash: string;
  /** True when the current content is exactly what the last approval vouched for; null without one. */
  matchesApproval: boolean | null;
  /** The actions this user may take now (the server still decides each). */
  allowedActions: WorkflowAction[];
  /**
   * Candidates for the next holder (users with the next checkpoint's role, not authors; for a 会签 step
   * drawing on departments, only those in its departments), each with their 部门 when they have one.
   */
  candidates: Array<{ id: string; displayName: string; department?: string | null }>;
  /** 修订 pending in the body and whose: the approved content leaves them out, and sign waits until none is left. */
  suggestions: PendingSuggestions;
  /** The holders of the current step when it is a 会签 step, each with their approval; empty otherwise. */
  holders?: StepHolderView[];
  /** In a 会签 step: how many holders besides this user still have to approve (0: this user's approval ends the step). */
  countersignWaiting?: number;
  /** When the current step began (the piece reached its holders), while in review. */
  heldSince?: string | null;
  /** 催办: whether this user may remind the holders now, or why not and from when. */
  reminder?: { allowed: boolean; message: string | null; possibleAt: string | null; afterHours: number; lastAt: string | null };
  /** The return that sent the piece back, while it is 已退回: who, when and why. */
  lastReturn?: { byName: string; at: string; checkpoint: string | null; comment: string } | null;
  /** The 签发 record of a 定稿 (the transition that made it final), null before. */
  signature?: SignatureRecord | null;
}

export interface HistoryEntry {
  id: number;
  action: HistoryAction;
  actorId: string;
  actorName: string;
  at: string;
  revision: number;
  fromState: WorkflowState;
  toState: WorkflowState;
  checkpoint: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  comment: string;
  contentHash: string;
  /** Approve and sign vouch for the content; other actions record it. */
  vouches: boolean;
  /** The proofreading run a submit or sign passed (审校), null for other actions and older entries. */
  proofReport?: ProofReport | null;
  /** The suggestions (修订) its actor accepted or rejected in review since their previous action on the piece. */
  decided?: DecidedSuggestion[];
  /** 审核意见 / 签发意见 of an approve or sign ('' when none was given). */
  opinion?: string;
  /** The 会签 holders this transition named, or the holders a 催办 reached. */
  holders?: Array<{ id: string; name: string }>;
}

/** A suggestion (修订) someone accepted or rejected in review: whose it was, what it changed, the decision. */
export interface DecidedSuggestion extends SuggestionFacts {
  /** (`text`: up to 200 characters.) */
  accepted: boolean;
  decidedAt: string;
}

export const saveVersionRequest = z.object({ name: nameText(TEXT_LIMITS.versionName) });

export interface VersionSummary {
  id: string;
  name: string;
  origin: 'transition' | 'manual' | 'restore';
  revision: number;
  createdBy: string;
  createdByName: string;
  createdAt: string;
  contentHash: string;
}

export interface VersionContent extends VersionSummary {
  title: string;
  lines: string[];
  /** Lexical JSON of the body, for a read-only view. */
  json: unknown;
  /** The suggestions (修订) pending in this version, in document order; `lines` is its text without them. */
  suggestions: SuggestionItem[];
}

export type DiffPart = { type: 'equal' | 'insert' | 'delete'; text: string };
export type DiffLine = { type: 'equal' | 'insert' | 'delete'; text: string } | { type: 'change'; parts: DiffPart[] };
/** What a diff compares: the text with pending suggestions (修订) unapplied, as approved, or with all of them applied. */
export type DiffView = 'original' | 'applied';
export const DIFF_VIEWS = ['original', 'applied'] as const satisfies readonly DiffView[];

/** A diff of two sides, with the suggestions pending on each side. */
export interface DiffResponse {
  from: VersionSummary | { id: 'current'; name: string };
  to: VersionSummary | { id: 'current'; name: string };
  view: DiffView;
  lines: DiffLine[];
  suggestions: { from: SuggestionItem[]; to: SuggestionItem[] };
}

export interface InboxItem {
  id: string; title: string; kind: (typeof DOCUMENT_KINDS)[number]; state: WorkflowState; checkpointName: string | null; ownerName: string; since: string;
  /** The last 催办 of this step, when the writers reminded the holders. */
  remindedAt?: string | null;
  /** True when the piece waits in a 会签 step (others hold it too). */
  countersign?: boolean;
}
export interface Inbox { toReview: InboxItem[]; toSign: InboxItem[]; returned: InboxItem[] }

/**
 * One entry of a review thread (its opening comment or a reply). Author and times are the server's:
 * whatever a client sends about them is ignored.
 */
export interface CommentEntryView {
  id: string;
  /** Null only for an entry moved from an old `<id>/review` document whose author id named no user. */
  authorId: string | null;
  authorName: string;
  /** Empty once deleted: the entry stays as a mark of where it was (the store keeps the text). */
  text: string;
  at: string;
  editedAt: string | null;
  deleted: boolean;
  /** Moved from an old `<id>/review` document: its author is what that client wrote, never checked. */
  migrated: boolean;
}

export interface CommentThreadView {
  id: string;
  quote: string;
  /** The anchor as the client that opened the thread computed it (encoded Y.RelativePosition, base64). */
  anchor: { start: string; end: string };
  authorId: string | null;
  authorName: string;
  createdAt: string;
  resolved: boolean;
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  /** False when the commented text was deleted since. */
  anchored: boolean;
  comments: CommentEntryView[];
}

const commentText = z.string().trim().min(1, '内容不能为空').max(5000);
const anchorEnd = z.string().min(4).max(1000).regex(/^[A-Za-z0-9+/]+=*$/, '锚点格式有误');

/** Opens a thread (the holder of the checkpoint). Unknown fields (an author, a time) are dropped. */
export const newThreadRequest = z.object({
  anchor: z.object({ start: anchorEnd, end: anchorEnd }),
  /** What the client showed as quoted: optional and not stored (the server reads the body at the anchor). */
  quote: z.string().trim().max(400).optional(),
  text: commentText,
});
export type NewThreadRequest = z.infer<typeof newThreadRequest>;

export const commentTextRequest = z.object({ text: commentText });
export const resolveRequest = z.object({ resolved: z.boolean() });

export const rescueRequest = z.object({ state: z.string().min(4).max(20 * 1024 * 1024) });

/**
 * One checkpoint of a chain. A 会签 step may draw its holders from departments (`holdersFrom:
 * 'departments'` with at least one department, each listed once); only a 会签 step may.
 */
const checkpointSchema = z.object({
  key: z.string().trim().min(1).max(40),
  name: nameText(TEXT_LIMITS.checkpointName),
  role: z.enum(CHECKPOINT_ROLES),
  countersign: z.boolean().optional(),
  holdersFrom: z.enum(['roles', 'departments']).optional(),
  departments: z.array(nameText(DEPARTMENT_MAX)).max(MAX_COUNTERSIGN_DEPARTMENTS, `会签部门最多 ${MAX_COUNTERSIGN_DEPARTMENTS} 个`).optional(),
}).superRefine((checkpoint, ctx) => {
  if (checkpoint.holdersFrom !== 'departments') return;
  const list = checkpoint.departments ?? [];
  if (!checkpoint.countersign) ctx.addIssue({ code: 'custom', path: ['holdersFrom'], message: `“${checkpoint.name}”不是会签环节，不能按部门选择办理人` });
  else if (list.length === 0) ctx.addIssue({ code: 'custom', path: ['departments'], message: `请填写“${checkpoint.name}”的会签部门` });
  const twice = list.filter((d, i) => list.indexOf(d) !== i);
  if (twice.length > 0) ctx.addIssue({ code: 'custom', path: ['departments'], message: `会签部门“${twice[0]}”重复` });
});

export const chainRequest = z.object({
  draftName: nameText(TEXT_LIMITS.chainDraftName),
  checkpoints: z.array(checkpointSchema).min(1).max(TEXT_LIMITS.checkpoints)
    .refine((checkpoints) => !checkpoints[checkpoints.length - 1]?.countersign, { message: '会签环节后须有审核或签发环节，不能作为最后一个环节' }),
});

