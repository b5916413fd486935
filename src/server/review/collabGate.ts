import type { Hocuspocus } from '@hocuspocus/server';
import type { DocumentStore } from '../documents/documentStore';
import { COMMENTS_CHANGED, DOCUMENT_CHANGED, encodeCollabMessage } from '../../shared/collabMessages';
import { contextUser } from '../collab/documentNames';
import type { TransitionLog } from './transitionLog';
import { isSuggestionHolder } from './suggestionAuthority';

interface ConnectionLike { readOnly: boolean; context: unknown; sendStateless(payload: string): void }

/**
 * The other instances of the desk server (several behind a balancer; src/server/cluster). Unset on a
 * single instance: then nothing here costs more than before.
 */
export interface GatePeers {
  /** Locks the body on every other instance; resolves once each has locked it and stored what it had accepted (or a timeout passed). */
  lock(documentId: string): Promise<void>;
  /** Tells every other instance to give its connections their rights again (and to count edits afresh). */
  refresh(documentId: string): void;
  /** Sends a stateless message to the connections of the piece on every other instance. */
  announce(documentId: string, payload: string): void;
  /** The users with the piece open on the other instances (those that answer in time). */
  openBy(documentId: string): Promise<Array<{ id: string; name: string }>>;
}

/**
 * Keeps open collaboration connections in step with the workflow. A transition first `lock`s the
 * body (every connection read-only at once, and updates still in flight refused), then, once
 * committed, `refresh` gives each connection the rights its user now has. Also records who edited
 * each revision, from the updates the server stored.
 */
export class CollabGate {
  /** Locks held per body: a lock lifts when each transition that took one has refreshed (two may overlap). */
  private readonly locked = new Map<string, number>();
  private readonly editorsSeen = new Set<string>();
  private readonly rightsListeners: Array<(documentId: string) => void> = [];
  private peers: GatePeers | null = null;

  constructor(
    private readonly collab: () => Hocuspocus,
    private readonly documents: DocumentStore,
    private readonly transitions: Pick<TransitionLog, 'recordEditor'>,
  ) {}

  isLocked(documentId: string): boolean {
    return (this.locked.get(documentId) ?? 0) > 0;
  }

  /** Calls `listener` whenever a piece's rights may change: at every lock and every refresh (caches of the row forget it). */
  onRightsChange(listener: (documentId: string) => void): void {
    this.rightsListeners.push(listener);
  }

  /** Several instances: each lock, refresh and announcement reaches the other instances too. */
  joinPeers(peers: GatePeers): void {
    this.peers = peers;
  }

  /** Locks the body here and, with peers, on every instance (resolves once they have locked it). */
  async lock(documentId: string): Promise<void> {
    this.lockHere(documentId);
    if (!this.peers) return;
    try {
      await this.peers.lock(documentId);
    } catch (err) {
      // The transition does not go ahead: nothing stays locked here either.
      await this.refreshHere(documentId);
      throw err;
    }
  }

  /** Locks the body on this instance only (a peer's lock arriving). */
  lockHere(documentId: string): void {
    this.locked.set(documentId, (this.locked.get(documentId) ?? 0) + 1);
    for (const listener of this.rightsListeners) listener(documentId);
    for (const connection of this.connections(documentId)) connection.readOnly = true;
  }

  /** Unlocks and gives each connection its user's rights, here and (with peers) on every instance. */
  async refresh(documentId: string): Promise<void> {
    await this.refreshHere(documentId);
    this.peers?.refresh(documentId);
  }

  /**
   * `refresh` on this instance only (a peer's refresh arriving). Lifts one lock: a body stays locked
   * while another transition's lock is held (a refresh no lock preceded, as after a restore from the
   * 回收站, lifts none).
   */
  async refreshHere(documentId: string): Promise<void> {
    const held = (this.locked.get(documentId) ?? 0) - 1;
    if (held > 0) this.locked.set(documentId, held); else this.locked.delete(documentId);
    for (const listener of this.rightsListeners) listener(documentId);
    for (const connection of this.connections(documentId)) {
      const user = contextUser(connection.context);
      if (!user) continue;
      try {
        const { access, row } = await this.documents.load(user, documentId);
        connection.readOnly = !access.canEdit && !isSuggestionHolder(user, row);
      } catch {
        connection.readOnly = true;
      }
    }
  }

  /** Tells every open copy of the piece that its title, properties or workflow state changed. */
  announceChange(documentId: string): void {
    this.announce(documentId, encodeCollabMessage({ type: DOCUMENT_CHANGED, documentId }));
  }

  /** Tells every open copy of the piece that one of its review threads changed (they fetch the comments again). */
  announceComments(documentId: string, threadId: string): void {
    this.announce(documentId, encodeCollabMessage({ type: COMMENTS_CHANGED, documentId, threadId }));
  }

  /** Who has the piece's body open, by name, other than `exceptId`: here, and with peers on every instance. */
  async openBy(documentId: string, exceptId: string): Promise<string[]> {
    const everyone = [...this.openHere(documentId), ...(this.peers ? await this.peers.openBy(documentId) : [])];
    return [...new Set(everyone.filter((u) => u.id !== exceptId).map((u) => u.name))];
  }

  /** The users with the piece open on this instance only, by id and name (a peer asking). */
  openHere(documentId: string): Array<{ id: string; name: string }> {
    return this.connections(documentId).flatMap((c) => {
      const user = contextUser(c.context);
      return user ? [{ id: user.id, name: user.displayName }] : [];
    });
  }

  /** Sends `payload` to this instance's own connections of the piece (a peer's announcement arriving). */
  sendHere(documentId: string, payload: string): void {
    for (const connection of this.connections(documentId)) connection.sendStateless(payload);
  }

  /** Sends a stateless message to every open copy of the piece (on every instance, with peers). */
  announce(documentId: string, payload: string): void {
    if (!this.peers) {
      this.collab().documents.get(documentId)?.broadcastStateless(payload);
      return;
    }
    // Not broadcastStateless: the Redis extension would relay that to the instances that have the piece
    // open, and they hear it from the peers' announcement already (even those this instance cannot see).
    this.sendHere(documentId, payload);
    this.peers.announce(documentId, payload);
  }

  /** Notes that `userId` edited the body, title or properties in the document's current revision. */
  async recordEditor(documentId: string, userId: string): Promise<void> {
    const key = `${documentId}\u0000${userId}`;
    if (this.editorsSeen.has(key)) return;
    const row = await this.documents.findRow(documentId);
    if (!row) return;
    await this.transitions.recordEditor(documentId, row.revision, userId);
    this.editorsSeen.add(key);
  }

  /** A new revision begins: edits are counted afresh. */
  newRevision(documentId: string): void {
    for (const key of [...this.editorsSeen]) if (key.startsWith(`${documentId}\u0000`)) this.editorsSeen.delete(key);
  }

  private connections(name: string): ConnectionLike[] {
    const document = this.collab().documents.get(name);
    return document ? (document.getConnections() as ConnectionLike[]) : [];
  }
}
