/**
 * 统计: each annual target's progress (actual / target), the count expected by the chosen date at an
 * even pace, the year-end projection and a colour for ahead / on pace / behind; the selected
 * target's monthly chart and breakdowns by writer and outlet level; click through to what counts.
 */
import { useState } from 'react';
import { DeskYield } from './DeskYield';
import { OUTLET_LEVEL_LABELS, type CountedItem, type TargetProgress, type YearTargetsResponse } from '../../../shared/ledger';
import { errorMessage } from '../../api/client';
import { useCurrentSession } from '../../app/session';
import { ErrorText, Loading } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { currentYear, formatDate, formatNumber, today, yearOptions } from '../ledger/format';
import { ledgerApi } from '../../api/ledger';
import { saveLedgerXlsx } from '../ledger/ledgerFiles';
import { Dialog } from '../../ui/Dialog';
import { MonthlyChart } from './MonthlyChart';
import { TargetsDialog } from './TargetsDialog';
import './dashboard.css';

const PACE_LABELS = { ahead: '超前', 'on-pace': '正常', behind: '落后', none: '' } as const;

function unitOf(t: TargetProgress): string {
  return t.unit === 'points' ? '分' : t.unit === 'count' ? '项' : t.unit === 'publications' ? '篇次' : '篇';
}

/** The default "as of": today within the current year, the year's last day for past years. */
function defaultAsOf(year: number): string {
  const now = today();
  return year < currentYear() ? `${year}-12-31` : year > currentYear() ? `${year}-01-01` : now;
}

