import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { EvidenceFiles } from './evidenceFiles';
import { OutletCatalog } from './outletCatalog';
import { SubmissionLedger } from './submissionLedger';
import { TargetBook } from './targetBook';
import { LedgerReporter } from './ledgerReporter';
import type { HeavyWork } from '../work/heavyWork';
import type { DocumentStore } from '../documents/documentStore';

/** The ledger's stores, built once per server from its database and data folder. */
export interface LedgerServices {
  outlets: OutletCatalog;
  submissions: SubmissionLedger;
  targets: TargetBook;
  evidence: EvidenceFiles;
  /** The figures (统计) and the year's spreadsheet. */
  reports: LedgerReporter;
}

/**
 * Builds the ledger's stores over `db` (evidence files under `dataDir`), its figures computed with
 * `work`; the pieces 报送 rows come from are read through `documents`.
 */
export function createLedgerServices(db: Kysely<Database>, documents: DocumentStore, dataDir: string, work: HeavyWork): LedgerServices {
  const submissions = new SubmissionLedger(db, documents);
  const targets = new TargetBook(db);
  return {
    outlets: new OutletCatalog(db), submissions, targets, evidence: new EvidenceFiles(dataDir),
    reports: new LedgerReporter({ submissions, targets, work }),
  };
}
