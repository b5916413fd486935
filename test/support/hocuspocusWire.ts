/** Hocuspocus messages built by hand and a bare WebSocket, to send the server what no provider would. */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

/** Hocuspocus wire format: document name, message type, payload. */
export function hocuspocusMessage(documentName: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, documentName);
  write(e);
  return encoding.toUint8Array(e);
}

export const authMessage = (name: string, token: string): Uint8Array => hocuspocusMessage(name, (e) => {
  encoding.writeVarUint(e, 2); // Auth
  encoding.writeVarUint(e, 0); // Token
  encoding.writeVarString(e, token);
});

export const updateMessage = (name: string, update: Uint8Array): Uint8Array => hocuspocusMessage(name, (e) => {
  encoding.writeVarUint(e, 0); // Sync
  encoding.writeVarUint(e, 2); // Update
  encoding.writeVarUint8Array(e, update);
});

/** Sync step 1 with an empty state vector: asks for the whole document. */
export const syncStep1 = (name: string): Uint8Array => hocuspocusMessage(name, (e) => {
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint8Array(e, new Uint8Array([0]));
});

/**
 * The reason of each Hocuspocus `permission-denied` auth reply among `received` (message type 2 Auth,
 * then 1 PermissionDenied, then the reason as a string), in order.
 */
export function deniedReasons(received: readonly Uint8Array[]): string[] {
  return received.flatMap((message) => {
    try {
      const d = decoding.createDecoder(message);
      decoding.readVarString(d);
      if (decoding.readVarUint(d) !== 2 || decoding.readVarUint(d) !== 1) return [];
      return [decoding.readVarString(d)];
    } catch {
      return [];
    }
  });
}

export interface RawSocket {
  ws: WebSocket;
  /** Resolves with the close code. */
  closed: Promise<number>;
  /** Resolves with the close code and the reason the server's close frame carried. */
  closeFrame: Promise<{ code: number; reason: string }>;
  received: Uint8Array[];
}

export async function rawSocket(wsUrl: string): Promise<RawSocket> {
  const ws = new WebSocket(wsUrl);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closeFrame = new Promise<{ code: number; reason: string }>((r) => ws.on('close', (code, reason) => r({ code, reason: reason.toString('utf8') })));
  const closed = closeFrame.then(({ code }) => code);
  await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
  return { ws, closed, closeFrame, received };
}
