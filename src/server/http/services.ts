import type { LoginThrottle } from '../auth/loginThrottle';
import type { SessionStore } from '../auth/sessionStore';
import type { DocumentStore } from '../documents/documentStore';
import type { UserDirectory } from '../users/userDirectory';
import type { BodyStore } from '../collab/bodyStore';

/** Records who did what: an append-only audit log. */
export type Audit = (actorId: string | null, action: string, target: string, detail?: Record<string, unknown>) => Promise<void>;

/** What the HTTP routes are built from. */
export interface Services {
  users: UserDirectory;
  sessions: SessionStore;
  throttle: LoginThrottle;
  documents: DocumentStore;
  bodies: BodyStore;
  audit: Audit;
}
