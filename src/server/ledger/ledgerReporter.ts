import type { ProgressResponse } from '../../shared/ledger';
import { shanghaiDate } from '../../core/targets/dates';
import { countedItems, yearProgress, type CountedItem } from '../../core/targets/counting';
import { scoredEvents } from '../../core/targets/points';
import { DeskError } from '../errors';
import type { HeavyWork } from '../work/heavyWork';
import { ledgerRows } from './ledgerSpreadsheet';
import type { SubmissionLedger } from './submissionLedger';
import type { TargetBook } from './targetBook';

export interface LedgerReporterDeps {
  submissions: SubmissionLedger;
  targets: TargetBook;
  work: HeavyWork;
}

/**
 * The ledger's figures (统计): a year's progress against its targets as of a day, the pieces one
 * target counted, and the year's ledger as a spreadsheet (written in the worker pool). Reads only.
 */
export class LedgerReporter {
  constructor(private readonly deps: LedgerReporterDeps) {}

  /** Every target of `year` as of `asOf` (a Shanghai date). */
  async progress(year: number, asOf: string): Promise<ProgressResponse> {
    const { targets, submissions } = this.deps;
    return yearProgress(await targets.yearTargets(year), await submissions.entriesForYear(year, { titles: false }), asOf);
  }

  /** What target `key` of `year` counted up to `asOf`, earliest first; not_found for an unknown key. */
  async progressItems(year: number, asOf: string, key: string): Promise<CountedItem[]> {
    const { targets, submissions } = this.deps;
    const { targets: definitions, points } = await targets.yearTargets(year);
    const definition = definitions.find((t) => t.key === key);
    if (!definition) throw new DeskError('not_found', '没有这个年度目标');
    const entries = await submissions.entriesForYear(year);
    const { rule } = definition;
    if (rule.type === 'rule') return countedItems(rule, entries, year, asOf);
    if (rule.type === 'manual') return [];
    const until = asOf < `${year}-12-31` ? asOf : `${year}-12-31`;
    const items = entries.filter((e) => rule.pieceKinds.includes(e.pieceKind) && (rule.outletKinds.length === 0 || rule.outletKinds.includes(e.outlet.kind)))
      .flatMap((e): CountedItem[] => {
        const inYear = scoredEvents(e, points).filter((s) => s.on >= `${year}-01-01` && s.on <= until);
        return inYear.length === 0 ? [] : [{
          key: e.id, title: e.title, on: inYear[0].on, entryIds: [e.id], authors: [...e.authors], level: e.outlet.level, outletName: e.outlet.name,
        }];
      });
    return items.sort((a, b) => (a.on < b.on ? -1 : 1));
  }

  /** The year's ledger and its figures (as of today, or the year's end once past) as an .xlsx. */
  async spreadsheet(year: number): Promise<{ bytes: Uint8Array; fileName: string }> {
    const { targets, submissions, work } = this.deps;
    const today = shanghaiDate(new Date());
    const asOf = today < `${year}-12-31` ? today : `${year}-12-31`;
    const { points } = await targets.yearTargets(year);
    const rows = ledgerRows(await submissions.list({ year, limit: 1_000_000 }), points, year);
    const bytes = await work.run('exportLedger', { rows, progress: await this.progress(year, asOf) });
    return { bytes, fileName: `报送台账-${year}.xlsx` };
  }
}
