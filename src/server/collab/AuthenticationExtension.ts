import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { SessionStore } from '../auth/sessionStore';
import type { DocumentStore } from '../documents/documentStore';
import { DeskError, unauthorized } from '../errors';
import { parseDocumentName, type CollabContext } from './documentNames';
import { isSuggestionHolder } from '../review/suggestionAuthority';

/**
 * Authenticates every WebSocket document connection with the session token and the access table:
 * an unknown token or a document the user may not read is refused before any content is sent, and
 * a user who may read but not edit gets a read-only connection (Hocuspocus drops its updates), except
 * the holder of the current checkpoint, whose updates are judged as suggestions (修订).
 * Only bodies are collaboration documents: an old client asking for `<id>/review` is refused, so
 * nothing it writes there is applied or stored (review threads go through the HTTP API).
 * Refusals are DeskErrors, as in every other layer. Hocuspocus 4.7 sends a refused client a
 * `permission-denied` auth message whose reason is the thrown error's `reason` (else the English
 * token `permission-denied`): each refusal goes out with its Chinese message as that reason.
 */
export class AuthenticationExtension implements Extension {
  readonly extensionName = 'authentication';

  constructor(private readonly sessions: SessionStore, private readonly documents: DocumentStore) {}

  async onAuthenticate(payload: onAuthenticatePayload): Promise<CollabContext> {
    try {
      return await this.authenticate(payload);
    } catch (error) {
      throw withReason(error);
    }
  }

  private async authenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<CollabContext> {
    const user = await this.sessions.authenticate(token);
    if (!user) throw unauthorized('登录已失效，请重新登录');
    const name = parseDocumentName(documentName);
    if (!name) throw new DeskError('not_found', '没有这个协作文档');
    const { access, row } = await this.documents.load(user, name.documentId);
    // The checkpoint's holder writes too: only suggestions, as the persistence extension judges.
    connectionConfig.readOnly = !access.canEdit && !isSuggestionHolder(user, row);
    return { user };
  }
}

/** What Hocuspocus reads of a refusal: the reason it sends the client. */
interface Refusal extends Error { reason: string }

/** The refusal with its reason for the client: a DeskError's own message, else a general one (nothing internal leaks). */
function withReason(error: unknown): Refusal {
  const reason = error instanceof DeskError ? error.message : '暂时无法打开此文稿，请稍后重试';
  return Object.assign(error instanceof Error ? error : new Error(String(error)), { reason });
}
