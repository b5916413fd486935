/** Hocuspocus messages built by hand and a bare WebSocket, to send the server what no provider would. */
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';

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

export interface RawSocket { ws: WebSocket; closed: Promise<number>; received: Uint8Array[] }

export async function rawSocket(wsUrl: string): Promise<RawSocket> {
  const ws = new WebSocket(wsUrl);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
  await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
  return { ws, closed, received };
}
