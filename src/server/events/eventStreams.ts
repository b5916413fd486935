import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { EVENTS_HEARTBEAT_MS, formatDeskEvent, type DeskEvent } from '../../shared/events';
import type { EventBus } from './eventBus';

export interface EventStreamsOptions {
  bus: EventBus;
  /** Whether the session a stream was opened with still holds (logged out, expired, account disabled). */
  sessionHolds: (token: string) => Promise<boolean>;
  log: Pick<Logger, 'debug' | 'warn'>;
  heartbeatMs?: number;
  /** Streams one user may hold at once; opening one more ends their oldest. */
  maxPerUser?: number;
}

interface OpenStream { userId: string; end: () => void }

/**
 * The open `GET /api/events` responses of this process: each is subscribed to its user's events on
 * the bus, writes a comment line every heartbeat (so proxies keep it open and the client can tell a
 * dead connection), checks its session at each heartbeat, and ends when the client goes, the session
 * ends, or the server shuts down.
 */
export class EventStreams {
  private readonly open = new Set<OpenStream>();
  private closed = false;

  constructor(private readonly options: EventStreamsOptions) {}

  /** Takes over the response to a request authenticated with `token` for `userId`. */
  attach(userId: string, token: string, response: ServerResponse): void {
    const { bus, log } = this.options;
    if (this.closed) {
      response.writeHead(503).end();
      return;
    }
    const mine = [...this.open].filter((s) => s.userId === userId);
    if (mine.length >= (this.options.maxPerUser ?? 20)) mine[0].end();

    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // nginx would otherwise buffer the stream and deliver events late.
      'x-accel-buffering': 'no',
      connection: 'keep-alive',
    });
    const write = (event: DeskEvent): void => { response.write(formatDeskEvent(event)); };
    let ended = false;
    const unsubscribe = bus.subscribe(userId, write);
    const heartbeat = setInterval(() => {
      this.options.sessionHolds(token).then((holds) => {
        if (!holds) stream.end();
        else if (!ended) response.write(': ping\n\n');
      }, () => undefined);
    }, this.options.heartbeatMs ?? EVENTS_HEARTBEAT_MS);
    const stream: OpenStream = {
      userId,
      end: () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        this.open.delete(stream);
        response.end();
        log.debug({ userId, open: this.open.size }, 'event stream closed');
      },
    };
    this.open.add(stream);
    // The client went (closed the tab, lost the network): 'close' on the response, whatever the request did.
    response.on('close', stream.end);
    response.on('error', (err) => {
      log.warn({ err, userId }, 'event stream failed');
      stream.end();
    });
    write({ type: 'hello' });
    log.debug({ userId, open: this.open.size }, 'event stream opened');
  }

  /** Streams open now. */
  get size(): number {
    return this.open.size;
  }

  /** Ends every stream (the server is stopping; clients reconnect to the next one). */
  closeAll(): void {
    this.closed = true;
    for (const stream of [...this.open]) stream.end();
  }
}
