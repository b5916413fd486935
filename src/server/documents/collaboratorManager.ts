import type { DocumentDetail, User } from '../../shared/api';
import type { Audit } from '../services';
import type { InboxNotifier } from '../events/inboxNotifier';
import type { DocumentStore } from './documentStore';

export interface CollaboratorManagerDeps {
  documents: DocumentStore;
  inbox: Pick<InboxNotifier, 'documentChanged'>;
  audit: Audit;
}

/**
 * Adds and removes a piece's collaborators (the store checks the user may manage it): the person
 * concerned hears of it, the change is audited, and the piece comes back as the user now sees it.
 */
export class CollaboratorManager {
  constructor(private readonly deps: CollaboratorManagerDeps) {}

  async add(user: User, id: string, userId: string): Promise<DocumentDetail> {
    await this.deps.documents.addCollaborator(user, id, userId);
    return this.changed(user, id, userId, 'document.collaborator.add');
  }

  async remove(user: User, id: string, userId: string): Promise<DocumentDetail> {
    await this.deps.documents.removeCollaborator(user, id, userId);
    return this.changed(user, id, userId, 'document.collaborator.remove');
  }

  private async changed(user: User, id: string, userId: string, action: string): Promise<DocumentDetail> {
    await this.deps.inbox.documentChanged(id, [userId]);
    await this.deps.audit(user.id, action, id, { userId });
    return this.deps.documents.detail(user, id);
  }
}
