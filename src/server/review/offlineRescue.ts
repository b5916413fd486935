import type { User } from '../../shared/api';
import { rowProperties, type DocumentStore } from '../documents/documentStore';
import type { YjsStore } from '../collab/yjsStore';
import { assertWellFormedUpdate } from '../collab/syncMessage';
import { DeskError, forbidden } from '../http/errors';

/**
 * Keeps edits the server refused (typed offline while the piece went into review) as a separate
 * draft owned by their writer, linked to the original: nothing typed is lost silently.
 */
export async function rescueOfflineEdits(
  // `db` is no longer read (the store links the draft); kept so the route's call stays valid.
  deps: { documents: DocumentStore; yjsStore: YjsStore; db?: unknown },
  user: User, documentId: string, stateBase64: string,
): Promise<{ id: string; title: string }> {
  const { row, collaboratorIds } = await deps.documents.load(user, documentId);
  if (row.owner_id !== user.id && !collaboratorIds.includes(user.id)) throw forbidden('只有撰稿人和协作者可以保存自己的离线修改');
  const state = new Uint8Array(Buffer.from(stateBase64, 'base64'));
  try {
    assertWellFormedUpdate(state);
  } catch {
    throw new DeskError('bad_request', '离线修改的数据已损坏，无法保存');
  }
  const title = `${row.title}（离线修改）`.slice(0, 200);
  const id = await deps.documents.create(user, { title, kind: row.kind, properties: rowProperties(row), sourceDocumentId: documentId });
  await deps.yjsStore.compact(id, state, 0);
  return { id, title };
}
