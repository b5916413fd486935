/** 年度目标: the year's target numbers, the manual counts and the points table (考核办法), as data. */
import { useState } from 'react';
import { OUTLET_LEVELS, type PointsTable, type TargetDefinition } from '../../../core/targets/model';
import { OUTLET_LEVEL_LABELS, type YearTargetsResponse } from '../../../shared/ledger';
import { errorMessage } from '../../api/client';
import { ErrorText } from '../../ui/Notice';
import { Dialog } from '../../ui/Dialog';
import { ledgerApi } from '../../api/ledger';

const POINT_ROWS: Array<{ key: 'adopted' | 'published' | 'instructed'; label: string }> = [
  { key: 'adopted', label: '采用' }, { key: 'published', label: '刊发' }, { key: 'instructed', label: '批示' },
];

export function TargetsDialog({ initial, onClose, onSaved }: { initial: YearTargetsResponse; onClose: () => void; onSaved: () => void }) {
  const [targets, setTargets] = useState<TargetDefinition[]>(initial.targets);
  const [points, setPoints] = useState<PointsTable>(initial.points);
  const [error, setError] = useState<string | null>(null);

  const setTarget = (key: string, change: (t: TargetDefinition) => TargetDefinition) =>
    setTargets((list) => list.map((t) => (t.key === key ? change(t) : t)));
  const num = (text: string) => (text.trim() === '' || Number.isNaN(Number(text)) ? 0 : Number(text));

  const save = async () => {
    try {
      await ledgerApi.saveTargets(initial.year, { targets, points } as Parameters<typeof ledgerApi.saveTargets>[1]);
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <Dialog size="wide" title={`${initial.year} 年度目标`} onClose={onClose}>
      {initial.isDefault && <p className="muted">本年度尚未设置，以下为工作打算中的默认目标。</p>}
      <table className="doc-table compact targets-edit">
        <thead><tr><th scope="col">目标</th><th scope="col">全年目标</th><th scope="col">已完成（手工填报）</th></tr></thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.key}>
              <td>{t.name}</td>
              <td><input type="number" min={0} aria-label={`${t.name}全年目标`} value={t.target}
                onChange={(e) => setTarget(t.key, (x) => ({ ...x, target: num(e.target.value) }))} /></td>
              <td>{t.rule.type === 'manual' ? (
                <input type="number" min={0} aria-label={`${t.name}已完成`} value={t.rule.count}
                  onChange={(e) => setTarget(t.key, (x) => ({ ...x, rule: { type: 'manual', count: num(e.target.value) } }))} />
              ) : <span className="muted">按台账自动统计</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="section-title">考核办法（得分）</h3>
      <table className="doc-table compact targets-edit">
        <thead><tr><th scope="col">事项</th>{OUTLET_LEVELS.map((l) => <th key={l} scope="col">{OUTLET_LEVEL_LABELS[l]}</th>)}</tr></thead>
        <tbody>
          {POINT_ROWS.map((row) => (
            <tr key={row.key}>
              <td>{row.label}</td>
              {OUTLET_LEVELS.map((l) => (
                <td key={l}><input type="number" aria-label={`${row.label}${OUTLET_LEVEL_LABELS[l]}得分`} value={points[row.key][l]}
                  onChange={(e) => setPoints((p) => ({ ...p, [row.key]: { ...p[row.key], [l]: num(e.target.value) } }))} /></td>
              ))}
            </tr>
          ))}
          <tr>
            <td>约稿未报（扣分）</td>
            <td colSpan={4}><input type="number" aria-label="约稿未报得分" value={points.missed}
              onChange={(e) => setPoints((p) => ({ ...p, missed: num(e.target.value) }))} /></td>
          </tr>
          <tr>
            <td>约稿未报几次信息得分清零（0 为不清零）</td>
            <td colSpan={4}><input type="number" min={0} max={20} aria-label="约稿未报清零次数" value={points.missedLimit ?? 0}
              onChange={(e) => setPoints((p) => ({ ...p, missedLimit: Math.max(0, Math.min(20, Math.trunc(num(e.target.value)))) }))} /></td>
          </tr>
        </tbody>
      </table>
      <ErrorText message={error} />
      <div className="dialog-footer">
        <button type="button" className="button" onClick={onClose}>取消</button>
        <button type="button" className="button primary" onClick={() => void save()}>保存</button>
      </div>
    </Dialog>
  );
}
