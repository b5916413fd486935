import type { HolderReminder } from './review/holderReminder';
import type { LoginGuard } from './auth/loginGuard';
import type { SessionStore } from './auth/sessionStore';
import type { DocumentStore } from './documents/documentStore';
import type { DocumentRemover } from './documents/documentRemover';
import type { UserDirectory } from './users/userDirectory';
import type { BodyStore } from './collab/bodyStore';
import type { LedgerServices } from './ledger';
import type { User } from '../shared/api';
import type { WorkflowService } from './review/workflowService';
import type { VersionStore } from './review/versionStore';
import type { ChainStore } from './review/chainStore';
import type { AuditLog } from './audit/auditLog';
import type { ThreadStore } from './review/threadStore';
import type { EventStreams } from './events/eventStreams';
import type { InboxNotifier } from './events/inboxNotifier';
import type { HeavyWork } from './work/heavyWork';
import type { ReviewQueries } from './review/reviewQueries';
import type { ProofingStore } from './proofing/proofingStore';
import type { ProofreadingGate } from './proofing/proofGate';
import type { DocumentCreator } from './documents/documentCreator';
import type { DocumentUpdater } from './documents/documentUpdater';
import type { DocumentExporter } from './documents/documentExporter';
import type { DispatchFormExporter } from './print/dispatchFormExporter';
import type { PdfExporter } from './print/pdfExporter';
import type { CollaboratorManager } from './documents/collaboratorManager';
import type { OfflineRescuer } from './review/offlineRescuer';
import type { LedgerImporter } from './ledger/ledgerImporter';
import type { UserUpdater } from './users/userUpdater';

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
  workflow: WorkflowService;
  versions: VersionStore;
  chains: ChainStore;
  /** 待办 and the other reads across pieces. */
  queries: ReviewQueries;
  /** 批注: review threads and their entries. */
  threads: ThreadStore;
  /** 催办: a writer reminds the holders of a piece in review. */
  reminder: HolderReminder;
}

/** Pushing to the users: their open event streams, and who hears of a change to a piece. */
export interface EventServices {
  streams: EventStreams;
  inbox: InboxNotifier;
}

/** Proofreading (审校): the admin-managed lists and ignored findings, and the run over a piece's content. */
export interface ProofingServices {
  store: ProofingStore;
  /** The same run the submit and sign gate makes. */
  gate: ProofreadingGate;
}

/**
 * The server's flows that take several steps, one use case each (noun + agent, like Outline's
 * server/commands): a route parses the request, calls one of these, and replies.
 */
export interface Flows {
  /** New pieces, from the form or from a Word file. */
  documentCreator: DocumentCreator;
  /** Title and properties: update, record the editor, announce, audit. */
  documentUpdater: DocumentUpdater;
  /** The Word file, checked against its approval when 定稿. */
  documentExporter: DocumentExporter;
  collaborators: CollaboratorManager;
  /** Refused offline edits kept as a separate draft. */
  offlineRescuer: OfflineRescuer;
  /** A ledger spreadsheet, all rows or none. */
  ledgerImporter: LedgerImporter;
  /** An administrator's change to an account. */
  userUpdater: UserUpdater;
  /** The 发文稿纸 of a piece, at any state. */
  dispatchFormExporter: DispatchFormExporter;
  /** The Word file's pages as PDF (LibreOffice). */
  pdfExporter: PdfExporter;
}

/**
 * What the HTTP routes are built from: every store and use case, each built once in deskServer.ts.
 * No raw database handle: a route that needs a query calls a store's method.
 */
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
  proofing: ProofingServices;
  events: EventServices;
  flows: Flows;
  /** CPU-heavy tasks (Word files, headless Lexical, proofreading, spreadsheets), run off the event loop. */
  work: HeavyWork;
}
