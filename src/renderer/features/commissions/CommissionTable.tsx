/** A table of 约稿: outlet, topic and requirements, deadline with days left (warned when near or past), status, the answering piece. */
import { useState } from 'react';
import { KIND_LABELS } from '../../../core/domain/kinds';
import { COMMISSION_STATUS_NAMES } from '../../../core/commissions/deadline';
import type { CommissionSummary } from '../../../shared/templates';
import { errorMessage } from '../../api/client';
import { templatesApi } from '../../api/templates';
import { navigate, routeHref } from '../../app/router';
import { ErrorText } from '../../ui/Notice';
import './commissions.css';

/** 还有 3 天 / 今天截止 / 已逾期 2 天. */
export function deadlineText(c: Pick<CommissionSummary, 'daysLeft' | 'status'>): string {
  if (c.status === 'answered' || c.status === 'cancelled') return '';
  if (c.daysLeft > 0) return `还有 ${c.daysLeft} 天`;
  return c.daysLeft === 0 ? '今天截止' : `已逾期 ${-c.daysLeft} 天`;
}

export function CommissionTable({ commissions, userId, manage, onChanged }: {
  commissions: CommissionSummary[];
  userId: string;
  /** A clerk's or admin's view: who is asked, and 撤销. */
  manage: boolean;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try { await action(); onChanged(); } catch (caught) { setError(errorMessage(caught)); }
  };
  const start = (id: string) => act(async () => {
    const piece = await templatesApi.startPiece(id);
    navigate({ page: 'editor', documentId: piece.id });
  });

  return (
    <>
      <table className="doc-table commission-table">
        <thead>
          <tr>
            <th scope="col">约稿单位</th><th scope="col">主题与要求</th><th scope="col">类型</th><th scope="col">截止日期</th>
            {manage && <th scope="col">被约稿人</th>}
            <th scope="col">状态</th><th scope="col">稿件</th>
          </tr>
        </thead>
        <tbody>
          {commissions.map((c) => (
            <tr key={c.id} className={c.cancelled ? 'row-disabled' : undefined} data-status={c.status}>
              <td>{c.outletName}</td>
              <td className="doc-title">{c.topic}{c.requirements && <div className="commission-requirements">{c.requirements}</div>}</td>
              <td><span className="kind-tag">{KIND_LABELS[c.kind]}</span></td>
              <td>{c.deadline}<div className={`commission-due due-${c.status}`}>{deadlineText(c)}</div></td>
              {manage && <td>{c.assigneeName}</td>}
              <td><span className={`commission-status status-${c.status}`}>{COMMISSION_STATUS_NAMES[c.status]}</span></td>
              <td className="row-actions">
                {c.documentId ? <a href={routeHref({ page: 'editor', documentId: c.documentId })}>{c.documentTitle ?? '打开稿件'}</a>
                  : !c.cancelled && c.assigneeId === userId && <button type="button" className="button small primary" onClick={() => void start(c.id)}>写稿</button>}
                {manage && (
                  <button type="button" className="button small ghost" onClick={() => void act(() => templatesApi.cancelCommission(c.id, !c.cancelled))}>
                    {c.cancelled ? '恢复' : '撤销'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorText message={error} />
    </>
  );
}
