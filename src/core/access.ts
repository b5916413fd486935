/**
 * Who may do what with a document (ARCHITECTURE.md, "Who may do what"). The server decides with this;
 * the renderer only follows. Pure: the caller supplies the facts.
 */
export interface AccessSubject { id: string; roles: readonly string[] }
export interface AccessDocument {
  ownerId: string;
  state: string;
  collaboratorIds: readonly string[];
  deleted: boolean;
  /** The holder of the current checkpoint, while in review. */
  assigneeId?: string | null;
  /** The holders of the current step when it is a 会签 step: each holds the piece as an assignee does. */
  holderIds?: readonly string[];
  /** Everyone who held a checkpoint of this piece before. */
  pastAssigneeIds?: readonly string[];
}
export interface DocumentAccess {
  /** May open the document and read its body. */
  canRead: boolean;
  /** May change the body, title and properties. */
  canEdit: boolean;
  /** May rename, delete, restore and invite collaborators. */
  canManage: boolean;
  /** May reply in the review threads, and edit or delete their own entries; readers without it only read them. */
  canComment: boolean;
  /** May open a review thread on the body: the holder of the current checkpoint. */
  canStartThreads: boolean;
  /** May resolve and reopen review threads: the writers and the holder of the current checkpoint. */
  canResolveThreads: boolean;
  /** May read the review threads at all. */
  canReadComments: boolean;
}

const EDITABLE_STATES: readonly string[] = ['draft', 'returned'];
const NONE: DocumentAccess = {
  canRead: false, canEdit: false, canManage: false, canComment: false, canStartThreads: false, canResolveThreads: false, canReadComments: false,
};

export function documentAccess(user: AccessSubject, doc: AccessDocument): DocumentAccess {
  const isOwner = user.id === doc.ownerId;
  const isWriter = isOwner || doc.collaboratorIds.includes(user.id);
  const isAdmin = user.roles.includes('admin');
  const isAssignee = doc.state === 'review' && ((!!doc.assigneeId && doc.assigneeId === user.id) || (doc.holderIds?.includes(user.id) ?? false));
  const wasAssignee = doc.pastAssigneeIds?.includes(user.id) ?? false;
  const isClerkOnFinal = user.roles.includes('clerk') && doc.state === 'final';
  if (doc.deleted) {
    return isOwner || isAdmin ? { ...NONE, canRead: true, canManage: isOwner } : NONE;
  }
  if (!isWriter && !isAdmin && !isAssignee && !wasAssignee && !isClerkOnFinal) return NONE;
  return {
    canRead: true,
    // An admin reads everything but never edits others' bodies; reviewers never edit.
    canEdit: isWriter && EDITABLE_STATES.includes(doc.state),
    canManage: isOwner,
    canComment: isWriter || isAssignee || wasAssignee,
    canStartThreads: isAssignee,
    canResolveThreads: isWriter || isAssignee,
    canReadComments: isWriter || isAssignee || wasAssignee || isAdmin,
  };
}
