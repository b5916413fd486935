/** The ledger's files saved on this computer: the native save dialog on the desktop, a download in the browser. */
import { ledgerApi } from '../../api/ledger';
import { saveBytes } from '../../platform/desk';
import { filterLike, XLSX_FILTER, XLSX_MIME } from '../../platform/fileTypes';

/** Saves the year's 报送台账 as .xlsx; resolves false when the user cancels. */
export async function saveLedgerXlsx(year: number): Promise<boolean> {
  const file = await ledgerApi.ledgerXlsx(year);
  return saveBytes(file.fileName, file.bytes, XLSX_FILTER, XLSX_MIME);
}

/** Saves one evidence file under its own name; resolves false when the user cancels. */
export async function saveEvidence(id: string, filename: string): Promise<boolean> {
  const file = await ledgerApi.evidence(id, filename);
  return saveBytes(file.fileName, file.bytes, filterLike(file.fileName, '证明材料'));
}
