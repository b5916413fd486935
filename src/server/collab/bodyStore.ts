import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import type { YjsStore } from './yjsStore';
import { encodeSeedBody, type BodySeedBlock } from '../../core/editor/headless';

/**
 * Document bodies as the rest of the server sees them: seeded once at creation (only the server
 * bootstraps content, never two clients at once), and read as the live state when the document is
 * open in the collaboration server, else as stored.
 */
export class BodyStore {
  constructor(private readonly store: YjsStore, private readonly collab: () => Hocuspocus) {}

  async seed(documentName: string, blocks: readonly BodySeedBlock[]): Promise<void> {
    await this.store.compact(documentName, encodeSeedBody(blocks), 0);
  }

  /** The live state when open, else the stored one, else `empty` (an empty body by default). */
  async currentState(documentName: string, empty?: Uint8Array): Promise<Uint8Array> {
    const live = this.collab().documents.get(documentName);
    if (live && !live.isLoading) return Y.encodeStateAsUpdate(live);
    const { updates } = await this.store.load(documentName);
    return updates.length > 0 ? Y.mergeUpdates(updates) : empty ?? encodeSeedBody([]);
  }
}
