/** 协作者: who may edit the document with its owner; the owner adds (添加) and removes (移除) them. */
import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/api';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { ErrorText } from '../../ui/Notice';
import { useUsers } from '../documents/useUsers';
import { cursorColorFor } from '../editor';

export function CollaboratorsPanel({ document, onChanged }: {
  document: DocumentDetail;
  onChanged: (document: DocumentDetail) => void;
}) {
  const { users, error: usersError } = useUsers();
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canManage = document.access.canManage;

  const taken = new Set([document.ownerId, ...document.collaborators.map((c) => c.id)]);
  const candidates = users.filter((u) => !taken.has(u.id) && !u.disabled);

  const run = async (action: () => Promise<DocumentDetail>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
      setPicked('');
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="side-section" aria-labelledby="collaborators-title">
      <h2 id="collaborators-title" className="side-title">协作者</h2>
      <ul className="people">
        <li className="person">
          <span className="avatar" style={{ background: cursorColorFor(document.ownerId) }} aria-hidden="true">
            {document.ownerName.slice(0, 1)}
          </span>
          <span className="person-name">{document.ownerName}</span>
          <span className="person-role">创建人</span>
        </li>
        {document.collaborators.map((c) => (
          <li className="person" key={c.id}>
            <span className="avatar" style={{ background: cursorColorFor(c.id) }} aria-hidden="true">
              {c.displayName.slice(0, 1)}
            </span>
            <span className="person-name">{c.displayName}</span>
            {canManage && (
              <button type="button" className="button small ghost" disabled={busy}
                aria-label={`移除 ${c.displayName}`}
                onClick={() => void run(() => deskApi.removeCollaborator(document.id, c.id))}>
                移除
              </button>
            )}
          </li>
        ))}
      </ul>
      {canManage && (
        <div className="add-person">
          <select aria-label="选择协作者" value={picked} onChange={(e) => setPicked(e.target.value)}>
            <option value="">选择用户…</option>
            {candidates.map((u) => <option key={u.id} value={u.id}>{u.displayName}（{u.username}）</option>)}
          </select>
          <button type="button" className="button small" disabled={!picked || busy}
            onClick={() => void run(() => deskApi.addCollaborator(document.id, picked))}>
            添加
          </button>
        </div>
      )}
      <ErrorText message={error ?? (canManage ? usersError : null)} />
    </section>
  );
}
