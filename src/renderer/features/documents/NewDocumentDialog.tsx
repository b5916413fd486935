/** 新建文稿: title and kind; creates the document and hands back its id. */
import { useState } from 'react';
import { DOCUMENT_KINDS, KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';

export function NewDocumentDialog({ onClose, onCreated }: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('comprehensive');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const create = async () => {
    if (!title.trim()) return setError('请输入标题');
    setBusy(true);
    setError(null);
    try {
      const document = await deskApi.createDocument({ title: title.trim(), kind });
      onCreated(document.id);
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="新建文稿"
      onClose={onClose}
      onSubmit={() => void create()}
      footer={<>
        <button type="button" className="button" onClick={onClose}>取消</button>
        <button type="submit" className="button primary" disabled={busy}>创建</button>
      </>}
    >
      <label className="field">
        <span>标题</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={TEXT_LIMITS.title} autoFocus />
      </label>
      <label className="field">
        <span>类型</span>
        <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
          {DOCUMENT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
      </label>
      <ErrorText message={error} />
    </Dialog>
  );
}
