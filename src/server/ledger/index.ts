import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { EvidenceFiles } from './evidenceFiles';
import { OutletCatalog } from './outletCatalog';
import { SubmissionLedger } from './submissionLedger';
import { TargetBook } from './targetBook';

/** The ledger's stores, built once per server from its database and data folder. */
export interface LedgerServices {
  outlets: OutletCatalog;
  submissions: SubmissionLedger;
  targets: TargetBook;
  evidence: EvidenceFiles;
}

export function createLedgerServices(db: Kysely<Database>, dataDir: string): LedgerServices {
  return { outlets: new OutletCatalog(db), submissions: new SubmissionLedger(db), targets: new TargetBook(db), evidence: new EvidenceFiles(dataDir) };
}
