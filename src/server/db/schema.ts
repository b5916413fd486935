import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { EventType, OutletKind, OutletLevel, SubmissionStatus } from '../../core/targets/model';
import type { DocumentKind } from '../../core/domain/kinds';
import type { ProofingListName } from '../../shared/proofing';
import type { VersionSummary } from '../../shared/review';
import type { HistoryAction, WorkflowState } from '../../core/domain/workflow';

/**
 * The relational store's tables, one schema for SQLite and PostgreSQL. Times are ISO-8601 strings
 * (UTC), booleans are 0/1 integers and JSON is text, so both dialects read back the same values.
 * Columns holding one of the domain's words are typed with its literal union (the stores write
 * nothing else); JSON columns are text here and read through their parser in `jsonColumns.ts`.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  documents: DocumentsTable;
  document_collaborators: DocumentCollaboratorsTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  audit_log: AuditLogTable;
  checkpoint_chains: CheckpointChainsTable;
  revision_editors: RevisionEditorsTable;
  transitions: TransitionsTable;
  versions: VersionsTable;
  outlets: OutletsTable;
  document_targets: DocumentTargetsTable;
  document_outlets: DocumentOutletsTable;
  ledger_submissions: LedgerSubmissionsTable;
  ledger_events: LedgerEventsTable;
  ledger_evidence: LedgerEvidenceTable;
  year_targets: YearTargetsTable;
  proofing_lists: ProofingListsTable;
  proofing_ignores: ProofingIgnoresTable;
  review_threads: ReviewThreadsTable;
  review_entries: ReviewEntriesTable;
  suggestion_decisions: SuggestionDecisionsTable;
  step_holders: StepHoldersTable;
  templates: TemplatesTable;
  office_defaults: OfficeDefaultsTable;
  document_links: DocumentLinksTable;
  commissions: CommissionsTable;
  search_bodies: SearchBodiesTable;
  suggestion_metas: SuggestionMetasTable;
}

/**
 * The holders of 会签 steps (migration 0008): one row per holder of each step, keyed by the id of the
 * transition that opened the step. `active` is 1 while the step is the piece's current one.
 */
