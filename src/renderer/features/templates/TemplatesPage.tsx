/**
 * 模板与默认信息 (admin): each kind's templates, the built-in 文种 and the office's own, edited as
 * documents in the workspace, hidden or shown; and the office defaults each kind fills into new
 * pieces (刊名, 编发单位, 发文机关标志, 署名, …).
 */
import { useState } from 'react';
import { DOCUMENT_KINDS, KIND_LABELS, type DocumentKind } from '../../../core/domain/kinds';
import type { TemplateSummary } from '../../../shared/templates';
import { errorMessage } from '../../api/client';
import { templatesApi } from '../../api/templates';
import { navigate } from '../../app/router';
import { Dialog } from '../../ui/Dialog';
import { ErrorText, Loading } from '../../ui/Notice';
import { useLoad } from '../../ui/useLoad';
import { OfficeDefaultsForm } from './OfficeDefaultsForm';
import './templates.css';

export function TemplatesPage() {
  const loaded = useLoad((signal) => templatesApi.list(undefined, true, signal).then((r) => r.templates), []);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState<DocumentKind | null>(null);
  const act = async (action: () => Promise<unknown>) => {
    setError(null);
    try { await action(); loaded.reload(); } catch (caught) { setError(errorMessage(caught)); }
  };
  const edit = (t: TemplateSummary) => act(async () => {
    const made = await templatesApi.edit(t.id);
    if (made.documentId) navigate({ page: 'editor', documentId: made.documentId });
  });

  return (
    <main className="page">
      <div className="page-header"><h1>模板与默认信息</h1></div>
      <p className="page-lede muted">
        新建文稿时按文种从模板开始。模板就是一篇文稿：点“编辑正文”在编辑器里修改它的正文和属性，【】中的文字是给撰稿人的提示。
        单位默认信息填入每篇新文稿的属性，只需设置一次。
      </p>
      <ErrorText message={error ?? loaded.error} />
      {loaded.data === null ? (loaded.error ? null : <Loading />) : DOCUMENT_KINDS.map((kind) => (
        <section key={kind} className="template-kind" aria-label={KIND_LABELS[kind]}>
          <div className="template-kind-head">
            <h2>{KIND_LABELS[kind]}</h2>
            <button type="button" className="button small" onClick={() => setCreating(kind)}>新建模板</button>
          </div>
          <table className="doc-table">
            <thead><tr><th scope="col">名称</th><th scope="col">文种</th><th scope="col">来源</th><th scope="col">状态</th><th scope="col"><span className="visually-hidden">操作</span></th></tr></thead>
            <tbody>
              {(loaded.data ?? []).filter((t) => t.kind === kind).map((t) => (
                <tr key={t.id} className={t.disabled ? 'row-disabled' : undefined}>
                  <td className="doc-title">{t.name}</td>
                  <td>{t.genre}</td>
                  <td>{t.builtin ? (t.documentId ? '内置（已修改）' : '内置') : '本单位'}</td>
                  <td>{t.disabled ? '已停用' : '使用中'}</td>
                  <td className="row-actions">
                    <button type="button" className="button small" onClick={() => void edit(t)}>编辑正文</button>
                    <button type="button" className="button small ghost" onClick={() => void act(() => templatesApi.update(t.id, { disabled: !t.disabled }))}>
                      {t.disabled ? '启用' : '停用'}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <OfficeDefaultsForm kind={kind} />
        </section>
      ))}
      {creating && <NewTemplateDialog kind={creating} templates={(loaded.data ?? []).filter((t) => t.kind === creating)}
        onClose={() => setCreating(null)} onCreated={(t) => { setCreating(null); if (t.documentId) navigate({ page: 'editor', documentId: t.documentId }); }} />}
    </main>
  );
}

function NewTemplateDialog({ kind, templates, onClose, onCreated }: {
  kind: DocumentKind; templates: TemplateSummary[]; onClose: () => void; onCreated: (t: TemplateSummary) => void;
}) {
  const [name, setName] = useState('');
  const [genre, setGenre] = useState(templates[0]?.genre ?? '');
  const [base, setBase] = useState(templates[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!name.trim()) return setError('请填写模板名称');
    if (!genre.trim()) return setError('请填写文种');
    try {
      onCreated(await templatesApi.create({ kind, name: name.trim(), genre: genre.trim(), ...(base && { template: base }) }));
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  return (
    <Dialog title={`新建${KIND_LABELS[kind]}模板`} onClose={onClose} onSubmit={() => void save()} footer={(
      <><button type="button" className="button" onClick={onClose}>取消</button><button type="submit" className="button primary">创建并编辑</button></>
    )}>
      <label className="field"><span>模板名称</span><input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} autoFocus /></label>
      <label className="field"><span>文种</span><input value={genre} onChange={(e) => setGenre(e.target.value)} maxLength={20} /></label>
      <label className="field"><span>从哪个模板开始</span>
        <select value={base} onChange={(e) => { setBase(e.target.value); setGenre(templates.find((t) => t.id === e.target.value)?.genre ?? genre); }}>
          {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          <option value="">空白</option>
        </select>
      </label>
      <ErrorText message={error} />
    </Dialog>
  );
}
