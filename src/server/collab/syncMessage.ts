import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { MessageType } from '@hocuspocus/server';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update an incoming Hocuspocus message carries (sync step 2 or update, in a sync message or a
 * sync reply: Hocuspocus applies both alike, though providers send only the first), or null for any
 * other message (awareness, step 1, auth, stateless). Throws on a message too malformed to read.
 */
export function readIncomingUpdate(raw: Uint8Array): Uint8Array | null {
  const decoder = updateDecoder(raw);
  return decoder && decoding.readVarUint8Array(decoder);
}

/** A decoder over `raw` at its update's length prefix, or null when it carries no update. */
function updateDecoder(raw: Uint8Array): decoding.Decoder | null {
  const decoder = decoding.createDecoder(raw);
  decoding.readVarString(decoder);
  const type = decoding.readVarUint(decoder);
  if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
  const syncType = decoding.readVarUint(decoder);
  return syncType === SYNC_STEP_2 || syncType === SYNC_UPDATE ? decoder : null;
}

/**
 * Takes an incoming sync message that carries an update (sync step 2 or update) away from Hocuspocus,
 * in place: the bytes after the document name become a stateless message with an empty payload, which
 * Hocuspocus hands to its `onStateless` hook (no extension here has one) and answers with nothing; the
 * old bytes after it are never read. For an update the server has applied itself and acknowledges
 * itself once it is durable: Hocuspocus would otherwise decode and integrate it again and acknowledge it
 * when the hook returns, and a connection's next message waits for that (Hocuspocus handles one
 * message of a connection at a time), so every keystroke of a writer typing fast would wait for the
 * commit of the one before. Returns false, the message untouched, for one that carries no update.
 */
export function takeOverIncomingUpdate(raw: Uint8Array): boolean {
  const decoder = decoding.createDecoder(raw);
  decoding.readVarString(decoder);
  const typeAt = decoder.pos;
  if (!updateDecoder(raw)) return false;
  // At least five bytes follow the name (type, sync type, length, an update of two or more bytes);
  // a stateless message with an empty payload takes two: its type and the payload's length, 0.
  raw[typeAt] = MessageType.Stateless;
  raw[typeAt + 1] = 0;
  return true;
}

/** True for an update that changes nothing (no structs, no deletions), as a sync reply often is. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/** An incoming update as Yjs decodes it: its structs and its delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/**
 * The server's check of an incoming update, as cheap as it can be while refusing all that applying
 * it alone to a scratch document refuses. Returns the decoded update (read again by the authorship
 * check, suggestionAuthorship.ts), or null for one that changes nothing; throws on one that is not
 * well-formed Yjs. Decoding reads every struct, its content and the delete set. Only an update
 * holding a client's structs from clock 0 needs the scratch document as well: an empty document
 * integrates nothing of a client whose first struct is later (Yjs sets the whole client aside as
 * pending), so for those — every keystroke after a client's first — decoding is all the scratch
 * document would have checked.
 */
export function inspectIncomingUpdate(update: Uint8Array): DecodedUpdate | null {
  const decoded = Y.decodeUpdate(update);
  if (decoded.structs.length === 0) return decoded.ds.clients.size === 0 ? null : decoded;
  if (decoded.structs.some((struct) => struct.id.clock === 0)) assertWellFormedUpdate(update);
  return decoded;
}

/**
 * Throws when the update is not a well-formed Yjs update: applied alone to a scratch document. The
 * scratch document gets a fixed guid: Yjs draws a new one from crypto.getRandomValues character by
 * character, which made `new Y.Doc()` cost about 100 µs where this costs 4 (measured here).
 */
export function assertWellFormedUpdate(update: Uint8Array): void {
  const scratch = new Y.Doc({ guid: 'scratch' });
  try {
    Y.applyUpdate(scratch, update);
  } finally {
    scratch.destroy();
  }
}
