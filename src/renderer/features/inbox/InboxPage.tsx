/** 待办: the pieces waiting for this user — 待我审核, 待我签发, 退回给我. */
import { useEffect } from 'react';
import type { Inbox, InboxItem } from '../../../shared/review';
import { KIND_LABELS } from '../../../core/domain/kinds';
import { routeHref } from '../../app/router';
import { formatTime } from '../../ui/format';
import { Loading } from '../../ui/Notice';
import { useInbox } from './inboxState';
import { CommissionsDue } from '../commissions/CommissionsDue';
import './inbox.css';

const SECTIONS: Array<{ key: keyof Inbox; title: string; empty: string }> = [
  { key: 'toReview', title: '待我审核', empty: '没有待审核的文稿' },
  { key: 'toSign', title: '待我签发', empty: '没有待签发的文稿' },
  { key: 'returned', title: '退回给我', empty: '没有退回的文稿' },
];

function Section({ title, empty, items }: { title: string; empty: string; items: InboxItem[] }) {
  return (
    <section className="inbox-section" aria-label={title}>
      <h2 className="inbox-title">{title}<span className="inbox-count">{items.length}</span></h2>
      {items.length === 0 ? <p className="inbox-empty">{empty}</p> : (
        <table className="doc-table">
          <thead>
            <tr><th>标题</th><th>类型</th><th>环节</th><th>撰稿人</th><th>送达时间</th></tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td className="doc-title">
                  <a href={routeHref({ page: 'editor', documentId: item.id })}>{item.title}</a>
                  {item.remindedAt && <span className="reminded-mark" title={`撰稿人于 ${formatTime(item.remindedAt)} 催办`}>催办</span>}
                </td>
                <td><span className="kind-tag">{KIND_LABELS[item.kind] ?? item.kind}</span></td>
                <td>{item.checkpointName ?? '—'}{item.countersign && item.checkpointName !== '会签' ? '（会签）' : ''}</td>
                <td>{item.ownerName}</td>
                <td>{formatTime(item.since)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function InboxPage() {
  const { inbox, refresh } = useInbox();
  useEffect(refresh, [refresh]);
  return (
    <main className="page">
      <div className="page-header"><h1>待办</h1></div>
      {!inbox && <Loading />}
      {inbox && SECTIONS.map((s) => <Section key={s.key} title={s.title} empty={s.empty} items={inbox[s.key]} />)}
      <CommissionsDue />
    </main>
  );
}
