/**
 * The audit log's filter bar: who (操作人), what (操作, from the one table of action names), which
 * document (by title, or the one picked in the table) and which days. The server does the filtering.
 */
import { useEffect, useState } from 'react';
import { AUDIT_ACTION_GROUPS, type AuditFilter } from '../../../shared/audit';
import type { User } from '../../../shared/api';

interface Props {
  filter: AuditFilter;
  users: User[];
  /** The title of the document picked in the table (filter.document), to show beside the bar. */
  documentTitle: string | null;
  onChange(filter: AuditFilter): void;
}

export function AuditFilters({ filter, users, documentTitle, onChange }: Props) {
  const [title, setTitle] = useState(filter.title ?? '');
  const set = (change: Partial<AuditFilter>): void => onChange({ ...filter, ...change });

  // Typing a title asks the server once the typing pauses.
  useEffect(() => {
    const text = title.trim() || undefined;
    if (text === filter.title) return undefined;
    const timer = setTimeout(() => onChange({ ...filter, title: text }), 300);
    return () => clearTimeout(timer);
  }, [title, filter, onChange]);

  const filtered = Object.values(filter).some((v) => v !== undefined);
  return (
    <>
      <div className="filters audit-filters" role="search" aria-label="筛选审计日志">
        <select aria-label="操作人" value={filter.user ?? ''} onChange={(e) => set({ user: e.target.value || undefined })}>
          <option value="">全部操作人</option>
          {users.map((u) => <option key={u.id} value={u.id}>{u.displayName}（{u.username}）</option>)}
        </select>
        <select aria-label="操作" value={filter.action ?? ''} onChange={(e) => set({ action: e.target.value || undefined })}>
          <option value="">全部操作</option>
          {AUDIT_ACTION_GROUPS.map((group) => (
            <optgroup key={group.name} label={group.name}>
              {group.actions.map(([key, label]) => <option key={key} value={key}>{label}</option>)}
            </optgroup>
          ))}
        </select>
        <input type="search" className="search" aria-label="文稿标题" placeholder="文稿标题" value={title}
          onChange={(e) => setTitle(e.target.value)} />
        <span className="audit-dates">
          <span className="muted">日期</span>
          <input type="date" aria-label="开始日期" value={filter.from ?? ''} max={filter.to}
            onChange={(e) => set({ from: e.target.value || undefined })} />
          <span className="muted">至</span>
          <input type="date" aria-label="结束日期" value={filter.to ?? ''} min={filter.from}
            onChange={(e) => set({ to: e.target.value || undefined })} />
        </span>
        {filtered && (
          <button type="button" className="button ghost" onClick={() => { setTitle(''); onChange({}); }}>清除筛选</button>
        )}
      </div>
      {filter.document && (
        <p className="audit-picked">
          只看文稿：<strong>{documentTitle ?? '（所选文稿）'}</strong>
          <button type="button" className="button ghost small" onClick={() => set({ document: undefined })}>取消</button>
        </p>
      )}
    </>
  );
}
