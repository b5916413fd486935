import type { DocumentDetail, UpdateDocumentRequest, User } from '../../shared/api';
import type { Audit } from '../services';
import type { CollabGate } from '../review/collabGate';
import type { InboxNotifier } from '../events/inboxNotifier';
import type { DocumentStore } from './documentStore';

export interface DocumentUpdaterDeps {
  documents: DocumentStore;
  gate: Pick<CollabGate, 'recordEditor' | 'announceChange'>;
  inbox: Pick<InboxNotifier, 'documentChanged'>;
  audit: Audit;
}

/**
 * Changes a piece's title or properties (the store checks the user may edit): records the user as
 * an editor of this revision, tells open copies and the people whose lists show the piece, audits
 * `document.update` with the names of the fields, and returns the piece as the user now sees it.
 */
export class DocumentUpdater {
  constructor(private readonly deps: DocumentUpdaterDeps) {}

  async update(user: User, id: string, changes: UpdateDocumentRequest): Promise<DocumentDetail> {
    const { documents, gate, inbox, audit } = this.deps;
    await documents.update(user, id, changes);
    await gate.recordEditor(id, user.id);
    gate.announceChange(id);
    await inbox.documentChanged(id);
    await audit(user.id, 'document.update', id, { fields: Object.keys(changes) });
    return documents.detail(user, id);
  }
}
