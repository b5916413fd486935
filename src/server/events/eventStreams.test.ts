import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readEvents, type EventReader } from '../../../test/support/eventStream';
import { InProcessEventBus } from './eventBus';
import { EventStreams } from './eventStreams';

const quiet = { debug: () => undefined, warn: () => undefined };
const servers: Server[] = [];

/** A bare HTTP server whose every request is a stream for the user named in the `x-user` header. */
async function serve(streams: EventStreams): Promise<string> {
  const server = createServer((request, response) => {
    streams.attach(String(request.headers['x-user']), String(request.headers['x-token']), response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function read(url: string, user: string, token = 'good'): Promise<EventReader> {
  return readEvents(url, { 'x-user': user, 'x-token': token });
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

describe('EventStreams', () => {
  it('says hello, then carries each of the user’s events and no one else’s', async () => {
    const bus = new InProcessEventBus();
    const streams = new EventStreams({ bus, log: quiet, sessionHolds: async () => true });
    const url = await serve(streams);
    const a = await read(url, 'a');
    const b = await read(url, 'b');
    await until(() => a.events.length === 1 && b.events.length === 1);
    bus.publish(['a', 'a'], { type: 'inbox-changed' });
    await until(() => a.events.length === 2);
    expect(a.events).toEqual([{ type: 'hello' }, { type: 'inbox-changed' }]);
    expect(b.events).toEqual([{ type: 'hello' }]);
    a.close();
    b.close();
    await until(() => streams.size === 0 && bus.size === 0);
  });

  it('ends a stream at the first heartbeat after its session ended', async () => {
    let holds = true;
    const bus = new InProcessEventBus();
    const streams = new EventStreams({ bus, log: quiet, sessionHolds: async () => holds, heartbeatMs: 50 });
    const url = await serve(streams);
    const a = await read(url, 'a');
    await new Promise((r) => setTimeout(r, 150));
    expect(streams.size).toBe(1);
    holds = false;
    await a.ended;
    expect(streams.size).toBe(0);
    expect(bus.size).toBe(0);
  });

  it('ends a user’s oldest stream beyond the limit, and every stream when the server stops', async () => {
    const streams = new EventStreams({ bus: new InProcessEventBus(), log: quiet, sessionHolds: async () => true, maxPerUser: 2 });
    const url = await serve(streams);
    const first = await read(url, 'a');
    await read(url, 'a');
    await until(() => streams.size === 2);
    const third = await read(url, 'a');
    await first.ended;
    expect(streams.size).toBe(2);
    streams.closeAll();
    await third.ended;
    expect(streams.size).toBe(0);
    expect((await read(url, 'a')).status).toBe(503);
  });
});
