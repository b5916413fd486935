/**
 * Who wrote each 修订 is what the server knows. A suggestion carries its author's id and name (on a
 * SuggestionNode's properties, in a text node's deletion mark, on a paragraph's split, join or level
 * suggestion); a client writes them, so a modified client could name a colleague. The server reads
 * the metas an incoming body update would leave in the document, straight from the decoded update
 * (no Lexical read, so it costs microseconds and runs for every writer, draft or review), and lets
 * it through only when each one names the sender by id and name (or a name the sender had), or is one
 * this document holds or has held (in memory while loaded, and in the stored history,
 * suggestionHistory.ts) with the same id, author, name, time and kind: text re-partitioned around a
 * colleague's mark, a colleague's insertion split by Enter, an undone reject.
 *
 * What it does not judge: how much text a colleague's existing mark covers. In review the holder's
 * updates also go through the full suggestion rule (suggestionRule.ts), which does.
 */
import * as Y from 'yjs';
import type { DecodedUpdate as Decoded } from './syncMessage';
import { metaKey, sameMeta, type KindedMeta, type SuggestionHistoryLookup } from './suggestionHistory';
import { parseSuggestionMeta, type SuggestionKind } from '../../core/suggestions/types';

/** The sender of an update, as the server authenticated them. */
export interface Writer {
  id: string;
  name: string;
  /** Names the user had earlier (renamed while a page of theirs stayed open): still theirs. */
  formerNames?: ReadonlySet<string>;
}

/** Whether `meta` names `writer`: their id, and their name now or one they had. */
function namesWriter(meta: KindedMeta, writer: Writer): boolean {
  return meta.authorId === writer.id && (meta.authorName === writer.name || (writer.formerNames?.has(meta.authorName) ?? false));
}

const ALL_KINDS: readonly SuggestionKind[] = ['insert', 'delete', 'split', 'join', 'level'];
/** Properties whose value is a whole meta (a text node's `__state` map holds `deletion`). */
const OBJECT_KEYS: Readonly<Record<string, SuggestionKind>> = {
  deletion: 'delete', __suggestedSplit: 'split', __suggestedJoin: 'join', __suggestedLevel: 'level',
};
/** The SuggestionNode properties that make up its meta, one Yjs map entry each. */
const ELEMENT_KEYS = new Set(['__type', '__id', '__kind', '__authorId', '__authorName', '__at']);

type DecodedItem = Y.Item & { parent: Y.ID | string | null; parentSub: string | null };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its parents so
type YType = Y.AbstractType<any>;

const idKey = (id: Y.ID): string => `${id.client}:${id.clock}`;

function elementMeta(values: ReadonlyMap<string, unknown>): KindedMeta | null {
  if (values.get('__type') !== 'suggestion') return null;
  const meta = parseSuggestionMeta({
    id: values.get('__id'), authorId: values.get('__authorId'), authorName: values.get('__authorName'), at: values.get('__at'),
  });
  return meta ? { ...meta, kind: values.get('__kind') === 'delete' ? 'delete' : 'insert' } : null;
}

/** The current value of `key` in a live type's map, or undefined. */
function liveValue(type: YType, key: string): unknown {
  const item = type._map.get(key);
  if (!item || item.deleted || !(item.content instanceof Y.ContentAny)) return undefined;
  return item.content.getContent()[0];
}

/** Every suggestion meta `doc` holds now. */
export function metasOfDoc(doc: Y.Doc): KindedMeta[] {
  const found: KindedMeta[] = [];
  for (const structs of doc.store.clients.values()) {
    for (const struct of structs) {
      if (!(struct instanceof Y.Item) || struct.deleted) continue;
      const { content } = struct;
      if (content instanceof Y.ContentAny && struct.parentSub !== null && struct.parentSub in OBJECT_KEYS) {
        const meta = parseSuggestionMeta(content.getContent()[0]);
        if (meta) found.push({ ...meta, kind: OBJECT_KEYS[struct.parentSub] });
      } else if (content instanceof Y.ContentType && content.type._map.has('__type')) {
        const { type } = content;
        const meta = elementMeta(new Map([...ELEMENT_KEYS].map((key) => [key, liveValue(type, key)])));
        if (meta) found.push(meta);
      }
    }
  }
  return found;
}

/** Whether `item` writes a value that may be part of a meta: a string, or an object. */
function carriesMeta(item: Y.Item): item is Y.Item & { content: Y.ContentAny } {
  if (!(item.content instanceof Y.ContentAny)) return false;
  const value: unknown = item.content.arr[0];
  return typeof value === 'string' || (typeof value === 'object' && value !== null);
}

const MISSING = Symbol('missing');
const GONE = Symbol('gone');
/** A parent: a live type, or the id (`client:clock`) of one the update creates, or a root's name. */
type Parent = { key: YType | string; live: YType | null };

/**
 * Where the map entries of one decoded update go, read against the live document. Most updates hold
 * no map entry that can carry a meta: only an entry's key is looked up (its own, or that of the entry
 * it overwrites), and its parent only for the few keys that matter.
 */
