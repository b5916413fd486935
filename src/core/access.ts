/**
 * Who may do what with a document (ARCHITECTURE.md, "Who may do what"). The server decides with this;
 * the renderer only follows. Pure: the caller supplies the facts.
 */
export interface AccessSubject { id: string; roles: readonly string[] }
export interface AccessDocument { ownerId: string; state: string; collaboratorIds: readonly string[]; deleted: boolean }
export interface DocumentAccess {
  /** May open the document and read its body. */
  canRead: boolean;
  /** May change the body, title and properties. */
  canEdit: boolean;
  /** May rename, delete, restore and invite collaborators. */
  canManage: boolean;
}

const EDITABLE_STATES: readonly string[] = ['draft', 'returned'];
const NONE: DocumentAccess = { canRead: false, canEdit: false, canManage: false };

export function documentAccess(user: AccessSubject, doc: AccessDocument): DocumentAccess {
  const isOwner = user.id === doc.ownerId;
  const isWriter = isOwner || doc.collaboratorIds.includes(user.id);
  const isAdmin = user.roles.includes('admin');
  if (!isWriter && !isAdmin) return NONE;
  if (doc.deleted) return { canRead: isOwner || isAdmin, canEdit: false, canManage: isOwner };
  // An admin reads everything but never edits others' bodies.
  return {
    canRead: true,
    canEdit: isWriter && EDITABLE_STATES.includes(doc.state),
    canManage: isOwner,
  };
}