export function DashboardPage() {
  const { user } = useCurrentSession();
  const canEdit = user.roles.includes('admin') || user.roles.includes('clerk');
  const [year, setYear] = useState(currentYear());
  const [asOf, setAsOf] = useState(defaultAsOf(currentYear()));
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [items, setItems] = useState<{ target: TargetProgress; items: CountedItem[] } | null>(null);
  const [editing, setEditing] = useState<YearTargetsResponse | null>(null);
  // A date being typed is not asked about until it is whole.
  const loaded = useLoad((signal) => ledgerApi.progress(year, asOf, signal), [year, asOf], /^\d{4}-\d{2}-\d{2}$/.test(asOf));
  const progress = loaded.data;

  const changeYear = (next: number) => {
    setYear(next);
    setAsOf(defaultAsOf(next));
  };

  const showItems = async (target: TargetProgress) => {
    try {
      const { items: list } = await ledgerApi.progressItems(year, asOf, target.key);
      setItems({ target, items: list });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const openTargets = async () => {
    try {
      setEditing(await ledgerApi.targets(year));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const current = progress?.targets.find((t) => t.key === selected) ?? progress?.targets.find((t) => t.type === 'rule') ?? null;

  return (
    <main className="page dashboard-page">
      <div className="page-header">
        <h1>统计</h1>
        <div className="page-actions dashboard-controls">
          <label className="inline-field"><span>年度</span>
            <select aria-label="年度" value={year} onChange={(e) => changeYear(Number(e.target.value))}>
              {yearOptions().map((y) => <option key={y} value={y}>{y} 年</option>)}
            </select>
          </label>
          <label className="inline-field"><span>截至</span>
            <input type="date" aria-label="截至日期" value={asOf} min={`${year}-01-01`} max={`${year}-12-31`} onChange={(e) => setAsOf(e.target.value)} />
          </label>
          {canEdit && <button type="button" className="button" onClick={() => void openTargets()}>年度目标</button>}
          <button type="button" className="button" onClick={() => void saveLedgerXlsx(year).catch((c: unknown) => setError(errorMessage(c)))}>导出 Excel</button>
        </div>
      </div>
      <ErrorText message={error ?? loaded.error} />
      {!progress ? (loaded.error ? null : <Loading />) : (
        <>
          <p className="page-lede muted">
            截至 {formatDate(progress.asOf)}，全年第 {progress.elapsedDays} 天（共 {progress.daysInYear} 天）。应完成数按全年均衡进度计算；低于应完成数 90% 为落后。
          </p>
          <section className="target-list" aria-label="年度目标完成情况">
            {progress.targets.map((t) => (
              <TargetRow key={t.key} target={t} selected={current?.key === t.key}
                onSelect={() => setSelected(t.key)} onShowItems={() => void showItems(t)} />
            ))}
          </section>

          {current && (
            <section className="target-detail" aria-label={`${current.name}详情`}>
              <div className="detail-head">
                <h2>{current.name}</h2>
                <span className="muted">月度完成、累计与均衡进度</span>
              </div>
              <MonthlyChart target={current} />
              <div className="breakdowns">
                <Breakdown title="按作者" unit={unitOf(current)} rows={current.byWriter.map((w) => ({ name: w.name, count: w.count }))} />
                <Breakdown title="按级别" unit={unitOf(current)} rows={current.byLevel.map((l) => ({ name: OUTLET_LEVEL_LABELS[l.level], count: l.count }))} />
              </div>
            </section>
          )}

          <section className="target-detail" aria-label="个人得分">
            <div className="detail-head"><h2>个人得分</h2><span className="muted">按考核办法计分：采用、刊发、批示加分，约稿未报扣分</span></div>
            {progress.writers.length === 0 ? <p className="muted">暂无</p> : (
              <table className="doc-table compact">
                <thead><tr><th scope="col">作者</th><th scope="col" className="num">报送篇数</th><th scope="col" className="num">得分</th></tr></thead>
                <tbody>
                  {progress.writers.map((w) => (
                    <tr key={w.name}><td>{w.name}</td><td className="num">{w.items}</td><td className="num">{formatNumber(w.score, 1)}</td></tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <DeskYield year={year} />
        </>
      )}

      {items && (
        <Dialog size="wide" title={`计入“${items.target.name}”的稿件`} onClose={() => setItems(null)}>
          {items.items.length === 0 ? <p className="muted">截至所选日期，暂无计入的稿件</p> : (
            <table className="doc-table compact" aria-label="计入稿件">
              <thead><tr><th scope="col">日期</th><th scope="col">标题</th><th scope="col">报送单位/媒体</th><th scope="col">级别</th><th scope="col">作者</th></tr></thead>
              <tbody>
                {items.items.map((i) => (
                  <tr key={i.key}>
                    <td className="num">{formatDate(i.on)}</td><td>{i.title}</td><td>{i.outletName}</td>
                    <td>{OUTLET_LEVEL_LABELS[i.level]}</td><td>{i.authors.join('、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Dialog>
      )}
      {editing && <TargetsDialog initial={editing} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); setError(null); loaded.reload(); }} />}
    </main>
  );
}

function TargetRow({ target: t, selected, onSelect, onShowItems }: { target: TargetProgress; selected: boolean; onSelect: () => void; onShowItems: () => void }) {
  const unit = unitOf(t);
  const share = t.target > 0 ? Math.min(1, t.actual / t.target) : 0;
  const paceShare = t.target > 0 ? Math.min(1, t.expected / t.target) : 0;
  return (
    <article className={`target-row pace-${t.status}${selected ? ' selected' : ''}`} aria-label={t.name} data-key={t.key}>
      <button type="button" className="target-name" onClick={onSelect} aria-pressed={selected}>{t.name}</button>
      <div className="target-bar" role="progressbar" aria-label={`${t.name}进度`} aria-valuemin={0}
        aria-valuemax={t.target || undefined} aria-valuenow={t.actual}>
        <div className="target-bar-fill" style={{ width: `${share * 100}%` }} />
        {t.target > 0 && <div className="target-bar-pace" style={{ left: `${paceShare * 100}%` }} title="应完成" />}
      </div>
      <dl className="target-figures">
        <div><dt>完成</dt><dd data-figure="actual">{formatNumber(t.actual, 1)}</dd></div>
        <div><dt>目标</dt><dd data-figure="target">{t.target > 0 ? formatNumber(t.target) : '—'}</dd></div>
        <div><dt>应完成</dt><dd data-figure="expected">{t.target > 0 ? formatNumber(t.expected, 1) : '—'}</dd></div>
        <div><dt>预计全年</dt><dd data-figure="projected">{formatNumber(t.projected, 1)}</dd></div>
      </dl>
      <span className="target-unit muted">{unit}</span>
      {t.status !== 'none' ? <span className={`pace-tag pace-tag-${t.status}`}>{PACE_LABELS[t.status]}</span> : <span className="pace-tag pace-tag-none">得分</span>}
      {t.type !== 'manual' ? (
        <button type="button" className="button small ghost" onClick={onShowItems} aria-label={`查看计入“${t.name}”的稿件`}>明细</button>
      ) : <span className="manual-note muted">手工填报</span>}
    </article>
  );
}

function Breakdown({ title, unit, rows }: { title: string; unit: string; rows: { name: string; count: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => Math.abs(r.count)));
  return (
    <div className="breakdown" aria-label={title}>
      <h3>{title}</h3>
      {rows.length === 0 ? <p className="muted">暂无</p> : (
        <ul>
          {rows.map((r) => (
            <li key={r.name}>
              <span className="breakdown-name">{r.name}</span>
              <span className="breakdown-bar"><span style={{ width: `${(Math.abs(r.count) / max) * 100}%` }} /></span>
              <span className="breakdown-count">{formatNumber(r.count, 1)} {unit}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
