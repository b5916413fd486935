import type { Kysely } from 'kysely';
import { defaultYearTargets } from '../../core/targets/defaults';
import type { YearTargets } from '../../core/targets/model';
import type { YearTargetsRequest, YearTargetsResponse } from '../../shared/ledger';
import type { Database } from '../db/schema';
import { yearTargetsColumn } from '../db/jsonColumns';

/** Each year's targets and points table; a year nobody has set yet gets the plan's defaults. */
export class TargetBook {
  constructor(private readonly db: Kysely<Database>) {}

  async get(year: number): Promise<YearTargetsResponse> {
    const row = await this.db.selectFrom('year_targets').select('definition').where('year', '=', year).executeTakeFirst();
    if (!row) return { ...defaultYearTargets(year), isDefault: true };
    const stored = yearTargetsColumn.parse(row.definition, String(year));
    return { year, targets: stored.targets, points: stored.points, isDefault: false };
  }

  async yearTargets(year: number): Promise<YearTargets> {
    const { targets, points } = await this.get(year);
    return { year, targets, points };
  }

  async put(year: number, definition: YearTargetsRequest, userId: string): Promise<YearTargetsResponse> {
    const values = { definition: yearTargetsColumn.stringify(definition), updated_at: new Date().toISOString(), updated_by: userId };
    await this.db.insertInto('year_targets').values({ year, ...values })
      .onConflict((oc) => oc.column('year').doUpdateSet(values)).execute();
    return this.get(year);
  }
}
