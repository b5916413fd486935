import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { SearchIndexer } from './searchIndexer';

function setUp() {
  const written = new Map<string, { text: string; hash: string }>();
  const confirmed: string[] = [];
  const state = { bytes: new Uint8Array([1]) };
  const reads: Uint8Array[] = [];
  const indexer = new SearchIndexer({
    store: {
      stateHash: async (id) => written.get(id)?.hash,
      write: async (id, text, hash) => { written.set(id, { text, hash }); },
      confirm: async (id) => { confirmed.push(id); },
      unindexed: async () => [],
    },
    bodies: { currentState: async () => state.bytes },
    work: { run: (async (_task: string, input: Uint8Array) => { reads.push(input); return `text ${input[0]}`; }) as never },
    log: pino({ level: 'silent' }),
    quietMs: 2_000,
    maxWaitMs: 10_000,
  });
  return { indexer, written, confirmed, state, reads };
}

beforeEach(() => { vi.useFakeTimers(); });
afterEach(() => { vi.useRealTimers(); });

describe('SearchIndexer', () => {
  it('reads a body once it is quiet, once for a burst of changes', async () => {
    const { indexer, written, reads } = setUp();
    for (let i = 0; i < 5; i++) { indexer.changed('doc-1'); await vi.advanceTimersByTimeAsync(500); }
    expect(reads).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    await indexer.flush();
    expect(reads).toHaveLength(1);
    expect(written.get('doc-1')?.text).toBe('text 1');
  });

  it('reads a body that keeps changing at least every maxWaitMs', async () => {
    const { indexer, reads } = setUp();
    for (let i = 0; i < 12; i++) { indexer.changed('doc-1'); await vi.advanceTimersByTimeAsync(1_000); }
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });

  it('skips a state it has read, and reads a changed one', async () => {
    const { indexer, confirmed, state, reads } = setUp();
    indexer.changed('doc-1');
    await vi.advanceTimersByTimeAsync(2_000);
    await indexer.flush();
    indexer.changed('doc-1');
    await vi.advanceTimersByTimeAsync(2_000);
    await indexer.flush();
    expect(reads).toHaveLength(1);
    expect(confirmed).toEqual(['doc-1']);
    state.bytes = new Uint8Array([2]);
    indexer.changed('doc-1');
    await indexer.flush();
    expect(reads).toHaveLength(2);
  });

  it('ignores names that are not bodies, and changes after close', async () => {
    const { indexer, reads } = setUp();
    indexer.changed('a/b');
    await indexer.close();
    indexer.changed('doc-1');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(reads).toHaveLength(0);
  });
});