class UpdateReading {
  private readonly byClient = new Map<number, DecodedItem[]>();
  private readonly keys = new Map<DecodedItem, string | null | typeof MISSING | typeof GONE>();

  constructor(readonly items: readonly DecodedItem[], private readonly live: Y.Doc) {
    for (const item of items) {
      const list = this.byClient.get(item.id.client);
      if (list) list.push(item);
      else this.byClient.set(item.id.client, [item]);
    }
  }

  /** The update's item holding `id` (each client's items are in clock order). */
  private localAt(id: Y.ID): DecodedItem | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const item = list[mid];
      if (id.clock < item.id.clock) high = mid - 1;
      else if (id.clock >= item.id.clock + item.length) low = mid + 1;
      else return item;
    }
    return undefined;
  }

  /** The document's struct holding `id`; MISSING when it has none (the update builds on what is missing). */
  private liveAt(id: Y.ID): Y.Item | typeof MISSING | typeof GONE {
    const structs = this.live.store.clients.get(id.client);
    if (!structs || id.clock >= Y.getState(this.live.store, id.client)) return MISSING;
    const struct = structs[Y.findIndexSS(structs, id.clock)];
    // A collected struct: its parent is gone, and so is anything placed in it.
    return struct instanceof Y.Item ? struct : GONE;
  }

  /** The map key `item` sets (null in a sequence); a map entry's neighbour is the entry it overwrites. */
  keyOf(item: DecodedItem, depth = 0): string | null | typeof MISSING | typeof GONE {
    const known = this.keys.get(item);
    if (known !== undefined) return known;
    let key: string | null | typeof MISSING | typeof GONE;
    if (item.parent !== null) key = item.parentSub;
    else {
      const neighbour = item.origin ?? item.rightOrigin;
      const local = neighbour ? this.localAt(neighbour) : undefined;
      if (!neighbour || depth > 10_000) key = MISSING;
      else if (local) key = this.keyOf(local, depth + 1);
      else {
        const struct = this.liveAt(neighbour);
        key = struct === MISSING || struct === GONE ? struct : struct.parentSub;
      }
    }
    this.keys.set(item, key);
    return key;
  }

  /** The parent `item` goes into; MISSING or GONE as for keyOf. */
  parentOf(item: DecodedItem, depth = 0): Parent | typeof MISSING | typeof GONE {
    const { parent } = item;
    if (typeof parent === 'string') {
      const type = this.live.share.get(parent) ?? null;
      return { key: type ?? `root:${parent}`, live: type };
    }
    if (parent !== null) {
      if (this.localAt(parent)) return { key: idKey(parent), live: null };
      const holder = this.liveAt(parent);
      if (holder === MISSING || holder === GONE) return holder;
      if (holder.deleted) return GONE;
      if (!(holder.content instanceof Y.ContentType)) return MISSING;
      const type = holder.content.type as YType;
      return { key: type, live: type };
    }
    const neighbour = item.origin ?? item.rightOrigin;
    const local = neighbour ? this.localAt(neighbour) : undefined;
    if (!neighbour || depth > 10_000) return MISSING;
    if (local) return this.parentOf(local, depth + 1);
    const struct = this.liveAt(neighbour);
    if (struct === MISSING || struct === GONE) return struct;
    const type = struct.parent as YType;
    return { key: type, live: type };
  }
}

/**
 * The suggestion metas `decoded` would set in `live`, or null when the update cannot be judged (a
 * map entry follows an item neither the update nor the document holds: Yjs would keep it pending and
 * integrate it later, unjudged).
 */
export function metasOfUpdate(decoded: Decoded, live: Y.Doc): KindedMeta[] | null {
  // A meta's parts are strings (an element's properties) or objects (a mark): an update that writes
  // only text, numbers and nulls (formats, indents, the caret's format) carries none.
  let candidates = 0;
  for (const struct of decoded.structs) if (struct instanceof Y.Item && carriesMeta(struct)) candidates += 1;
  if (candidates === 0) return [];
  const reading = new UpdateReading(decoded.structs.filter((s): s is DecodedItem => s instanceof Y.Item), live);
  const metas: KindedMeta[] = [];
  const elements = new Map<Parent['key'], { live: YType | null; values: Map<string, unknown> }>();
  for (const item of reading.items) {
    if (!carriesMeta(item)) continue;
    const key = reading.keyOf(item);
    if (key === MISSING) return null;
    if (key === GONE || key === null) continue;
    const isObject = key in OBJECT_KEYS;
    if (!isObject && !ELEMENT_KEYS.has(key)) continue;
    const value: unknown = item.content.getContent()[0];
    if (isObject) {
      const meta = parseSuggestionMeta(value);
      if (meta) metas.push({ ...meta, kind: OBJECT_KEYS[key] });
      continue;
    }
    const parent = reading.parentOf(item);
    if (parent === MISSING) return null;
    if (parent === GONE) continue;
    let element = elements.get(parent.key);
    if (!element) elements.set(parent.key, element = { live: parent.live, values: new Map() });
    element.values.set(key, value);
  }
  for (const { live: type, values: set } of elements.values()) {
    const merged = new Map([...ELEMENT_KEYS].map((key) => [key, set.has(key) ? set.get(key) : type ? liveValue(type, key) : undefined]));
    const meta = elementMeta(merged);
    if (meta) metas.push(meta);
  }
  return metas;
}

