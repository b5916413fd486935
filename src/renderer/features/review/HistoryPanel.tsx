/** 审核记录: every transition of the piece, with who, when, the checkpoint, the 修订 it covers and the content hash. */
import { shortContentHash } from '../../../core/review/contentHash';
import type { HistoryEntry } from '../../../shared/review';
import { ACTION_NAMES } from '../../../core/domain/workflow';
import { reviewApi } from '../../api/review';
import { formatFullTime, formatTime } from '../../ui/format';
import { EmptyState } from '../../ui/Notice';
import { LoadState } from '../../ui/LoadState';
import { useLoad } from '../../ui/useLoad';
import { ProofReportLine } from '../proofing/ProofReportLine';
import { DecidedLine } from './DecidedLine';

/** 审核记录 of one document, fetched again whenever `reloadKey` changes. */
export function HistoryPanel({ documentId, reloadKey }: { documentId: string; reloadKey: number }) {
  const loaded = useLoad(async () => (await reviewApi.history(documentId)).entries, [documentId, reloadKey]);
  // A failed refresh shows its message instead of the entries, as it always has.
  return <LoadState loaded={loaded.error ? { data: null, error: loaded.error } : loaded}>{(entries) => <History entries={entries} />}</LoadState>;
}

function History({ entries }: { entries: HistoryEntry[] }) {
  if (entries.length === 0) return <EmptyState>尚无审核记录</EmptyState>;
  return (
    <ol className="history" aria-label="审核记录">
      {entries.map((e) => (
        <li key={e.id} className={`history-entry action-${e.action}`}>
          <div className="history-head">
            <span className="history-action">{ACTION_NAMES[e.action]}</span>
            {e.checkpoint && <span className="history-checkpoint">{e.checkpoint}</span>}
            <time title={formatFullTime(e.at)}>{formatTime(e.at)}</time>
          </div>
          <div className="history-meta">
            {e.actorName}{e.assigneeName && <> → {e.assigneeName}</>}
            {e.holders && e.holders.length > 0 && <> {e.action === 'remind' ? '催办' : '→ 会签'} {e.holders.map((h) => h.name).join('、')}</>}
            {e.revision > 1 && <span className="muted"> · 第 {e.revision} 轮</span>}
          </div>
          {e.opinion && <p className="history-opinion">{e.opinion}</p>}
          {e.comment && <p className="history-comment">{e.comment}</p>}
          {e.proofReport && <ProofReportLine report={e.proofReport} />}
          {e.decided && <DecidedLine decided={e.decided} />}
          {e.contentHash && (
            <div className="history-hash">
              {e.vouches ? '通过的内容' : '内容'} <code className="hash" title={e.contentHash} data-testid="content-hash">{shortContentHash(e.contentHash, 12)}</code>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
