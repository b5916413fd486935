import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { addTestUser, openTestDatabase } from '../db/testDatabase';
import type { User } from '../../shared/api';
import { OutletCatalog } from '../ledger/outletCatalog';
import { CommissionStore } from './commissionStore';

let database: DeskDatabase;
let commissions: CommissionStore;
let clerk: User;
let writer: User;
let outletId: string;

beforeEach(async () => {
  database = await openTestDatabase();
  commissions = new CommissionStore(database.db);
  clerk = await addTestUser(database, 'clerk', ['clerk']);
  writer = await addTestUser(database, 'writer');
  outletId = (await new OutletCatalog(database.db).create({ name: '测试约稿单位', level: 'city', kind: 'channel' })).id;
});
afterEach(() => database.close());

const request = (deadline: string) => ({ outletId, topic: `约稿${deadline}`, requirements: '', kind: 'info' as const, deadline, warnDays: 3, assigneeId: '' });

describe('CommissionStore', () => {
  it('lists a writer’s 约稿 nearest deadline first with their status as of a Shanghai date', async () => {
    await commissions.create(clerk.id, { ...request('2023-07-20'), assigneeId: writer.id });
    await commissions.create(clerk.id, { ...request('2023-06-30'), assigneeId: writer.id });
    const list = await commissions.list({ assigneeId: writer.id }, '2023-06-28');
    expect(list.map((c) => [c.deadline, c.status, c.daysLeft, c.outletName, c.assigneeName])).toEqual([
      ['2023-06-30', 'due-soon', 2, '测试约稿单位', 'writer'],
      ['2023-07-20', 'open', 22, '测试约稿单位', 'writer'],
    ]);
    expect(await commissions.list({ assigneeId: clerk.id }, '2023-06-28')).toEqual([]);
  });

  it('offers a missed 约稿 to the sweep until its event is recorded, and lets one claim win', async () => {
    const id = await commissions.create(clerk.id, { ...request('2023-06-30'), assigneeId: writer.id });
    expect(await commissions.due('2023-06-30')).toEqual([]);
    expect((await commissions.due('2023-07-01')).map((d) => d.id)).toEqual([id]);
    expect(await commissions.claimMissed(id)).toBe(true);
    expect(await commissions.claimMissed(id)).toBe(false);
    await commissions.markMissed(id, 'submission-1');
    expect(await commissions.due('2023-07-02')).toEqual([]);
  });

  it('takes an answer and a cancellation out of the sweep', async () => {
    const answered = await commissions.create(clerk.id, { ...request('2099-06-30'), assigneeId: writer.id });
    const cancelled = await commissions.create(clerk.id, { ...request('2023-06-30'), assigneeId: writer.id });
    await commissions.cancel(cancelled, true);
    expect(await commissions.due('2023-07-01')).toEqual([]);
    await commissions.answer(answered, null);
    expect((await commissions.get(answered, '2099-01-01'))?.status).toBe('open');
  });
});
