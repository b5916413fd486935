/** A proofreading report as the 审核记录 shows it beside a submit or sign. */
import type { ProofReport } from '../../../shared/proofing';

export function ProofReportLine({ report }: { report: ProofReport }) {
  return (
    <div className="history-proof" data-testid="proof-report">
      审校：错误 {report.error} · 警告 {report.warning} · 提示 {report.hint}{report.ignored > 0 && `（已忽略 ${report.ignored}）`}
    </div>
  );
}
