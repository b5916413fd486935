import { describe, expect, it, vi } from 'vitest';
import type { Hocuspocus } from '@hocuspocus/server';
import type { DocumentStore } from '../documents/documentStore';
import { CollabGate, type GatePeers } from './collabGate';

function fixture() {
  const connection = { readOnly: false, context: { user: { id: 'u1' } }, sendStateless: vi.fn<(payload: string) => void>() };
  const broadcastStateless = vi.fn<(payload: string) => void>();
  const collab = { documents: new Map([['doc', { getConnections: () => [connection], broadcastStateless }]]) } as unknown as Hocuspocus;
  const documents = {
    load: async () => ({ access: { canEdit: true }, row: { state: 'draft', assignee_id: null, deleted_at: null } }),
  } as unknown as DocumentStore;
  const gate = new CollabGate(() => collab, documents, { recordEditor: async () => undefined });
  return { gate, connection, broadcastStateless };
}

describe('CollabGate', () => {
  it('keeps a body locked until every lock taken on it has been refreshed', async () => {
    const { gate } = fixture();
    await gate.lock('doc');
    await gate.lock('doc');
    await gate.refresh('doc');
    expect(gate.isLocked('doc')).toBe(true);
    await gate.refresh('doc');
    expect(gate.isLocked('doc')).toBe(false);
    // A refresh no lock preceded (a restore from the 回收站) lifts nothing it does not hold.
    await gate.refresh('doc');
    await gate.lock('doc');
    expect(gate.isLocked('doc')).toBe(true);
  });

  it('with peers: locks them too, and unlocks here when they cannot be told', async () => {
    const { gate, connection } = fixture();
    const peers: GatePeers = { lock: vi.fn(async () => { throw new Error('Redis is down'); }), refresh: vi.fn(), announce: vi.fn(), openBy: vi.fn(async () => []) };
    gate.joinPeers(peers);
    await expect(gate.lock('doc')).rejects.toThrow('Redis is down');
    expect(gate.isLocked('doc')).toBe(false);
    expect(connection.readOnly).toBe(false);
    await gate.refresh('doc');
    expect(peers.refresh).toHaveBeenCalledWith('doc');
  });

  it('announces to its own connections and the peers, not through the Redis-relayed broadcast', () => {
    const { gate, connection, broadcastStateless } = fixture();
    const peers: GatePeers = { lock: vi.fn(async () => undefined), refresh: vi.fn(), announce: vi.fn(), openBy: vi.fn(async () => []) };
    gate.announceChange('doc');
    expect(broadcastStateless).toHaveBeenCalledTimes(1);
    gate.joinPeers(peers);
    gate.announceChange('doc');
    expect(broadcastStateless).toHaveBeenCalledTimes(1);
    expect(connection.sendStateless).toHaveBeenCalledTimes(1);
    expect(peers.announce).toHaveBeenCalledWith('doc', connection.sendStateless.mock.calls[0][0]);
  });
});