export interface StepHoldersTable {
  document_id: string;
  step: number;
  user_id: string;
  /** The holder's place in the order they were named. */
  position: number;
  approved_at: string | null;
  active: number;
  /** The 部门 the holder was named for (theirs at the time), null when they had none (0011). */
  department: string | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  /** JSON array of Role. */
  roles: string;
  disabled: number;
  created_at: string;
  /** 部门, null when none is set (0011). */
  department: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the token, hex: the token itself is never stored. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface DocumentsTable {
  id: string;
  title: string;
  kind: DocumentKind;
  owner_id: string;
  state: WorkflowState;
  /** JSON object of DocumentProperties. */
  properties: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Starts at 1; a reopened 定稿 begins the next revision. */
  revision: ColumnType<number, number | undefined, number>;
  checkpoint_index: ColumnType<number | null, number | null | undefined, number | null>;
  assignee_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON CheckpointChain the piece was submitted along (chains may change meanwhile). */
  chain: ColumnType<string | null, string | null | undefined, string | null>;
  /** Who made it 定稿 (may reopen it). */
  finalized_by: ColumnType<string | null, string | null | undefined, string | null>;
  /** A draft saved from refused offline edits points at the piece they were meant for. */
  source_document_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DocumentCollaboratorsTable {
  document_id: string;
  user_id: string;
  added_at: string;
}

/** Append-only log of Yjs updates, written before the server acknowledges them; compacted into snapshots. */
export interface DocUpdatesTable {
  id: Generated<number>;
  name: string;
  data: ColumnType<Uint8Array, Uint8Array, never>;
  created_at: string;
}

export interface DocSnapshotsTable {
  name: string;
  data: Uint8Array;
  updated_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  action: string;
  target: string;
  detail: string;
  /** Hash of the previous entry ('' for the first): a changed or deleted entry breaks the chain. */
  prev_hash: ColumnType<string, string | undefined, never>;
  /** Plain SHA-256 over prev_hash and the fields. */
  hash: ColumnType<string, string | undefined, never>;
  /** HMAC-SHA256 with the audit key over the id and hash; null before the cutover (migration 0005). */
  mac: ColumnType<string | null, string | null | undefined, never>;
}

export interface CheckpointChainsTable { kind: DocumentKind; /** JSON CheckpointChain. */ chain: string; updated_at: string; updated_by: string | null }

export interface RevisionEditorsTable { document_id: string; revision: number; user_id: string }

/** Append-only: every workflow transition, approvals and signatures with the content hash they vouch for. */
export interface TransitionsTable {
  id: Generated<number>;
  document_id: string;
  revision: number;
  action: HistoryAction;
  actor_id: string;
  at: string;
  from_state: WorkflowState;
  to_state: WorkflowState;
  checkpoint_key: string | null;
  checkpoint_name: string | null;
  assignee_id: string | null;
  comment: string;
  content_hash: string;
  vouches: number;
  /** JSON ProofReport of the proofreading run a submit or sign passed (migration 0004). */
  proof_report: string | null;
  /** 审核意见 / 签发意见 of an approve or sign (migration 0008; '' when none was given). */
  opinion: ColumnType<string, string | undefined, never>;
  /** JSON array of user ids: the 会签 holders the transition named, or the holders a 催办 reached (migration 0008). */
  holder_ids: ColumnType<string | null, string | null | undefined, never>;
}

export interface VersionsTable {
  id: string;
  document_id: string;
  revision: number;
  name: string;
  origin: VersionSummary['origin'];
  created_by: string;
  created_at: string;
  /** Full Yjs state of the body: compaction of the live document never breaks a version. */
  state: Uint8Array;
  /** Canonical content JSON (title, kind, properties, blocks). */
  canonical: string;
  content_hash: string;
}

export type UserRow = Selectable<UsersTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;

/** The outlet catalog (刊物与媒体). `example` marks the outlets shipped with a fresh desk. */
export interface OutletsTable {
  id: string;
  name: string;
  level: OutletLevel;
  kind: OutletKind;
  example: number;
  disabled: number;
  created_at: string;
}

/** Publication targets a document is meant for (tags chosen while drafting). */
export interface DocumentTargetsTable { document_id: string; target_key: string }
export interface DocumentOutletsTable { document_id: string; outlet_id: string }

/** One ledger row: a piece sent to one outlet. `facts` (JSON SubmissionFacts) and `status` derive from its events. */
export interface LedgerSubmissionsTable {
  id: string;
  document_id: string | null;
  piece_key: string;
  title: string;
  kind: DocumentKind;
  /** JSON array of author names. */
  authors: string;
  outlet_id: string;
  status: SubmissionStatus;
  /** JSON SubmissionFacts. */
  facts: string;
  first_on: string | null;
  last_on: string | null;
  /** The facts the counting reads, as columns (a year's dashboard reads them from one covering index). */
  submitted_on: string | null;
  adopted_on: string | null;
  published_on: string | null;
  /** JSON {ratings, instructions, missed} when any is non-empty, else ''. */
  extras: string;
  created_at: string;
  created_by: string;
}

/** The append-only event log of a submission; `on_date` is a Shanghai calendar date. */
export interface LedgerEventsTable {
  id: Generated<number>;
  submission_id: string;
  type: EventType;
  on_date: string;
  level: OutletLevel | null;
  issue: string;
  page: string;
  url: string;
  summary: string;
  recorded_at: string;
  recorded_by: string;
}

/** Evidence files (scans, screenshots) stored in the data folder under `evidence/<id>`. */
export interface LedgerEvidenceTable {
  id: string;
  submission_id: string;
  filename: string;
  mime: string;
  size: number;
  uploaded_at: string;
  uploaded_by: string;
}

/** A year's targets and points table as JSON (YearTargets without the year). */
export interface YearTargetsTable { year: number; definition: string; updated_at: string; updated_by: string }

/** 审校 lists an admin edits, entries as JSON (the list's entry schema). */
export interface ProofingListsTable { name: ProofingListName; entries: string; updated_at: string; updated_by: string | null }

/** A finding ignored in a document, for everyone, while its paragraph text is unchanged. */
export interface ProofingIgnoresTable {
  document_id: string;
  fingerprint: string;
  rule: string;
  scope: string;
  paragraph_text: string;
  excerpt: string;
  ignored_by: string;
  ignored_at: string;
}

/**
 * A review thread (批注) on a piece (migration 0005). The anchor is two encoded Y.RelativePosition
 * (base64) that the client computed; the server stores them as given ('' when a moved thread had none).
 */
export interface ReviewThreadsTable {
  id: string;
  document_id: string;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  /** The session's user; null only for a moved thread whose author id named no user. */
  created_by: string | null;
  created_at: string;
  resolved: number;
  resolved_by: string | null;
  resolved_at: string | null;
  /** 1 when moved from an old `<id>/review` Y.Doc, whose authors the old server never checked. */
  migrated: ColumnType<number, number | undefined, number>;
}

/** An entry of a thread, the opening comment first; deletes are soft (deleted_at), the text stays. */
export interface ReviewEntriesTable {
  id: Generated<number>;
  thread_id: string;
  document_id: string;
  author_id: string | null;
  text: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
  migrated: ColumnType<number, number | undefined, number>;
}

/** A suggestion (修订) accepted or rejected in review, covered by its decider's next transition (migration 0007). */
export interface SuggestionDecisionsTable {
  id: Generated<number>;
  document_id: string;
  revision: number;
  suggestion_id: string;
  kind: 'insert' | 'delete' | 'split' | 'join' | 'level';
  author_id: string;
  author_name: string;
  /** When the suggestion was made. */
  suggested_at: string;
  text: string;
  accepted: number;
  decided_by: string;
  decided_at: string;
  /** The decider's transition that covers it; null until they next act on the piece. */
  transition_id: number | null;
}

/** A suggestion (修订) a body holds or held, as the server let it in (migration 0012, suggestionHistory.ts). */
export interface SuggestionMetasTable {
  document_name: string;
  /** `kind:id`. */
  suggestion_key: string;
  kind: 'insert' | 'delete' | 'split' | 'join' | 'level';
  author_id: string;
  author_name: string;
  suggested_at: string;
}

/** A template (模板) row (migration 0009): the office's own, or a built-in once an admin edited or hid it. */
export interface TemplatesTable {
  id: string;
  kind: DocumentKind;
  /** The 文种 (通知, 请示, 经验类, …). */
  genre: string;
  name: string;
  builtin: number;
  /** The template's own document (its body and properties), once made. */
  document_id: string | null;
  disabled: number;
  updated_at: string;
  updated_by: string | null;
}

/** The office's defaults of one kind (刊名, 编发单位, …), JSON object of texts. */
export interface OfficeDefaultsTable { kind: DocumentKind; fields: string; updated_at: string; updated_by: string | null }

/** 一稿多用: a piece derived from another. */
export interface DocumentLinksTable { source_id: string; derived_id: string; created_at: string; created_by: string }

/** A 约稿 from an outlet; `deadline` is a Shanghai calendar date. */
export interface CommissionsTable {
  id: string;
  outlet_id: string;
  topic: string;
  requirements: string;
  kind: DocumentKind;
  deadline: string;
  warn_days: number;
  assignee_id: string;
  /** The piece that answers it. */
  document_id: string | null;
  answered_at: string | null;
  /** The ledger row holding its `missed` event, once recorded. */
  missed_submission_id: string | null;
  created_by: string;
  created_at: string;
  cancelled_at: string | null;
}

/** A piece's body as searchable text (migration 0010; the SearchIndexer writes it). */
export interface SearchBodiesTable {
  id: Generated<number>;
  document_id: string;
  body: string;
  /** SHA-256 (base64) of the Yjs state the text was read from: unchanged bodies are not read again. */
  state_hash: string;
  indexed_at: string;
}
