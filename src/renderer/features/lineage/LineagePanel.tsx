/**
 * 来源与派生 (一稿多用) in the workspace: the pieces this one was made from and those made from it, the
 * 约稿 it answers, and 派生 (a new piece of another kind from this one) and 答复约稿 (tag this piece as
 * the answer to one of the writer's 约稿). On a template's document it says what the document is.
 */
import { useState } from 'react';
import { DOCUMENT_KINDS, KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import { STATE_NAMES } from '../../../core/domain/workflow';
import { COMMISSION_STATUS_NAMES } from '../../../core/commissions/deadline';
import type { DocumentDetail } from '../../../shared/api';
import type { LinkedPiece } from '../../../shared/templates';
import { errorMessage } from '../../api/client';
import { templatesApi } from '../../api/templates';
import { navigate, routeHref } from '../../app/router';
import { ErrorText } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import './lineage.css';

function PieceLinks({ label, pieces }: { label: string; pieces: LinkedPiece[] }) {
  if (pieces.length === 0) return null;
  return (
    <>
      <h3 className="lineage-label">{label}</h3>
      <ul className="lineage-list">
        {pieces.map((p) => (
          <li key={p.id}>
            {p.title === null ? <span className="muted">（无权查看的文稿）</span>
              : <a href={routeHref({ page: 'editor', documentId: p.id })}>{p.title}</a>}
            <span className="muted"> · {KIND_LABELS[p.kind]} · {STATE_NAMES[p.state]}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

export function LineagePanel({ document }: { document: DocumentDetail }) {
  const lineage = useLoad((signal) => templatesApi.lineage(document.id, signal), [document.id]);
  const editable = document.access.canEdit && !document.deletedAt;
  const mine = useLoad((signal) => templatesApi.commissions({ mine: true }, signal).then((r) => r.commissions), [document.id], editable);
  const [kind, setKind] = useState<DocumentKind>(document.kind === 'info' ? 'media' : 'info');
  const [answering, setAnswering] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = lineage.data;

  if (data?.template) {
    return (
      <section className="side-section" aria-labelledby="lineage-title">
        <h2 id="lineage-title" className="side-title">模板</h2>
        <p className="lineage-note">这是“{data.template.name}”模板（{KIND_LABELS[data.template.kind]}）。这里的正文和属性就是新建{data.template.genre}时的起点；【】中的文字是留给撰稿人的提示。</p>
        <a href="#/admin/templates">返回模板管理</a>
      </section>
    );
  }

  const derive = async () => {
    setBusy(true);
    setError(null);
    try {
      const piece = await templatesApi.derive(document.id, kind);
      navigate({ page: 'editor', documentId: piece.id });
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  };
  const answer = async () => {
    if (!answering) return;
    setError(null);
    try {
      await templatesApi.answerCommission(answering, document.id);
      setAnswering('');
      lineage.reload();
      mine.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  const open = (mine.data ?? []).filter((c) => !c.documentId && !c.cancelled && c.status !== 'answered');

  return (
    <section className="side-section" aria-labelledby="lineage-title">
      <h2 id="lineage-title" className="side-title">来源与派生</h2>
      {data && (
        <>
          <PieceLinks label="来源" pieces={data.sources} />
          <PieceLinks label="派生稿件" pieces={data.derivatives} />
          {data.commissions.length > 0 && (
            <>
              <h3 className="lineage-label">答复约稿</h3>
              <ul className="lineage-list">
                {data.commissions.map((c) => (
                  <li key={c.id}>{c.outletName}：{c.topic}<span className="muted"> · 截止 {c.deadline} · {COMMISSION_STATUS_NAMES[c.status]}</span></li>
                ))}
              </ul>
            </>
          )}
          {data.sources.length + data.derivatives.length + data.commissions.length === 0 && (
            <p className="lineage-note muted">一稿多用：可从这篇派生其他类型的稿件，两篇会互相关联。</p>
          )}
        </>
      )}
      {!document.deletedAt && (
        <div className="add-person lineage-action">
          <select aria-label="派生为" value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
            {DOCUMENT_KINDS.filter((k) => k !== document.kind).map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
          <button type="button" className="button small" disabled={busy} onClick={() => void derive()}>派生</button>
        </div>
      )}
      {editable && open.length > 0 && (
        <div className="add-person lineage-action">
          <select aria-label="答复的约稿" value={answering} onChange={(e) => setAnswering(e.target.value)}>
            <option value="">选择要答复的约稿…</option>
            {open.map((c) => <option key={c.id} value={c.id}>{c.outletName}：{c.topic}（截止 {c.deadline}）</option>)}
          </select>
          <button type="button" className="button small" disabled={!answering} onClick={() => void answer()}>标记为答复</button>
        </div>
      )}
      <ErrorText message={error ?? lineage.error} />
    </section>
  );
}
