import type { User } from '../../shared/api';
import { rowProperties, type DocumentStore } from '../documents/documentStore';
import type { BodyStore } from '../collab/bodyStore';
import { assertWellFormedUpdate } from '../collab/syncMessage';
import { metaKey, sameMeta, type SuggestionHistoryLookup } from '../collab/suggestionHistory';
import type { HeavyWork } from '../work/heavyWork';
import { DeskError, forbidden } from '../errors';
import type { Audit } from '../services';

export interface OfflineRescuerDeps {
  documents: DocumentStore;
  bodies: BodyStore;
  audit: Audit;
  /** Where both bodies are read whole, off the event loop. */
  work: Pick<HeavyWork, 'run'>;
  /** The suggestions the original has held: one a colleague made there, since removed, may come back with the copy. */
  suggestionHistory?: Pick<SuggestionHistoryLookup, 'find'>;
  /** The names a user has been seen under (a copy made before a rename carries the old one). */
  formerNames?: (userId: string) => ReadonlySet<string>;
}

/**
 * Keeps edits the server refused (typed offline while the piece went into review) as a separate
 * draft owned by their writer, linked to the original: nothing typed is lost silently. Only the
 * piece's writers may rescue; a state that is not Yjs is refused, and so is one holding 修订 under a
 * colleague's name that the original neither holds nor has held. Audited as `document.rescue`.
 */
export class OfflineRescuer {
  constructor(private readonly deps: OfflineRescuerDeps) {}

  async rescue(user: User, documentId: string, stateBase64: string): Promise<{ id: string; title: string }> {
    const { documents, bodies, audit } = this.deps;
    const { row, collaboratorIds } = await documents.load(user, documentId);
    if (row.owner_id !== user.id && !collaboratorIds.includes(user.id)) throw forbidden('只有撰稿人和协作者可以保存自己的离线修改');
    const state = new Uint8Array(Buffer.from(stateBase64, 'base64'));
    try {
      assertWellFormedUpdate(state);
    } catch {
      throw new DeskError('bad_request', '离线修改的数据已损坏，无法保存');
    }
    const unknown = await this.deps.work.run('foreignSuggestions', {
      state, reference: await bodies.currentState(documentId),
      writer: { id: user.id, name: user.displayName, formerNames: this.deps.formerNames?.(user.id) },
    });
    const held = await this.deps.suggestionHistory?.find(documentId, unknown.map(metaKey)) ?? [];
    const foreign = unknown.filter((meta) => !held.some((known) => sameMeta(known, meta)));
    if (foreign.length > 0) {
      throw new DeskError('bad_request', `离线修改中有署名为${foreign[0].authorName}的修订，原稿中并没有这处修订，无法另存。请联系管理员。`);
    }
    const title = `${row.title}（离线修改）`.slice(0, 200);
    const id = await documents.create(user, { title, kind: row.kind, properties: rowProperties(row), sourceDocumentId: documentId });
    await bodies.seedState(id, state);
    await audit(user.id, 'document.rescue', id, { from: documentId });
    return { id, title };
  }
}
