import { describe, expect, it, vi } from 'vitest';
import { ClusterChannel, type PubSubConnection } from './clusterChannel';
import { ClusterGatePeers } from './clusterGatePeers';
import { ClusterEventBus } from './redisEventBus';
import type { DeskEvent } from '../../shared/events';

/** An in-memory Redis pub/sub: every subscriber of a channel hears each message, asynchronously as over a socket. */
class Hub {
  private readonly listeners = new Map<string, Array<(channel: string, message: string) => void>>();
  connection(): PubSubConnection {
    const mine: Array<(channel: string, message: string) => void> = [];
    return {
      publish: async (channel, message) => {
        const heard = this.listeners.get(channel) ?? [];
        setImmediate(() => { for (const listener of heard) listener(channel, message); });
        return heard.length;
      },
      subscribe: async (channel) => {
        this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), (c, m) => { for (const l of mine) l(c, m); }]);
      },
      on: (_event, listener) => { mine.push(listener); },
      quit: async () => undefined,
    };
  }
}

function fakeGate() {
  return {
    lockHere: vi.fn<(documentId: string) => void>(),
    refreshHere: vi.fn<(documentId: string) => Promise<void>>(async () => undefined),
    sendHere: vi.fn<(documentId: string, payload: string) => void>(),
    newRevision: vi.fn<(documentId: string) => void>(),
    openHere: vi.fn<(documentId: string) => Array<{ id: string; name: string }>>(() => []),
  };
}

async function instance(hub: Hub, name: string, settled: () => Promise<void> = async () => undefined) {
  const channel = new ClusterChannel(hub.connection(), hub.connection(), name, 'desk', () => undefined);
  await channel.start();
  const gate = fakeGate();
  const catchUp = vi.fn<(documentId: string) => Promise<void>>(async () => undefined);
  const peers = new ClusterGatePeers(channel, { gate, settled, catchUp, log: { warn: vi.fn(), error: vi.fn() }, replyTimeoutMs: 1_000 });
  return { channel, gate, peers, catchUp };
}

describe('ClusterGatePeers', () => {
  it('resolves a lock only once every other instance has locked and stored what it accepted, then catches up', async () => {
    const hub = new Hub();
    let storeNow: () => void = () => undefined;
    const a = await instance(hub, 'a');
    const b = await instance(hub, 'b', () => new Promise<void>((done) => { storeNow = done; }));
    const c = await instance(hub, 'c');
    let locked = false;
    const lock = a.peers.lock('doc').then(() => { locked = true; });
    await new Promise((r) => setTimeout(r, 20));
    expect(b.gate.lockHere).toHaveBeenCalledWith('doc');
    expect(c.gate.lockHere).toHaveBeenCalledWith('doc');
    expect(a.gate.lockHere).not.toHaveBeenCalled();
    // B is still storing an update it accepted before the lock: the transition waits for it.
    expect(locked).toBe(false);
    storeNow();
    await lock;
    expect(a.catchUp).toHaveBeenCalledWith('doc');
  });

  it('passes refreshes and announcements to the others, not back to the sender', async () => {
    const hub = new Hub();
    const a = await instance(hub, 'a');
    const b = await instance(hub, 'b');
    a.peers.refresh('doc');
    a.peers.announce('doc', '{"type":"document-changed"}');
    await new Promise((r) => setTimeout(r, 20));
    expect(b.gate.newRevision).toHaveBeenCalledWith('doc');
    expect(b.gate.refreshHere).toHaveBeenCalledWith('doc');
    expect(b.gate.sendHere).toHaveBeenCalledWith('doc', '{"type":"document-changed"}');
    expect(a.gate.refreshHere).not.toHaveBeenCalled();
    expect(a.gate.sendHere).not.toHaveBeenCalled();
  });
});

describe('ClusterGatePeers.openBy', () => {
  it('gathers who has the piece open on every other instance', async () => {
    const hub = new Hub();
    const a = await instance(hub, 'a');
    const b = await instance(hub, 'b');
    const c = await instance(hub, 'c');
    b.gate.openHere.mockReturnValue([{ id: 'u2', name: '赵协作' }]);
    c.gate.openHere.mockReturnValue([{ id: 'u3', name: '李审核' }]);
    const started = Date.now();
    expect((await a.peers.openBy('doc')).map((u) => u.name).sort()).toEqual(['李审核', '赵协作'].sort());
    // Every instance answered: no waiting out the timeout.
    expect(Date.now() - started).toBeLessThan(400);
  });
});

describe('ClusterEventBus', () => {
  it('delivers an event to the user\'s listeners on every instance, once each', async () => {
    const hub = new Hub();
    const buses = await Promise.all(['a', 'b'].map(async (name) => {
      const channel = new ClusterChannel(hub.connection(), hub.connection(), name, 'desk', () => undefined);
      await channel.start();
      return new ClusterEventBus(channel, () => undefined);
    }));
    const heard: Array<[string, DeskEvent]> = [];
    buses[0].subscribe('u1', (e) => heard.push(['a', e]));
    buses[1].subscribe('u1', (e) => heard.push(['b', e]));
    buses[0].publish(['u1', 'u1'], { type: 'inbox-changed' });
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual([['a', { type: 'inbox-changed' }], ['b', { type: 'inbox-changed' }]]);
  });
});
