import type { User } from '../../shared/api';

/**
 * Collaboration document names, in one place: `<id>` is a piece's body, and nothing else names a
 * document. (Review threads were once the Y.Doc `<id>/review`; since migration 0005 they live in the
 * relational store, and that name is refused like any other.)
 */
export function parseDocumentName(name: string): { documentId: string } | null {
  return name.length > 0 && name.length <= 64 && !name.includes('/') ? { documentId: name } : null;
}

export function isBodyName(name: string): boolean {
  return parseDocumentName(name) !== null;
}

/** What the authentication extension puts on every connection. */
export interface CollabContext { user: User }

/** The user of a connection's context, or null when it has none (a direct connection). */
export function contextUser(context: unknown): User | null {
  if (typeof context !== 'object' || context === null || !('user' in context)) return null;
  const user: unknown = Reflect.get(context, 'user');
  return typeof user === 'object' && user !== null && typeof Reflect.get(user, 'id') === 'string' ? (user as User) : null;
}