/**
 * The server's memory of the suggestions each loaded body holds or held (so an undone reject may bring
 * a colleague's suggestion back), backed by the stored history of every body (suggestionHistory.ts),
 * and its verdict on an incoming update's authorship.
 */
export class SuggestionAuthorship {
  private readonly known = new Map<string, Map<string, KindedMeta>>();

  constructor(private readonly history?: SuggestionHistoryLookup) {}

  /**
   * True when every suggestion meta `decoded` would leave in `live` names `writer` (and reuses no
   * colleague's id), or is one the document holds or held. Reads the stored history only for a
   * colleague's meta neither the document nor the memory holds. An allowed update's metas are remembered.
   */
  allows(documentName: string, live: Y.Doc, decoded: Decoded, writer: Writer | null): boolean | Promise<boolean> {
    const first = this.judge(documentName, live, decoded, writer);
    if (first === true) return true;
    if (first === null || !this.history) return false;
    // Answered at once almost always; only this rare case waits for the database.
    return this.history.find(documentName, first.map(metaKey)).then((held) => {
      this.learn(documentName, held);
      return this.judge(documentName, live, decoded, writer) === true;
    });
  }

  /** Forgets a document (unloaded): its next update reads the stored body afresh. */
  forget(documentName: string): void {
    this.known.delete(documentName);
  }

  /** True, or the metas that fit nothing known (null: the update cannot be judged). */
  private judge(documentName: string, live: Y.Doc, decoded: Decoded, writer: Writer | null): true | KindedMeta[] | null {
    // Before the first deletion, remember what the document holds: an undone reject brings it back.
    if (decoded.ds.clients.size > 0 && !this.known.has(documentName)) this.remember(documentName, metasOfDoc(live));
    const metas = metasOfUpdate(decoded, live);
    if (metas === null) return null;
    if (metas.length === 0) return true;
    const fits = (meta: KindedMeta, memory: Map<string, KindedMeta>): boolean => {
      const same = memory.get(metaKey(meta));
      if (same && sameMeta(same, meta)) return true;
      // Otherwise it must be the writer's own, under an id no colleague's suggestion has.
      if (writer === null || !namesWriter(meta, writer)) return false;
      return ALL_KINDS.every((kind) => (memory.get(metaKey({ kind, id: meta.id }))?.authorId ?? writer.id) === writer.id);
    };
    const known = this.known.get(documentName);
    if (!known || !metas.every((meta) => fits(meta, known))) {
      // Read the document afresh: it may hold what arrived from another instance meanwhile.
      const fresh = this.remember(documentName, metasOfDoc(live));
      const unknown = metas.filter((meta) => !fits(meta, fresh));
      if (unknown.length > 0) return unknown;
    }
    this.remember(documentName, metas);
    return true;
  }

  /** Adds metas read from the stored history (not stored again). */
  private learn(documentName: string, metas: readonly KindedMeta[]): void {
    let known = this.known.get(documentName);
    if (!known) this.known.set(documentName, known = new Map());
    for (const meta of metas) if (!known.has(metaKey(meta))) known.set(metaKey(meta), meta);
  }

  /** Remembers metas the document holds or an allowed update brought, and stores the new ones. */
  private remember(documentName: string, metas: readonly KindedMeta[]): Map<string, KindedMeta> {
    let known = this.known.get(documentName);
    if (!known) this.known.set(documentName, known = new Map());
    const added: KindedMeta[] = [];
    for (const meta of metas) {
      const was = known.get(metaKey(meta));
      if (!was || !sameMeta(was, meta)) added.push(meta);
      known.set(metaKey(meta), meta);
    }
    this.history?.add(documentName, added);
    return known;
  }
}

/**
 * The suggestions of the body `state` that name someone other than `writer` and that `reference`
 * (the body it was copied from) does not hold as they are: what a rescued offline copy must not
 * bring in under a colleague's name. Reads both bodies whole: run it in the worker pool.
 */
export function unknownForeignMetas(state: Uint8Array, reference: Uint8Array, writer: Writer): KindedMeta[] {
  const read = (bytes: Uint8Array): KindedMeta[] => {
    const doc = new Y.Doc({ guid: 'authorship' });
    try {
      Y.applyUpdate(doc, bytes);
      return metasOfDoc(doc);
    } finally {
      doc.destroy();
    }
  };
  const held = read(reference);
  return read(state).filter((meta) => !namesWriter(meta, writer) && !held.some((known) => sameMeta(known, meta)));
}
