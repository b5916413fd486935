/** 重命名: changes a document's title. */
import { useState } from 'react';
import type { DocumentSummary } from '../../../shared/api';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';

export function RenameDialog({ document, onClose, onRenamed }: {
  document: DocumentSummary;
  onClose: () => void;
  onRenamed: () => void;
}) {
  const [title, setTitle] = useState(document.title);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!title.trim()) return setError('请输入标题');
    setBusy(true);
    try {
      await deskApi.updateDocument(document.id, { title: title.trim() });
      onRenamed();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="重命名"
      onClose={onClose}
      onSubmit={() => void save()}
      footer={<>
        <button type="button" className="button" onClick={onClose}>取消</button>
        <button type="submit" className="button primary" disabled={busy}>保存</button>
      </>}
    >
      <label className="field">
        <span>标题</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={TEXT_LIMITS.title} autoFocus />
      </label>
      <ErrorText message={error} />
    </Dialog>
  );
}
