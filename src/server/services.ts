import type { LoginGuard } from './auth/loginGuard';
import type { SessionStore } from './auth/sessionStore';
import type { DocumentStore } from './documents/documentStore';
import type { DocumentRemover } from './documents/documentRemover';
import type { UserDirectory } from './users/userDirectory';
import type { BodyStore } from './collab/bodyStore';
import type { LedgerServices } from './ledger';
import type { User } from '../shared/api';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import type { WorkflowService } from './review/workflowService';
import type { VersionStore } from './review/versionStore';
import type { ChainStore } from './review/chainStore';
import type { AuditLog } from './audit/auditLog';
import type { YjsStore } from './collab/yjsStore';
import type { CollabGate } from './review/collabGate';
import type { ThreadStore } from './review/threadStore';
import type { EventStreams } from './events/eventStreams';
import type { InboxNotifier } from './events/inboxNotifier';
import type { HeavyWork } from './work/heavyWork';

/** Records who did what: an append-only audit log. */
export type Audit = (actorId: string | null, action: string, target: string, detail?: Record<string, unknown>) => Promise<void>;

/** The desktop's own user, logged in with a per-launch secret (embedded server only). */
export interface LocalLogin {
  accepts(secret: string): boolean;
  /** The local user, created on first use. */
  user(): Promise<User>;
}

/** The review workflow's parts, for its routes. */
export interface ReviewServices {
  db: Kysely<Database>;
  workflow: WorkflowService;
  versions: VersionStore;
  chains: ChainStore;
  yjsStore: YjsStore;
  gate: CollabGate;
  /** 批注: review threads and their entries. */
  threads: ThreadStore;
}

/** Pushing to the users: their open event streams, and who hears of a change to a piece. */
export interface EventServices {
  streams: EventStreams;
  inbox: InboxNotifier;
}

/** What the HTTP routes are built from. */
export interface Services {
  users: UserDirectory;
  sessions: SessionStore;
  /** Decides which login attempts may check a password, and when. */
  loginGuard: LoginGuard;
  documents: DocumentStore;
  /** Moves pieces to the 回收站 and back. */
  remover: DocumentRemover;
  bodies: BodyStore;
  audit: Audit;
  /** The log itself: pages, verification, export. */
  auditLog: AuditLog;
  ledger: LedgerServices;
  localLogin?: LocalLogin;
  review: ReviewServices;
  events: EventServices;
  /** CPU-heavy tasks (Word files, headless Lexical, proofreading, spreadsheets), run off the event loop. */
  work: HeavyWork;
}
