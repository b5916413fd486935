/**
 * HTTP at the socket level, for what fetch hides: a body sent in full whatever the server does
 * meanwhile, and whether the connection ended in a TCP reset before any answer arrived.
 */
import { connect } from 'node:net';

export interface RawOutcome {
  /** The answer's status, or null when none arrived. */
  status: number | null;
  headers: Record<string, string>;
  body: string;
  /** The connection was reset (ECONNRESET/EPIPE) and no answer was read. */
  reset: boolean;
}

/** Sends one request (the whole body, in 64 KB writes) and reads until the server closes. */
export function rawRequest(port: number, method: string, path: string, headers: Record<string, string>, body: Uint8Array = new Uint8Array()): Promise<RawOutcome> {
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', `Content-Length: ${body.length}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  return rawExchange(port, Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]));
}

/** Writes `bytes` as they are (a request no HTTP client would send) and reads until the server closes. */
export function rawExchange(port: number, bytes: Uint8Array): Promise<RawOutcome> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let failed = false;
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', () => { failed = true; });
    socket.on('close', () => {
      const all = Buffer.concat(received);
      const split = all.indexOf('\r\n\r\n');
      const head = (split < 0 ? all : all.subarray(0, split)).toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(head);
      const parsed: Record<string, string> = {};
      for (const line of head.split('\r\n').slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) parsed[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: match ? Number(match[1]) : null, headers: parsed, body: split < 0 ? '' : decodeBody(all.subarray(split + 4), parsed), reset: failed && !match });
    });
    let offset = 0;
    const pump = (): void => {
      while (offset < bytes.length && !socket.destroyed) {
        const more = socket.write(bytes.subarray(offset, offset + 65_536));
        offset += 65_536;
        if (!more) { socket.once('drain', pump); return; }
      }
    };
    pump();
  });
}

function decodeBody(raw: Buffer, headers: Record<string, string>): string {
  if (headers['transfer-encoding'] !== 'chunked') return raw.toString('utf8');
  const parts: Buffer[] = [];
  let rest = raw;
  for (;;) {
    const end = rest.indexOf('\r\n');
    const size = parseInt(rest.subarray(0, end).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts).toString('utf8');
    parts.push(rest.subarray(end + 2, end + 2 + size));
    rest = rest.subarray(end + 4 + size);
  }
}

/** A multipart/form-data body with one file part. */
export function multipartBody(fileName: string, content: Uint8Array, boundary = 'wengao-test-boundary'): { body: Uint8Array; contentType: string } {
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: new Uint8Array(Buffer.concat([head, content, tail])), contentType: `multipart/form-data; boundary=${boundary}` };
}
