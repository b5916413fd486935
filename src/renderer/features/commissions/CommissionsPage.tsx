/**
 * 约稿: a clerk (or admin) records the 约稿通知单 of an outlet (topic, requirements, deadline, who is
 * asked, how many days ahead to warn) and follows a year's; a writer sees all of their own. A 约稿 not
 * answered by its deadline is recorded in the ledger as missed by the server itself.
 */
import { useState } from 'react';
import { DOCUMENT_KINDS, KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import { errorMessage } from '../../api/client';
import { ledgerApi } from '../../api/ledger';
import { templatesApi } from '../../api/templates';
import { useCurrentSession } from '../../app/session';
import { Dialog } from '../../ui/Dialog';
import { EmptyState, ErrorText, Loading } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { useUsers } from '../documents/useUsers';
import { currentYear, yearOptions } from '../ledger/format';
import { CommissionTable } from './CommissionTable';

export function CommissionsPage() {
  const { user } = useCurrentSession();
  const manage = user.roles.includes('clerk') || user.roles.includes('admin');
  const [year, setYear] = useState(currentYear());
  const [recording, setRecording] = useState(false);
  const loaded = useLoad((signal) => templatesApi.commissions(manage ? { year } : { mine: true }, signal).then((r) => r.commissions), [manage, year]);
  const list = loaded.data;

  return (
    <main className="page">
      <div className="page-header">
        <h1>约稿</h1>
        <div className="page-actions">
          {manage && (
            <select aria-label="年度" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {yearOptions().map((y) => <option key={y} value={y}>{y} 年</option>)}
            </select>
          )}
          {manage && <button type="button" className="button primary" onClick={() => setRecording(true)}>登记约稿</button>}
        </div>
      </div>
      <p className="page-lede muted">
        约稿按登记时设定的天数在截止前提醒；截止日期（北京时间）过后仍未报送的，系统自动在报送台账记一次“约稿未报”，按当年积分标准扣分。
      </p>
      <ErrorText message={loaded.error} />
      {list === null ? (loaded.error ? null : <Loading />) : list.length === 0 ? <EmptyState>{manage ? `${year} 年没有约稿` : '没有约稿'}</EmptyState>
        : <CommissionTable commissions={list} userId={user.id} manage={manage} onChanged={loaded.reload} />}
      {recording && <RecordCommissionDialog onClose={() => setRecording(false)} onSaved={() => { setRecording(false); loaded.reload(); }} />}
    </main>
  );
}

function RecordCommissionDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const outlets = useLoad(async () => (await ledgerApi.outlets()).outlets.filter((o) => !o.disabled), []);
  const { users, error: usersError } = useUsers();
  const writers = users.filter((u) => !u.disabled && u.roles.includes('writer'));
  const [outletId, setOutletId] = useState('');
  const [topic, setTopic] = useState('');
  const [requirements, setRequirements] = useState('');
  const [kind, setKind] = useState<DocumentKind>('info');
  const [deadline, setDeadline] = useState('');
  const [warnDays, setWarnDays] = useState(3);
  const [assigneeId, setAssigneeId] = useState('');
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!outletId) return setError('请选择约稿单位');
    if (!topic.trim()) return setError('请填写约稿主题');
    if (!deadline) return setError('请选择截止日期');
    if (!assigneeId) return setError('请选择被约稿人');
    try {
      await templatesApi.createCommission({ outletId, topic: topic.trim(), requirements: requirements.trim(), kind, deadline, warnDays, assigneeId });
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <Dialog title="登记约稿" onClose={onClose} onSubmit={() => void save()} footer={(
      <><button type="button" className="button" onClick={onClose}>取消</button><button type="submit" className="button primary">登记</button></>
    )}>
      <label className="field"><span>约稿单位</span>
        <select value={outletId} onChange={(e) => setOutletId(e.target.value)}>
          <option value="">请选择…</option>
          {(outlets.data ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      </label>
      <label className="field"><span>约稿主题</span><input value={topic} onChange={(e) => setTopic(e.target.value)} maxLength={200} /></label>
      <label className="field"><span>约稿要求</span>
        <textarea rows={3} value={requirements} onChange={(e) => setRequirements(e.target.value)} maxLength={4000} placeholder="字数、角度、报送方式等" />
      </label>
      <div className="commission-form-row">
        <label className="field"><span>稿件类型</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
            {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </label>
        <label className="field"><span>被约稿人</span>
          <select value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            <option value="">请选择…</option>
            {writers.map((u) => <option key={u.id} value={u.id}>{u.displayName}</option>)}
          </select>
        </label>
        <label className="field"><span>截止日期</span><input type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} /></label>
        <label className="field"><span>提前提醒（天）</span>
          <input type="number" min={0} max={60} value={warnDays} onChange={(e) => setWarnDays(Math.max(0, Math.min(60, Number(e.target.value) || 0)))} />
        </label>
      </div>
      <ErrorText message={error ?? outlets.error ?? usersError} />
    </Dialog>
  );
}
