/**
 * 发表目标 in the document header: the publication targets and outlets a piece is meant for, chosen
 * while drafting; the document list filters by them.
 */
import { useEffect, useState } from 'react';
import type { TargetDefinition } from '../../../core/targets/model';
import { OUTLET_LEVEL_LABELS, type DocumentTargets, type Outlet } from '../../../shared/ledger';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { currentYear } from './format';
import { ledgerApi } from '../../api/ledger';
import './ledger.css';

export function TargetTags({ documentId, canEdit }: { documentId: string; canEdit: boolean }) {
  const [tags, setTags] = useState<DocumentTargets | null>(null);
  const [targets, setTargets] = useState<TargetDefinition[]>([]);
  const [outlets, setOutlets] = useState<Outlet[]>([]);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    let cancelled = false;
    Promise.all([ledgerApi.documentTargets(documentId), ledgerApi.targets(currentYear()), ledgerApi.outlets()])
      .then(([t, y, o]) => {
        if (cancelled) return;
        setTags(t);
        setTargets(y.targets.filter((d) => d.rule.type !== 'manual'));
        setOutlets(o.outlets);
      })
      .catch(() => { /* tags are optional decoration: the editor works without them */ });
    return () => { cancelled = true; };
  }, [documentId]);

  if (!tags) return null;
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
