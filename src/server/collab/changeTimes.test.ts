import { describe, expect, it } from 'vitest';
import { ChangeTimes } from './changeTimes';

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('ChangeTimes', () => {
  it('touches the pieces changed in one turn with one write, each at most once per interval', async () => {
    const writes: string[][] = [];
    const times = new ChangeTimes(async (ids) => { writes.push(ids); }, () => undefined, 5_000);
    times.changed('a', 10_000);
    times.changed('b', 10_000);
    times.changed('a', 10_001);
    await turn();
    expect(writes).toEqual([['a', 'b']]);
    times.changed('a', 14_999);
    await turn();
    expect(writes).toHaveLength(1);
    times.changed('a', 15_000);
    await turn();
    expect(writes).toEqual([['a', 'b'], ['a']]);
  });

  it('reports a write that failed with the pieces it held', async () => {
    const failed: string[][] = [];
    const times = new ChangeTimes(async () => { throw new Error('disk full'); }, (_, ids) => failed.push(ids), 5_000);
    times.changed('a');
    await turn();
    await turn();
    expect(failed).toEqual([['a']]);
  });
});
