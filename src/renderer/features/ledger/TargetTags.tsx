/**
 * 发表目标 in the document header: the publication targets and outlets a piece is meant for, chosen
 * while drafting; the document list filters by them.
 */
import { useState } from 'react';
import type { TargetDefinition } from '../../../core/targets/model';
import { OUTLET_LEVEL_LABELS, type DocumentTargets, type Outlet } from '../../../shared/ledger';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { currentYear } from './format';
import { ledgerApi } from '../../api/ledger';
import './ledger.css';

export function TargetTags({ documentId, canEdit }: { documentId: string; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const loaded = useLoad(async () => {
    const [tags, year, list] = await Promise.all([ledgerApi.documentTargets(documentId), ledgerApi.targets(currentYear()), ledgerApi.outlets()]);
    return { tags, targets: year.targets.filter((d) => d.rule.type !== 'manual'), outlets: list.outlets };
  }, [documentId]);

  // Tags are decoration: the editor works without them, so a failure is one quiet line, not a block.
  if (loaded.error && !loaded.data) return <span className="target-tags muted">发表目标未能加载</span>;
  if (!loaded.data) return null;
  const { tags, targets, outlets } = loaded.data;
  const setTags = (next: DocumentTargets): void => loaded.update((d) => d && { ...d, tags: next });
  const names = [
    ...tags.targetKeys.map((k) => targets.find((t) => t.key === k)?.name ?? k),
    ...tags.outletIds.map((id) => outlets.find((o) => o.id === id)?.name ?? ''),
  ].filter(Boolean);

  return (
    <div className="target-tags" aria-label="发表目标">
      {names.map((n) => <span key={n} className="target-chip">{n}</span>)}
      {canEdit ? (
        <button type="button" className="button small ghost" onClick={() => setEditing(true)}>{names.length ? '修改目标' : '发表目标'}</button>
      ) : names.length === 0 ? null : null}
      {editing && <TagDialog tags={tags} targets={targets} outlets={outlets} documentId={documentId}
        onClose={() => setEditing(false)} onSaved={(t) => { setTags(t); setEditing(false); }} />}
    </div>
  );
}

function TagDialog({ tags, targets, outlets, documentId, onClose, onSaved }: {
  tags: DocumentTargets; targets: TargetDefinition[]; outlets: Outlet[]; documentId: string;
  onClose: () => void; onSaved: (t: DocumentTargets) => void;
}) {
  const [keys, setKeys] = useState(tags.targetKeys);
  const [ids, setIds] = useState(tags.outletIds);
  const [error, setError] = useState<string | null>(null);
  const flip = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  const save = async () => {
    try {
      onSaved(await ledgerApi.setDocumentTargets(documentId, { targetKeys: keys, outletIds: ids }));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <Dialog title="发表目标" onClose={onClose} onSubmit={() => void save()} footer={(
      <><button type="button" className="button" onClick={onClose}>取消</button><button type="submit" className="button primary">保存</button></>
    )}>
      <fieldset className="roles tag-choices">
        <legend>年度目标</legend>
        {targets.map((t) => (
          <label key={t.key} className="check"><input type="checkbox" checked={keys.includes(t.key)} onChange={() => setKeys(flip(keys, t.key))} />{t.name}</label>
        ))}
      </fieldset>
      <fieldset className="roles tag-choices">
        <legend>拟投刊物与媒体</legend>
        {outlets.filter((o) => !o.disabled).map((o) => (
          <label key={o.id} className="check"><input type="checkbox" checked={ids.includes(o.id)} onChange={() => setIds(flip(ids, o.id))} />
            {o.name}<span className="muted">（{OUTLET_LEVEL_LABELS[o.level]}）</span></label>
        ))}
      </fieldset>
      <ErrorText message={error} />
    </Dialog>
  );
}
