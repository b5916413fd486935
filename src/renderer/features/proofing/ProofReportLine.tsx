/** A proofreading report as the 审核记录 shows it beside a submit or sign. */
import type { ProofReport } from '../../../shared/proofing';

/** The versions the run used, for the tooltip: the rules and a short hash of each list. */
function versionsText(report: ProofReport): string | undefined {
  const v = report.versions;
  if (!v) return undefined;
  const short = (hash: string): string => hash.slice(-8);
  return `审校规则 第 ${v.engine} 版；内置错别字词库 ${short(v.dictionary)}；规范表述 ${short(v.phrasing)}；错别字 ${short(v.typos)}；`
    + `敏感词 ${short(v.sensitive)}；领导名单 ${short(v.leaders)}`;
}

export function ProofReportLine({ report }: { report: ProofReport }) {
  return (
    <div className="history-proof" data-testid="proof-report" title={versionsText(report)}>
      审校：错误 {report.error} · 警告 {report.warning} · 提示 {report.hint}{report.ignored > 0 && `（已忽略 ${report.ignored}）`}
    </div>
  );
}
