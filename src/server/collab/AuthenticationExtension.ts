import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { User } from '../../shared/api';
import type { SessionStore } from '../auth/sessionStore';
import type { DocumentStore } from '../documents/documentStore';

export interface CollabContext { user: User }

/**
 * Authenticates every WebSocket document connection with the session token and the access table:
 * an unknown token or a document the user may not read is refused before any content is sent, and
 * a user who may read but not edit gets a read-only connection (Hocuspocus drops its updates).
 */
export class AuthenticationExtension implements Extension {
  readonly extensionName = 'authentication';

  constructor(private readonly sessions: SessionStore, private readonly documents: DocumentStore) {}

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const user = await this.sessions.authenticate(token);
    if (!user) throw new Error('unauthorized');
    const { access } = await this.documents.load(user, documentName);
    connectionConfig.readOnly = !access.canEdit;
    return { user };
  }
}
