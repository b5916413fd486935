import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The relational store's tables, one schema for SQLite and PostgreSQL. Times are ISO-8601 strings
 * (UTC), booleans are 0/1 integers and JSON is text, so both dialects read back the same values.
 */
export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  documents: DocumentsTable;
  document_collaborators: DocumentCollaboratorsTable;
  doc_updates: DocUpdatesTable;
  doc_snapshots: DocSnapshotsTable;
  audit_log: AuditLogTable;
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
  kind: string;
  owner_id: string;
  state: string;
  /** JSON object of DocumentProperties. */
  properties: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
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
}

export type UserRow = Selectable<UsersTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
