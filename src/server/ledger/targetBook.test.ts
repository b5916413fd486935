import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../db/database';
import { addTestUser, openTestDatabase } from '../db/testDatabase';
import { defaultYearTargets } from '../../core/targets/defaults';
import { TargetBook } from './targetBook';

let database: DeskDatabase;
let book: TargetBook;

beforeEach(async () => {
  database = await openTestDatabase();
  book = new TargetBook(database.db);
});
afterEach(() => database.close());

describe('TargetBook', () => {
  it('gives the plan for a year nobody set, and the saved table after a save', async () => {
    expect(await book.get(2024)).toEqual({ ...defaultYearTargets(2024), isDefault: true });
    const clerk = await addTestUser(database, 'clerk', ['clerk']);
    const definition = {
      targets: [{ key: 'lectures', name: '宣讲场次', target: 12, rule: { type: 'manual' as const, count: 3 } }],
      points: { ...defaultYearTargets(2024).points, missed: -2 },
    };
    expect(await book.put(2024, definition, clerk.id)).toEqual({ year: 2024, ...definition, isDefault: false });
    expect(await book.yearTargets(2024)).toEqual({ year: 2024, ...definition });
    expect((await book.get(2025)).isDefault).toBe(true);
  });

  it('says which year is corrupt', async () => {
    const clerk = await addTestUser(database, 'clerk', ['clerk']);
    await database.db.insertInto('year_targets')
      .values({ year: 2023, definition: '{"targets": []}', updated_at: new Date().toISOString(), updated_by: clerk.id }).execute();
    await expect(book.get(2023)).rejects.toThrow(/year_targets\.definition of 2023 is corrupt: points/);
  });
});
