import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import type { SerializedEditorState } from 'lexical';
import type { Hocuspocus } from '@hocuspocus/server';
import type { YjsStore } from './yjsStore';
import { encodeSeedBody, type BodySeedBlock } from '../../core/editor/headless';
import type { HeavyWork } from '../work/heavyWork';

/** A body as headless Lexical reads it, with the Yjs state it was read from. */
export interface BodyRead { state: Uint8Array; text: string; json: SerializedEditorState }

/** Readings kept, most recently used last: headless Lexical takes ~4 ms per 1,000 characters. */
const READINGS_KEPT = 32;

/**
 * Document bodies as the rest of the server sees them: seeded once at creation (only the server
 * bootstraps content, never two clients at once), and read as the live state when the document is
 * open in the collaboration server, else as stored. Headless Lexical runs in the worker pool.
 */
export class BodyStore {
  private readonly readings = new Map<string, Omit<BodyRead, 'state'>>();

  constructor(private readonly store: YjsStore, private readonly collab: () => Hocuspocus, private readonly work: HeavyWork) {}

  async seed(documentName: string, blocks: readonly BodySeedBlock[]): Promise<void> {
    await this.seedState(documentName, await this.work.run('seedBody', blocks));
  }

  /** Stores a new body already encoded (by the `seedBody` or `importDocx` task). */
  async seedState(documentName: string, state: Uint8Array): Promise<void> {
    await this.store.compact(documentName, state, 0);
  }

  /** The live state when open, else the stored one, else `empty` (an empty body by default). */
  async currentState(documentName: string, empty?: Uint8Array): Promise<Uint8Array> {
    const live = this.collab().documents.get(documentName);
    if (live && !live.isLoading) return Y.encodeStateAsUpdate(live);
    const { updates } = await this.store.load(documentName);
    return updates.length > 0 ? Y.mergeUpdates(updates) : empty ?? encodeSeedBody([]);
  }

  /**
   * Reads the current body through headless Lexical. Readings are cached by the exact bytes of the
   * state, so a header polling an unchanged piece does not read it again.
   */
  async read(documentName: string): Promise<BodyRead> {
    const state = await this.currentState(documentName);
    const key = createHash('sha256').update(state).digest('base64');
    const cached = this.readings.get(key);
    this.readings.delete(key);
    const reading = cached ?? await this.work.run('readBody', state);
    this.readings.set(key, reading);
    if (this.readings.size > READINGS_KEPT) this.readings.delete(this.readings.keys().next().value ?? '');
    return { state, ...reading };
  }
}
