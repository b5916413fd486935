/**
 * 新建文稿: title, kind and 文种 (the kind's templates, or 空白); creates the document, its skeleton and
 * the office defaults filled in by the server, and hands back its id.
 */
import { useEffect, useState } from 'react';
import { DOCUMENT_KINDS, KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import { TEXT_LIMITS } from '../../../shared/textLimits';
import { errorMessage } from '../../api/client';
import { deskApi } from '../../api/desk';
import { templatesApi } from '../../api/templates';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';

const BLANK = '';

export function NewDocumentDialog({ onClose, onCreated }: {
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<DocumentKind>('comprehensive');
  const [template, setTemplate] = useState<string>(BLANK);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const templates = useLoad((signal) => templatesApi.list(kind, false, signal).then((r) => r.templates), [kind]);
  const offered = templates.data ?? [];
  // A new kind starts on its first 文种 (the skeleton is what most pieces want).
  useEffect(() => { setTemplate(templates.data?.[0]?.id ?? BLANK); }, [templates.data]);

  const create = async () => {
    if (!title.trim()) return setError('请输入标题');
    setBusy(true);
    setError(null);
    try {
      const document = await deskApi.createDocument({ title: title.trim(), kind, ...(template && { template }) });
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
      <label className="field">
        <span>文种</span>
        <select value={template} onChange={(e) => setTemplate(e.target.value)} disabled={templates.data === null}>
          {offered.map((t) => <option key={t.id} value={t.id}>{t.name === t.genre ? t.genre : `${t.name}（${t.genre}）`}</option>)}
          <option value={BLANK}>空白文稿</option>
        </select>
        <small className="muted">按文种的结构生成正文，【】中是待填写的提示；单位默认信息（如刊名、发文机关标志）自动填入文稿属性。</small>
      </label>
      <ErrorText message={error ?? templates.error} />
    </Dialog>
  );
}
