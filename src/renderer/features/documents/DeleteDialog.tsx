/**
 * 删除文稿 for an admin and a protected piece (审核中, 定稿, or with 报送 rows in the ledger): says what
 * the deletion affects, as the server counts it, and requires the reason the audit log keeps.
 */
import { useState } from 'react';
import type { DocumentSummary } from '../../../shared/api';
import type { RemovalPreview } from '../../../shared/removal';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { Dialog } from '../../ui/Dialog';
import { ErrorText, Loading } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import './documents.css';
import { STATE_NAMES } from '../../../core/domain/workflow';

function Effects({ preview }: { preview: RemovalPreview }) {
  const { state, submissions, voidedSubmissions, openBy } = preview;
  return (
    <dl className="facts delete-effects">
      <dt>状态</dt>
      <dd>
        <span className={`state-tag state-${state}`}>{STATE_NAMES[state]}</span>
        {state === 'review' && '（将从审核人的待办中移除）'}
      </dd>
      <dt>报送台账</dt>
      <dd>
        {submissions === 0 ? '没有报送记录' : <>
          <strong>{submissions} 条报送记录</strong>
          {voidedSubmissions > 0 && `（其中 ${voidedSubmissions} 条已作废）`}
          ，记录保留在台账中，照常计入统计
        </>}
      </dd>
      <dt>正在打开</dt>
      <dd>{openBy.length === 0 ? '无人' : <><strong>{openBy.join('、')}</strong>，将立即看到提示，文稿变为只读</>}</dd>
    </dl>
  );
}

export function DeleteDialog({ document, onClose, onDeleted }: {
  document: DocumentSummary;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const loaded = useLoad(() => deskApi.removalPreview(document.id), [document.id]);
  const preview = loaded.data;
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const remove = async () => {
    if (!reason.trim()) return setError('请填写删除原因');
    setBusy(true);
    try {
      await deskApi.deleteDocument(document.id, reason.trim());
      onDeleted();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="删除文稿"
      onClose={onClose}
      onSubmit={() => void remove()}
      footer={<>
        <button type="button" className="button" onClick={onClose}>取消</button>
        <button type="submit" className="button primary" disabled={busy || !preview}>移入回收站</button>
      </>}
    >
      <p className="delete-lead">
        《{document.title}》将移入回收站，任何人都不能再编辑；创建人或管理员可以从回收站恢复。
      </p>
      {preview ? <Effects preview={preview} /> : !error && !loaded.error && <Loading />}
      <label className="field">
        <span>删除原因（记入审计日志）</span>
        <textarea className="delete-reason" rows={3} value={reason} maxLength={TEXT_LIMITS.deleteReason} required autoFocus
          placeholder="如 重复录入，保留另一份" onChange={(e) => setReason(e.target.value)} />
      </label>
      <ErrorText message={error ?? loaded.error} />
    </Dialog>
  );
}
