/** 刊物与媒体: the outlet catalog with levels and kinds; admins and clerks add, edit and stop using outlets. */
import { useState } from 'react';
import { OUTLET_KINDS, OUTLET_LEVELS, type OutletKind, type OutletLevel } from '../../../core/targets/model';
import { OUTLET_KIND_LABELS, OUTLET_LEVEL_LABELS, type Outlet } from '../../../shared/ledger';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { EmptyState, ErrorText, Loading } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { LevelTag } from './labels';
import { ledgerApi } from '../../api/ledger';
import './ledger.css';

export function OutletsPage() {
  const loaded = useLoad(async () => (await ledgerApi.outlets()).outlets, []);
  const outlets = loaded.data;
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Outlet | 'new' | null>(null);
  const reload = (): void => { setError(null); loaded.reload(); };

  const toggle = async (outlet: Outlet) => {
    try {
      await ledgerApi.updateOutlet(outlet.id, { disabled: !outlet.disabled });
      reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <main className="page">
      <div className="page-header">
        <h1>刊物与媒体</h1>
        <div className="page-actions">
          <button type="button" className="button primary" onClick={() => setEditing('new')}>添加刊物或媒体</button>
        </div>
      </div>
      <p className="page-lede muted">级别决定报送能计入哪些年度目标：市级以上刊物、中央和省级媒体、市级以上媒体。标有“示例”的条目随系统提供，可修改或停用。</p>
      <ErrorText message={error ?? loaded.error} />
      {outlets === null ? (loaded.error ? null : <Loading />) : outlets.length === 0 ? <EmptyState>目录为空</EmptyState> : (
        <table className="doc-table">
          <thead>
            <tr><th scope="col">名称</th><th scope="col">级别</th><th scope="col">类型</th><th scope="col">状态</th><th scope="col"><span className="visually-hidden">操作</span></th></tr>
          </thead>
          <tbody>
            {outlets.map((o) => (
              <tr key={o.id} className={o.disabled ? 'row-disabled' : undefined}>
                <td className="doc-title">{o.name}{o.example && <span className="manual-mark">示例</span>}</td>
                <td><LevelTag level={o.level} /></td>
                <td>{OUTLET_KIND_LABELS[o.kind]}</td>
                <td>{o.disabled ? '已停用' : '使用中'}</td>
                <td className="row-actions">
                  <button type="button" className="button small" onClick={() => setEditing(o)}>编辑</button>
                  <button type="button" className="button small" onClick={() => void toggle(o)}>{o.disabled ? '启用' : '停用'}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && <OutletDialog outlet={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
        onSaved={() => { setEditing(null); reload(); }} />}
    </main>
  );
}

function OutletDialog({ outlet, onClose, onSaved }: { outlet: Outlet | null; onClose: () => void; onSaved: () => void }) {
  const [name, setName] = useState(outlet?.name ?? '');
  const [level, setLevel] = useState<OutletLevel>(outlet?.level ?? 'city');
  const [kind, setKind] = useState<OutletKind>(outlet?.kind ?? 'media');
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    if (!name.trim()) { setError('请填写名称'); return; }
    try {
      if (outlet) await ledgerApi.updateOutlet(outlet.id, { name: name.trim(), level, kind });
      else await ledgerApi.createOutlet({ name: name.trim(), level, kind });
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <Dialog title={outlet ? '编辑刊物或媒体' : '添加刊物或媒体'} onClose={onClose} onSubmit={() => void save()} footer={(
      <><button type="button" className="button" onClick={onClose}>取消</button><button type="submit" className="button primary">保存</button></>
    )}>
      <label className="field"><span>名称</span><input value={name} onChange={(e) => setName(e.target.value)} maxLength={TEXT_LIMITS.outletName} /></label>
      <label className="field"><span>级别</span>
        <select value={level} onChange={(e) => setLevel(e.target.value as OutletLevel)}>
          {OUTLET_LEVELS.map((l) => <option key={l} value={l}>{OUTLET_LEVEL_LABELS[l]}</option>)}
        </select>
      </label>
      <label className="field"><span>类型</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as OutletKind)}>
          {OUTLET_KINDS.map((k) => <option key={k} value={k}>{OUTLET_KIND_LABELS[k]}</option>)}
        </select>
      </label>
      <ErrorText message={error} />
    </Dialog>
  );
}
