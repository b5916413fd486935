import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import type { YjsStore } from './yjsStore';
import { encodeSeedBody, type BodySeedBlock } from '../../core/editor/headless';
import type { HeavyWork } from '../work/heavyWork';
import type { CanonicalReading, ContentFields } from '../work/heavyTasks';
import { sha256Base64 } from '../digest';
import { traced } from '../diagnostics/loopTrace';


/** Readings kept, most recently used last: headless Lexical takes ~4 ms per 1,000 characters. */
const READINGS_KEPT = 32;

/** Keeps the last `READINGS_KEPT` values computed for a key; a key asked for again moves to the end. */
class Recent<T> {
  private readonly values = new Map<string, T>();

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const found = this.values.get(key);
    this.values.delete(key);
    const value = found ?? await compute();
    this.values.set(key, value);
    if (this.values.size > READINGS_KEPT) this.values.delete(this.values.keys().next().value ?? '');
    return value;
  }
}

/**
 * Document bodies as the rest of the server sees them: seeded once at creation (only the server
 * bootstraps content, never two clients at once), and read as the live state when the document is
 * open in the collaboration server, else as stored. Headless Lexical runs in the worker pool.
 */
export class BodyStore {
  private readonly readings = new Recent<string>();
  private readonly canonicals = new Recent<CanonicalReading>();
  private readonly changes = new WeakMap<Y.Doc, { token: string; count: number }>();

  constructor(private readonly store: YjsStore, private readonly collab: () => Hocuspocus, private readonly work: HeavyWork) {}

  async seed(documentName: string, blocks: readonly BodySeedBlock[]): Promise<void> {
    await this.seedState(documentName, await this.work.run('seedBody', blocks));
  }

  /** Stores a new body already encoded (by the `seedBody` or `importDocx` task). */
  async seedState(documentName: string, state: Uint8Array): Promise<void> {
    await this.store.compact(documentName, state, 0);
  }

  /**
   * The body as the collaboration server holds it while the piece is open (loaded), else null. Read
   * it only, on the spot: it changes with every edit, and is unloaded when the last copy closes.
   */
  liveDocument(documentName: string): Y.Doc | null {
    const live = this.collab().documents.get(documentName);
    return live && !live.isLoading ? live : null;
  }

  /**
   * The live state when open, else the stored one, else `empty` (an empty body by default). A stored
   * snapshot with logged updates is merged in the worker pool (on the loop only if the pool refuses).
   */
  async currentState(documentName: string, empty?: Uint8Array): Promise<Uint8Array> {
    const live = this.liveDocument(documentName);
    if (live) return traced('body:encode live state', () => Y.encodeStateAsUpdate(live));
    const { updates } = await this.store.load(documentName);
    if (updates.length === 0) return empty ?? encodeSeedBody([]);
    if (updates.length === 1) return updates[0];
    return this.work.run('mergeUpdates', updates).catch(() => Y.mergeUpdates(updates));
  }

  /**
   * Reads the current body through headless Lexical, as the JSON text of `{text, json}` (its plain
   * text, one line per paragraph, and Lexical JSON). Readings are cached by the exact bytes of the
   * state, so a client asking again for an unchanged piece does not read it again.
   */
  async readJson(documentName: string): Promise<string> {
    const live = this.liveDocument(documentName);
    if (live) {
      // An open document is keyed by its own change count: an unchanged one is neither encoded nor hashed again.
      return this.readings.get(this.changeKey(live), () => this.work.run('readBodyJson', Y.encodeStateAsUpdate(live)));
    }
    const state = await this.currentState(documentName);
    return this.readings.get(stateKey(state), () => this.work.run('readBodyJson', state));
  }

  /** `live:<this Y.Doc's own token>:<updates it has applied>`, counted from the first read. */
  private changeKey(live: Y.Doc): string {
    let counter = this.changes.get(live);
    if (!counter) {
      const made = { token: randomUUID(), count: 0 };
      live.on('update', () => { made.count += 1; });
      this.changes.set(live, made);
      counter = made;
    }
    return `live:${counter.token}:${counter.count}`;
  }

  /**
   * The canonical content of the current body with the document's `fields`, and its hash: cached
   * like readings, so that the header's polling of an unchanged piece reads nothing again.
   */
  async canonical(documentName: string, fields: ContentFields): Promise<{ state: Uint8Array } & CanonicalReading> {
    const state = await this.currentState(documentName);
    const key = `${stateKey(state)} ${JSON.stringify(fields)}`;
    return { state, ...await this.canonicals.get(key, () => this.work.run('canonicalContent', { state, fields })) };
  }
}

function stateKey(state: Uint8Array): string {
  return sha256Base64(state);
}
