/**
 * 版本记录: the versions of a piece (at every transition and on demand), each opened read-only,
 * 对比 between any two or against the current text, and 恢复此版本 as a new change.
 */
import { useState } from 'react';
import { shortContentHash } from '../../../core/review/contentHash';
import type { VersionSummary } from '../../../shared/review';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { reviewApi } from '../../api/review';
import { formatTime } from '../../ui/format';
import { Dialog } from '../../ui/Dialog';
import { EmptyState, ErrorText, Loading } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { DiffView, VersionView } from './VersionViews';
import './versions.css';

const ORIGIN_LABELS: Record<VersionSummary['origin'], string> = { transition: '流转', manual: '手动', restore: '恢复' };
const CURRENT = 'current';

export function SaveVersionDialog({ documentId, onClose, onSaved }: { documentId: string; onClose: () => void; onSaved: () => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (!name.trim()) { setError('请填写版本名称'); return; }
    setBusy(true);
    try {
      await reviewApi.saveVersion(documentId, name.trim());
      onSaved();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  return (
    <Dialog title="保存版本" onClose={onClose} onSubmit={() => void save()} footer={
      <>
        <button type="button" className="button" onClick={onClose}>取消</button>
        <button type="submit" className="button primary" disabled={busy}>保存版本</button>
      </>
    }>
      <label className="field">
        <span>版本名称</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={TEXT_LIMITS.versionName} autoFocus placeholder="如：送审前定稿" />
      </label>
      <ErrorText message={error} />
    </Dialog>
  );
}

export function VersionsPanel({ documentId, reloadKey, canRestore, onSave, onRestored }: {
  documentId: string;
  reloadKey: number;
  canRestore: boolean;
  onSave: () => void;
  onRestored: () => void;
}) {
  const loaded = useLoad(async () => (await reviewApi.versions(documentId)).versions, [documentId, reloadKey]);
  const versions = loaded.data;
  const [error, setError] = useState<string | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(CURRENT);
  const [comparing, setComparing] = useState<{ from: string; to: string } | null>(null);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);


  const restore = async (version: VersionSummary) => {
    try {
      await reviewApi.restoreVersion(documentId, version.id);
      setRestoring(null);
      setError(null);
      loaded.reload();
      onRestored();
    } catch (caught) {
      setError(errorMessage(caught));
      setRestoring(null);
    }
  };

  const options = versions ?? [];
  const effectiveFrom = from || options[0]?.id || '';

  return (
    <div className="versions-panel">
      <div className="panel-actions">
        <button type="button" className="button small primary" onClick={onSave}>保存版本</button>
        <span className="panel-hint">Ctrl+S</span>
      </div>
      <ErrorText message={error ?? loaded.error} />
      {!versions && !error && !loaded.error && <Loading />}
      {versions && versions.length === 0 && <EmptyState>暂无版本</EmptyState>}
      {versions && versions.length > 0 && (
        <>
          <ul className="versions" aria-label="版本列表">
            {[...versions].reverse().map((v) => (
              <li key={v.id} className="version" aria-label={v.name}>
                <div className="version-head">
                  <span className="version-name"><span className="version-number">{versions.indexOf(v) + 1}.</span> {v.name}</span>
                  <span className={`origin-tag origin-${v.origin}`}>{ORIGIN_LABELS[v.origin]}</span>
                </div>
                <div className="version-meta">
                  {v.createdByName} · {formatTime(v.createdAt)} · <code className="hash" title={v.contentHash}>{shortContentHash(v.contentHash, 8)}</code>
                </div>
                <div className="version-buttons">
                  <button type="button" className="button small ghost" onClick={() => setViewing(v.id)}>查看</button>
                  <button type="button" className="button small ghost" aria-label={`对比 ${v.name} 与当前内容`}
                    onClick={() => setComparing({ from: v.id, to: CURRENT })}>与当前对比</button>
                  {canRestore && (
                    <button type="button" className="button small ghost" onClick={() => setRestoring(v)}>恢复此版本</button>
                  )}
                </div>
              </li>
            ))}
          </ul>
          <form className="compare-form" aria-label="对比版本"
            onSubmit={(e) => { e.preventDefault(); if (effectiveFrom) setComparing({ from: effectiveFrom, to }); }}>
            <label>
              <span>原版本</span>
              <select value={effectiveFrom} onChange={(e) => setFrom(e.target.value)} aria-label="原版本">
                {options.map((v, i) => <option key={v.id} value={v.id}>{i + 1}. {v.name}</option>)}
              </select>
            </label>
            <label>
              <span>新版本</span>
              <select value={to} onChange={(e) => setTo(e.target.value)} aria-label="新版本">
                <option value={CURRENT}>当前内容</option>
                {options.map((v, i) => <option key={v.id} value={v.id}>{i + 1}. {v.name}</option>)}
              </select>
            </label>
            <button type="submit" className="button small">对比</button>
          </form>
        </>
      )}
      {viewing && <VersionView documentId={documentId} versionId={viewing} onClose={() => setViewing(null)} />}
      {comparing && <DiffView documentId={documentId} from={comparing.from} to={comparing.to} onClose={() => setComparing(null)} />}
      {restoring && (
        <Dialog title="恢复此版本" onClose={() => setRestoring(null)} onSubmit={() => void restore(restoring)} footer={
          <>
            <button type="button" className="button" onClick={() => setRestoring(null)}>取消</button>
            <button type="submit" className="button primary">恢复此版本</button>
          </>
        }>
          <p className="dialog-note">将正文恢复为“{restoring.name}”的内容。恢复作为一次新的修改记录，之前的版本都会保留。</p>
        </Dialog>
      )}
    </div>
  );
}
