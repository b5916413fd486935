import type { User } from '../../shared/api';
import type { ImportReport } from '../../shared/ledger';
import { DeskError } from '../errors';
import type { Audit } from '../services';
import type { HeavyWork } from '../work/heavyWork';
import { splitRecorded, validateImport } from './ledgerSpreadsheet';
import type { OutletCatalog } from './outletCatalog';
import type { NewOutlet, SubmissionLedger } from './submissionLedger';
import { SPREADSHEET_IMPORT } from '../../shared/fileTypes';

export interface LedgerImporterDeps {
  outlets: OutletCatalog;
  submissions: SubmissionLedger;
  work: HeavyWork;
  audit: Audit;
}

/** What an import did, or why it imported nothing (then `refusal` is the message, and the report lists the rows). */
export interface LedgerImportOutcome { report: ImportReport; refusal?: string }

/**
 * Imports a ledger spreadsheet (.xlsx or .csv, read in the worker pool): all or nothing. Any row
 * that does not validate refuses the whole file; rows already recorded are skipped; outlets not yet
 * in the catalog are added with the rows. Audited as `ledger.import`.
 */
export class LedgerImporter {
  constructor(private readonly deps: LedgerImporterDeps) {}

  async import(user: User, fileName: string, bytes: Buffer): Promise<LedgerImportOutcome> {
    const { outlets, submissions, work, audit } = this.deps;
    let sheet: string[][];
    try {
      // Measured (what the .xlsx inflates to) and parsed in the worker pool.
      sheet = await work.run('readSheet', { filename: fileName, bytes });
    } catch (error) {
      // Past a limit (inflated size, time, memory): the limit's own message.
      if (error instanceof DeskError) throw error;
      throw new DeskError('bad_request', SPREADSHEET_IMPORT.unreadable);
    }
    const catalog = new Map((await outlets.list()).map((o) => [o.name, o]));
    const result = validateImport(sheet, catalog);
    const report: ImportReport = { ok: result.errors.length === 0, imported: 0, skipped: 0, rows: result.total, errors: result.errors };
    if (!report.ok) return { report, refusal: `有 ${result.errors.length} 行不符合要求，未导入任何记录` };
    const { fresh, recorded } = splitRecorded(result.rows, await submissions.sentRecords());
    const newOutlets = new Map<string, NewOutlet>();
    for (const row of fresh) {
      if (row.newOutlet && !newOutlets.has(row.outletName)) newOutlets.set(row.outletName, { name: row.outletName, ...row.newOutlet });
    }
    const ids = fresh.length === 0 ? [] : await submissions.insert(user, fresh.map((row) => ({
      documentId: null, title: row.title, kind: row.kind, authors: row.authors,
      outletId: catalog.get(row.outletName)?.id ?? '', outletName: row.outletName, events: row.events,
    })), [...newOutlets.values()]);
    await audit(user.id, 'ledger.import', fileName, { rows: ids.length, skipped: recorded.length, outletsAdded: newOutlets.size });
    return { report: { ...report, imported: ids.length, skipped: recorded.length } };
  }
}
