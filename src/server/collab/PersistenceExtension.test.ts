import { describe, expect, it } from 'vitest';
import pino from 'pino';
import * as Y from 'yjs';
import { PersistenceExtension } from './PersistenceExtension';

describe('PersistenceExtension compaction', () => {
  it('gives each compaction that falls due at once a loop turn of its own', async () => {
    let turn = 0;
    let ticking = true;
    const tick = (): void => { turn += 1; if (ticking) setImmediate(tick); };
    setImmediate(tick);
    const turns: number[] = [];
    const store = {
      compact: async () => { turns.push(turn); },
      appendMany: async () => [],
      load: async () => ({ updates: [], lastUpdateId: 0 }),
    };
    const persistence = new PersistenceExtension({ store: store as never, log: pino({ level: 'silent' }), seed: () => new Uint8Array() });
    const due = ['a', 'b', 'c'].map((documentName) => ({ documentName, document: new Y.Doc() }));
    await Promise.all(due.map((payload) => persistence.onStoreDocument(payload as never)));
    ticking = false;
    expect(turns).toHaveLength(3);
    expect(new Set(turns).size).toBe(3);
  });
});
