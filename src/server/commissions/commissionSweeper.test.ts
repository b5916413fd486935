import { describe, expect, it } from 'vitest';
import { CommissionSweeper } from './commissionSweeper';
import type { CommissionStore, DueCommission } from './commissionStore';
import type { NewSubmission } from '../ledger/submissionLedger';

/** A store of one due 约稿 whose claim succeeds once. */
function fakeStore(dueItems: DueCommission[]) {
  const claimed = new Set<string>();
  const marked = new Map<string, string | null>();
  const store: Pick<CommissionStore, 'due' | 'claimMissed' | 'markMissed'> = {
    due: async () => dueItems.filter((d) => !marked.get(d.id)),
    claimMissed: async (id) => { if (claimed.has(id)) return false; claimed.add(id); return true; },
    markMissed: async (id, submissionId) => { marked.set(id, submissionId); if (submissionId === null) claimed.delete(id); },
  };
  return { store, marked };
}

const item: DueCommission = { id: 'c1', topic: '营商环境', kind: 'info', outletId: 'o1', deadline: '2023-06-30', assigneeName: '张明', createdBy: 'u-clerk' };

describe('CommissionSweeper', () => {
  it('records a missed event dated on the deadline, once, even when two sweeps run together', async () => {
    const { store, marked } = fakeStore([item]);
    const inserted: NewSubmission[] = [];
    const sweeper = new CommissionSweeper({
      commissions: store as CommissionStore,
      submissions: { insert: async (_user, rows) => { inserted.push(...rows); return rows.map((_, i) => `s${inserted.length + i}`); } },
      audit: async () => undefined,
      log: { error: () => undefined },
    });
    const [a, b] = await Promise.all([sweeper.sweep('2023-07-01'), sweeper.sweep('2023-07-01')]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await sweeper.sweep('2023-07-02')).toBe(0);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]).toMatchObject({ title: '约稿：营商环境', authors: ['张明'], outletId: 'o1', events: [{ type: 'missed', on: '2023-06-30' }] });
    expect(marked.get('c1')).toBe('s1');
  });

  it('releases its claim when the ledger refuses, so the next sweep tries again', async () => {
    const { store, marked } = fakeStore([item]);
    let fail = true;
    const sweeper = new CommissionSweeper({
      commissions: store as CommissionStore,
      submissions: { insert: async () => { if (fail) throw new Error('disk full'); return ['s9']; } },
      audit: async () => undefined,
      log: { error: () => undefined },
    });
    await expect(sweeper.sweep('2023-07-01')).rejects.toThrow('disk full');
    expect(marked.get('c1')).toBeNull();
    fail = false;
    expect(await sweeper.sweep('2023-07-01')).toBe(1);
    expect(marked.get('c1')).toBe('s9');
  });
});
