/** 报送: record a submission of a 定稿 piece (or of a piece written elsewhere) to one or more outlets. */
import { useEffect, useMemo, useState } from 'react';
import { DOCUMENT_KINDS, KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import { OUTLET_KIND_LABELS, OUTLET_LEVEL_LABELS, type FinalDocument, type Outlet } from '../../../shared/ledger';
import { OUTLET_LEVELS } from '../../../core/targets/model';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { ledgerApi } from '../../api/ledger';
import { today } from './format';

interface Props { outlets: Outlet[]; onClose: () => void; onRecorded: (count: number) => void; documentId?: string }

export function RecordSubmissionDialog({ outlets, onClose, onRecorded, documentId }: Props) {
  const [source, setSource] = useState<'document' | 'manual'>('document');
  const [documents, setDocuments] = useState<FinalDocument[] | null>(null);
  const [docId, setDocId] = useState(documentId ?? '');
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('media');
  const [authors, setAuthors] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [date, setDate] = useState(today());
  const [planned, setPlanned] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    ledgerApi.finalDocuments().then(({ documents: list }) => setDocuments(list)).catch((caught: unknown) => setError(errorMessage(caught)));
  }, []);

  const active = useMemo(() => outlets.filter((o) => !o.disabled), [outlets]);
  const toggle = (id: string) => setChosen((list) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]));

  const submit = async () => {
    if (source === 'document' && !docId) { setError('请选择定稿文稿'); return; }
    if (source === 'manual' && !title.trim()) { setError('请填写标题'); return; }
    if (chosen.length === 0) { setError('请选择报送单位/媒体'); return; }
    if (!planned && !date) { setError('请填写报送日期'); return; }
    setBusy(true);
    try {
      const names = authors.split(/[、,，;；\s]+/).map((a) => a.trim()).filter(Boolean);
      const { submissions } = await ledgerApi.createSubmissions(source === 'document'
        ? { documentId: docId, outletIds: chosen, on: planned ? null : date }
        : { title: title.trim(), kind, authors: names, outletIds: chosen, on: planned ? null : date });
      onRecorded(submissions.length);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog title="报送" onClose={onClose} onSubmit={() => void submit()} footer={(
      <>
        <button type="button" className="button" onClick={onClose}>取消</button>
        <button type="submit" className="button primary" disabled={busy}>确定报送</button>
      </>
    )}>
      <div className="segmented" role="radiogroup" aria-label="稿件来源">
        <label className="check"><input type="radio" name="source" checked={source === 'document'} onChange={() => setSource('document')} />定稿文稿</label>
        <label className="check"><input type="radio" name="source" checked={source === 'manual'} onChange={() => setSource('manual')} />手工录入</label>
      </div>
      {source === 'document' ? (
        <label className="field">
          <span>选择文稿</span>
          <select value={docId} onChange={(e) => setDocId(e.target.value)} disabled={documents === null}>
            <option value="">{documents === null ? '正在加载…' : documents.length === 0 ? '暂无定稿文稿' : '请选择'}</option>
            {documents?.map((d) => <option key={d.id} value={d.id}>{d.title}（{KIND_LABELS[d.kind]} · {d.authors.join('、')}）</option>)}
          </select>
        </label>
      ) : (
        <>
          <label className="field"><span>标题</span><input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={TEXT_LIMITS.title} /></label>
          <div className="field-row">
            <label className="field"><span>类别</span>
              <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
                {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
              </select>
            </label>
            <label className="field"><span>作者</span><input value={authors} onChange={(e) => setAuthors(e.target.value)} placeholder="多人用顿号分隔" /></label>
          </div>
        </>
      )}
      <fieldset className="outlet-picker">
        <legend>报送单位/媒体</legend>
        {OUTLET_LEVELS.map((level) => {
          const list = active.filter((o) => o.level === level);
          if (list.length === 0) return null;
          return (
            <div key={level} className="outlet-group">
              <span className="outlet-group-name">{OUTLET_LEVEL_LABELS[level]}</span>
              <div className="outlet-options">
                {list.map((o) => (
                  <label key={o.id} className="check" title={OUTLET_KIND_LABELS[o.kind]}>
                    <input type="checkbox" checked={chosen.includes(o.id)} onChange={() => toggle(o.id)} />{o.name}
                  </label>
                ))}
              </div>
            </div>
          );
        })}
      </fieldset>
      <div className="field-row">
        <label className="field"><span>报送日期</span><input type="date" value={date} disabled={planned} onChange={(e) => setDate(e.target.value)} /></label>
        <label className="check planned-check"><input type="checkbox" checked={planned} onChange={(e) => setPlanned(e.target.checked)} />拟报（尚未报送）</label>
      </div>
      <ErrorText message={error} />
    </Dialog>
  );
}
