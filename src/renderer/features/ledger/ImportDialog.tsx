/** 导入台账: an .xlsx or .csv file; a refused file shows every bad row and imports nothing. */
import { useState } from 'react';
import type { ImportReport } from '../../../shared/ledger';
import { errorMessage } from '../../api/client';
import { ErrorText } from '../../ui/Notice';
import { ledgerApi } from '../../api/ledger';
import { Dialog } from '../../ui/Dialog';
import { SPREADSHEET_IMPORT } from '../../../shared/fileTypes';

/** What an accepted import did, in one sentence: the dialog and the ledger page say the same. */
export function importSummary(report: ImportReport): string {
  const skipped = report.skipped > 0 ? `；${report.skipped} 条已在台账中（标题、报送单位和报送日期相同），未重复导入` : '';
  return `已导入 ${report.imported} 条记录${skipped}`;
}

export function ImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (report: ImportReport) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    if (!file) { setError(SPREADSHEET_IMPORT.missing); return; }
    setBusy(true);
    setError(null);
    try {
      const result = await ledgerApi.importLedger(file);
      setReport(result);
      if (result.ok) onImported(result);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog size="medium" title="导入台账" onClose={onClose}>
      <p className="muted import-hint">
        第一行为表头：序号、标题、作者、类别、报送单位/媒体、级别、报送日期、状态、采用/刊发日期、期号/链接、批示、得分。
        支持 Excel 保存的 .xlsx 和 .csv（UTF-8 或 GBK）。有任何一行不合格时，整个文件都不会导入。
      </p>
      <div className="import-row">
        <label className="button file-button">
          选择文件
          <input type="file" className="visually-hidden" aria-label="选择文件" accept=".xlsx,.csv"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }} />
        </label>
        <span className="file-name">{file ? file.name : '未选择文件'}</span>
        <button type="button" className="button primary" disabled={busy || !file} onClick={() => void start()}>开始导入</button>
      </div>
      <ErrorText message={error} />
      {report?.ok && <p className="notice" role="status">{importSummary(report)}</p>}
      {report && !report.ok && (
        <div className="import-report">
          <p className="error-text" role="alert">共 {report.rows} 行，其中 {report.errors.length} 行不符合要求，未导入任何记录。请修改后重新导入。</p>
          <table className="doc-table compact" aria-label="校验结果">
            <thead><tr><th scope="col">行号</th><th scope="col">问题</th></tr></thead>
            <tbody>
              {report.errors.map((e) => (
                <tr key={e.row}><td>第 {e.row} 行</td><td>{e.messages.join('；')}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="dialog-footer"><button type="button" className="button" onClick={onClose}>关闭</button></div>
    </Dialog>
  );
}
