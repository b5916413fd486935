import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

const MESSAGE_SYNC = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/**
 * The Yjs update an incoming Hocuspocus message carries (sync step 2 or update), or null for any other
 * message (awareness, step 1, auth, stateless). Throws on a message too malformed to read.
 */
export function readIncomingUpdate(raw: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(raw);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return null;
  const syncType = decoding.readVarUint(decoder);
  if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return null;
  return decoding.readVarUint8Array(decoder);
}

/** True for an update that changes nothing (no structs, no deletions), as a sync reply often is. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  return structs.length === 0 && ds.clients.size === 0;
}

/** Throws when the update is not a well-formed Yjs update: applied alone to a scratch document. */
export function assertWellFormedUpdate(update: Uint8Array): void {
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, update);
  } finally {
    scratch.destroy();
  }
}
