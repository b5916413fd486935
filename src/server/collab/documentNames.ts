import type { User } from '../../shared/api';

/**
 * Collaboration document names, in one place: `<id>` is a piece's body, `<id>/review` its review
 * threads. Anything else names no document.
 */
export type DocumentPart = 'body' | 'review';

export function parseDocumentName(name: string): { documentId: string; part: DocumentPart } | null {
  const [documentId, part, ...rest] = name.split('/');
  if (!documentId || rest.length > 0) return null;
  if (part === undefined) return { documentId, part: 'body' };
  return part === 'review' ? { documentId, part: 'review' } : null;
}

export function isBodyName(name: string): boolean {
  return parseDocumentName(name)?.part === 'body';
}

export function reviewDocumentName(documentId: string): string {
  return `${documentId}/review`;
}

/** What the authentication extension puts on every connection. */
export interface CollabContext { user: User }

/** The user of a connection's context, or null when it has none (a direct connection). */
export function contextUser(context: unknown): User | null {
  if (typeof context !== 'object' || context === null || !('user' in context)) return null;
  const user: unknown = Reflect.get(context, 'user');
  return typeof user === 'object' && user !== null && typeof Reflect.get(user, 'id') === 'string' ? (user as User) : null;
}
