import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

export interface DrainLimits {
  /** Bytes read and discarded at most; past them the connection closes unread. */
  maxBytes: number;
  /** Milliseconds spent draining at most. */
  maxMs: number;
}

/**
 * Reads and discards what is left of a request body, up to the limits. Resolves at the body's end,
 * when a limit is passed, or when the connection goes; never rejects.
 */
export function drainRequest(raw: IncomingMessage, limits: DrainLimits): Promise<void> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve();
  if (Number(raw.headers['content-length']) > limits.maxBytes) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (): void => {
      clearTimeout(timer);
      raw.off('data', count);
      raw.off('end', finish);
      raw.off('close', finish);
      raw.off('error', finish);
      resolve();
    };
    const count = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen > limits.maxBytes) finish();
    };
    const timer = setTimeout(finish, limits.maxMs);
    // A parser that gave up (a multipart reader past its file limit) may still hold the stream
    // paused through its pipe: take it over.
    raw.unpipe();
    raw.on('data', count);
    raw.once('end', finish);
    raw.once('close', finish);
    raw.once('error', finish);
    raw.resume();
  });
}

/**
 * Every answer sent before its request's body was read to the end (a body over the limit, a refusal
 * before an upload was read) first drains the body, then closes the connection. Node closes such a
 * connection as soon as the answer is written; a client still sending then gets a TCP reset, and the
 * reset can arrive before it reads the answer (it did, about one time in three, for the 413 of a 20 MB
 * JSON body). Draining first means the client has sent everything when the answer and the close
 * come; past `limits` the connection closes anyway.
 */
export function installBodyDrain(app: FastifyInstance, limits: DrainLimits): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const raw = request.raw;
    if (raw.complete || raw.readableEnded) return payload;
    reply.header('connection', 'close');
    await drainRequest(raw, limits);
    return payload;
  });
}
