/** 审核流程 (admin): the checkpoint chain of each kind — names, the role that holds each, order, 会签 and its departments. */
import { useState } from 'react';
import { DOCUMENT_KINDS, KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import { CHECKPOINT_ROLES, type Checkpoint, type CheckpointChain } from '../../../core/domain/workflow';
import { ROLE_LABELS } from '../../../core/domain/roles';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { deskApi } from '../../api/desk';
import { CountersignSource } from './CountersignSource';
import { ErrorText } from '../../ui/Notice';
import { LoadState } from '../../ui/LoadState';
import { useLoad } from '../../ui/useLoad';
import './review.css';
import './admin.css';

function ChainEditor({ kind, initial, departments, onSaved }: {
  kind: DocumentKind; initial: CheckpointChain; departments: readonly string[]; onSaved: (chain: CheckpointChain) => void;
}) {
  const [chain, setChain] = useState<CheckpointChain>(initial);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(chain) !== JSON.stringify(initial);
  const label = KIND_LABELS[kind] ?? kind;

  const update = (index: number, patch: Partial<Checkpoint>): void => {
    setSaved(false);
    setChain((c) => ({ ...c, checkpoints: c.checkpoints.map((cp, i) => (i === index ? { ...cp, ...patch } : cp)) }));
  };
  const move = (index: number, by: -1 | 1): void => {
    setSaved(false);
    setChain((c) => {
      const list = [...c.checkpoints];
      const [item] = list.splice(index, 1);
      list.splice(index + by, 0, item);
      return { ...c, checkpoints: list };
    });
  };
  const remove = (index: number): void => {
    setSaved(false);
    setChain((c) => ({ ...c, checkpoints: c.checkpoints.filter((_, i) => i !== index) }));
  };
  const add = (): void => {
    setSaved(false);
    setChain((c) => ({ ...c, checkpoints: [...c.checkpoints, { key: `step-${Date.now().toString(36)}`, name: '', role: 'reviewer' }] }));
  };
  const save = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await reviewApi.saveChain(kind, chain);
      setSaved(true);
      onSaved(chain);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="chain-card" aria-label={label}>
      <header className="chain-head">
        <h2>{label}</h2>
        <p className="chain-flow">
          {[chain.draftName, ...chain.checkpoints.map((c) => `${c.name || '（未命名）'}${c.countersign ? `（会签${c.holdersFrom === 'departments' ? `：${(c.departments ?? []).join('、')}` : ''}）` : ''}`), '定稿'].join(' → ')}
        </p>
      </header>
      <label className="chain-row chain-draft">
        <span className="chain-index">起</span>
        <input aria-label={`${label}起草环节名称`} value={chain.draftName} maxLength={TEXT_LIMITS.chainDraftName}
          onChange={(e) => { setSaved(false); setChain((c) => ({ ...c, draftName: e.target.value })); }} />
      </label>
      <ol className="chain-steps">
        {chain.checkpoints.map((cp, i) => (
          <li key={cp.key} className="chain-row">
            <span className="chain-index">{i + 1}</span>
            <input aria-label={`${label}第${i + 1}环节名称`} value={cp.name} maxLength={TEXT_LIMITS.checkpointName} placeholder="环节名称"
              onChange={(e) => update(i, { name: e.target.value })} />
            <select aria-label={`${label}第${i + 1}环节办理人`} value={cp.role}
              onChange={(e) => update(i, { role: e.target.value === 'signer' ? 'signer' : 'reviewer' })}>
              {CHECKPOINT_ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
            </select>
            <label className="chain-countersign" title="会签：由上一环节选定多位办理人，全部同意后进入下一环节，任一人退回即退回">
              <input type="checkbox" aria-label={`${label}第${i + 1}环节会签`} checked={cp.countersign === true}
                onChange={(e) => update(i, e.target.checked ? { countersign: true } : { countersign: undefined, holdersFrom: undefined, departments: undefined })} />
              会签
            </label>
            <button type="button" className="button small ghost" aria-label="上移" disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
            <button type="button" className="button small ghost" aria-label="下移" disabled={i === chain.checkpoints.length - 1} onClick={() => move(i, 1)}>↓</button>
            <button type="button" className="button small ghost" aria-label="删除环节" disabled={chain.checkpoints.length <= 1} onClick={() => remove(i)}>删除</button>
            {cp.countersign && <CountersignSource label={`${label}第${i + 1}环节`} checkpoint={cp} known={departments} onChange={(patch) => update(i, patch)} />}
          </li>
        ))}
      </ol>
      <div className="chain-foot">
        <button type="button" className="button small" onClick={add} disabled={chain.checkpoints.length >= TEXT_LIMITS.checkpoints}>添加环节</button>
        <span className="workflow-spacer" />
        {saved && <span className="chain-saved">已保存</span>}
        <button type="button" className="button small primary" disabled={!dirty || busy} onClick={() => void save()}>保存</button>
      </div>
      <ErrorText message={error} />
    </section>
  );
}

export function ChainsPage() {
  const loaded = useLoad(() => reviewApi.chains(), []);
  // The departments the office's users have, to pick a 会签 step's departments from.
  const people = useLoad(() => deskApi.listUsers(), []);
  const departments = [...new Set((people.data?.users ?? []).flatMap((u) => (u.department && !u.disabled ? [u.department] : [])))];
  return (
    <main className="page">
      <div className="page-header"><h1>审核流程</h1></div>
      <p className="page-intro">每类文稿的审核环节。修改只对此后提交的文稿生效，审核中的文稿按原流程办理。</p>
      <LoadState loaded={loaded}>{(chains) => (
        <div className="chains">
          {DOCUMENT_KINDS.map((kind) => chains[kind] && (
            <ChainEditor key={kind} kind={kind} initial={chains[kind]} departments={departments}
              onSaved={(chain) => loaded.update((all) => (all ? { ...all, [kind]: chain } : all))} />
          ))}
        </div>
      )}</LoadState>
    </main>
  );
}
