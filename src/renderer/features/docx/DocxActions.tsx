/**
 * 导出 Word and 预览 for the editor page: the layout (版式) picked from the kind and overridable, the
 * file saved through the native dialog on the desktop or downloaded in the browser, and an in-page
 * preview of the very file that would be saved, rendered by docx-preview.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentDetail } from '../../../shared/api';
import { DOCX_LAYOUTS, DOCX_MIME, layoutForKind, type DocxLayout } from '../../../core/docx/layouts';
import { errorMessage } from '../../api/client';
import { saveBytes } from '../../platform/desk';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { fetchDocx } from '../../api/docx';
import type { DownloadedFile as ExportedDocx } from '../../api/client';
import { WORD_FILTER } from '../../platform/fileTypes';
import './docx.css';

const LAYOUT_LABELS: Record<DocxLayout, string> = { official: '公文', info: '政务信息', manuscript: '文稿' };

/**
 * `pendingSuggestions`: how many 修订 are pending in the body; while any is (and the piece is not
 * 定稿), the export offers 含修订 (Word revisions with author and time) or 不含修订 (the original text).
 */
export function DocxActions({ document, pendingSuggestions = 0 }: { document: DocumentDetail; pendingSuggestions?: number }) {
  const [layout, setLayout] = useState<DocxLayout>(layoutForKind(document.kind));
  const [withRevisions, setWithRevisions] = useState(true);
  const offerRevisions = pendingSuggestions > 0 && document.state !== 'final';
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ExportedDocx | null>(null);

  const generate = async (label: string): Promise<ExportedDocx | null> => {
    setError(null);
    setBusy(`正在${label}…`);
    try {
      return await fetchDocx(document.id, layout, (share) => setBusy(`正在${label}… ${Math.round(share * 100)}%`),
        offerRevisions && withRevisions);
    } catch (caught) {
      setError(errorMessage(caught));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const save = async (file: ExportedDocx) => {
    try {
      await saveBytes(file.fileName, file.bytes, WORD_FILTER, DOCX_MIME);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  return (
    <section className="side-section docx-actions" aria-label="Word 文件">
      <h2 className="side-title">Word 文件</h2>
      <label className="field">
        <span>版式</span>
        <select value={layout} onChange={(e) => setLayout(e.target.value as DocxLayout)}>
          {DOCX_LAYOUTS.map((l) => <option key={l} value={l}>{LAYOUT_LABELS[l]}</option>)}
        </select>
      </label>
      {offerRevisions && (
        <label className="field">
          <span>修订</span>
          <select aria-label="导出修订" value={withRevisions ? 'with' : 'without'}
            title={`正文中有 ${pendingSuggestions} 处待处理的修订`}
            onChange={(e) => setWithRevisions(e.target.value === 'with')}>
            <option value="with">含修订</option>
            <option value="without">不含修订</option>
          </select>
        </label>
      )}
      <div className="docx-buttons">
        <button type="button" className="button small primary" disabled={busy !== null}
          onClick={async () => { const file = await generate('生成'); if (file) await save(file); }}>导出 Word</button>
        <button type="button" className="button small" disabled={busy !== null}
          onClick={async () => { const file = await generate('生成预览'); if (file) setPreview(file); }}>预览</button>
      </div>
      {busy && <p className="muted-state" role="status" aria-live="polite">{busy}</p>}
      {document.state !== 'final' && <p className="docx-hint">未定稿的文稿导出为草稿（页眉和文件名带“草稿”）。</p>}
      <ErrorText message={error} />
      {preview && <DocxPreview file={preview} onClose={() => setPreview(null)} onSave={() => save(preview)} />}
    </section>
  );
}

function DocxPreview({ file, onClose, onSave }: { file: ExportedDocx; onClose: () => void; onSave: () => void }) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const target = container.current;
    if (!target) return;
    Promise.all([import('docx-preview'), import('./characterScale')])
      .then(async ([{ renderAsync }, { applyCharacterScale, scaledRunsOfDocx }]) => {
        if (cancelled) return;
        await renderAsync(new Blob([file.bytes as BlobPart], { type: DOCX_MIME }), target, undefined, {
          className: 'docx-page', inWrapper: true, breakPages: true, ignoreLastRenderedPageBreak: false,
          renderHeaders: true, renderFooters: true, experimental: true,
        });
        // docx-preview leaves out Word's character scaling (the narrowed masthead): put it back.
        if (!cancelled) applyCharacterScale(target, scaledRunsOfDocx(file.bytes));
      })
      .catch(() => { if (!cancelled) setError('无法显示预览'); });
    return () => { cancelled = true; };
  }, [file]);

  return (
    <Dialog title={`预览：${file.fileName}`} onClose={onClose}
      footer={<>
        <button type="button" className="button" onClick={onClose}>关闭</button>
        <button type="button" className="button primary" onClick={onSave}>导出 Word</button>
      </>}>
      <ErrorText message={error} />
      <div ref={container} className="docx-preview" aria-label="预览内容" />
    </Dialog>
  );
}
