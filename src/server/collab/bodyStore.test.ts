import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import { BodyStore } from './bodyStore';
import type { YjsStore } from './yjsStore';
import type { HeavyWork } from '../work/heavyWork';
import { HEAVY_TASKS } from '../work/heavyTasks';

/** A work pool that runs the real tasks in this thread and counts them by name. */
function countingWork(): { work: HeavyWork; runs: string[] } {
  const runs: string[] = [];
  const work = {
    run: async (task: string, input: unknown) => {
      runs.push(task);
      return (HEAVY_TASKS as unknown as Record<string, (i: unknown) => unknown>)[task](input);
    },
    warm: () => undefined,
    close: async () => undefined,
  } as unknown as HeavyWork;
  return { work, runs };
}

function typed(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('other').insert(0, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('BodyStore reads off the event loop', () => {
  it('reads an open, unchanged body once, and again after it changed', async () => {
    const live = Object.assign(new Y.Doc(), { isLoading: false });
    const collab = { documents: new Map([['d1', live]]) } as unknown as Hocuspocus;
    const { work, runs } = countingWork();
    const bodies = new BodyStore({} as YjsStore, () => collab, work);
    const first = await bodies.readJson('d1');
    expect(await bodies.readJson('d1')).toBe(first);
    expect(runs).toEqual(['readBodyJson']);
    typed(live, '改');
    await bodies.readJson('d1');
    expect(runs).toEqual(['readBodyJson', 'readBodyJson']);
  });

  it('merges a closed body’s snapshot and logged updates in the worker pool', async () => {
    const source = new Y.Doc();
    const updates = [Y.encodeStateAsUpdate(source), typed(source, '一'), typed(source, '二')];
    const store = { load: async () => ({ updates, lastUpdateId: 2 }) } as unknown as YjsStore;
    const collab = { documents: new Map() } as unknown as Hocuspocus;
    const { work, runs } = countingWork();
    const state = await new BodyStore(store, () => collab, work).currentState('d2');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    expect(doc.getText('other').toString()).toBe('二一');
    expect(runs).toEqual(['mergeUpdates']);
  });
});
