/**
 * 导出 Word, 预览, 打印, 导出 PDF and the 发文稿纸 for the editor page: the layout (版式) picked from the
 * kind and overridable, files saved through the native dialog on the desktop or downloaded in the
 * browser, and a paged preview of the very file that would be saved (print/PagedPreview.tsx).
 */
import { useState } from 'react';
import type { DocumentDetail } from '../../../shared/api';
import { DOCX_LAYOUTS, DOCX_MIME, layoutForKind, type DocxLayout } from '../../../core/docx/layouts';
import { ApiError, errorMessage } from '../../api/client';
import { isDesktop, saveBytes } from '../../platform/desk';
import { ErrorText } from '../../ui/Notice';
import { fetchDocx } from '../../api/docx';
import { fetchDispatchForm, fetchPdf } from '../../api/print';
import type { DownloadedFile as ExportedDocx } from '../../api/client';
import { PDF_FILTER, WORD_FILTER } from '../../platform/fileTypes';
import { PagedPreview, type PreviewIntent } from '../print/PagedPreview';
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
  const [preview, setPreview] = useState<{ file: ExportedDocx; intent: PreviewIntent } | null>(null);

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

  const savePdf = async (fileName: string, bytes: Uint8Array) => {
    try {
      await saveBytes(fileName.replace(/\.docx$/, '.pdf'), bytes, PDF_FILTER, 'application/pdf');
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };

  const openPreview = async (intent: PreviewIntent, label: string) => {
    const file = await generate(label);
    if (file) setPreview({ file, intent });
  };

  // The server's PDF (LibreOffice) where it makes one; in the desktop app without it, the pages of the 预览.
  const exportPdf = async () => {
    setError(null);
    setBusy('正在生成 PDF…');
    try {
      const file = await fetchPdf(document.id, layout, (share) => setBusy(`正在生成 PDF… ${Math.round(share * 100)}%`));
      setBusy(null);
      await saveBytes(file.fileName, file.bytes, PDF_FILTER, 'application/pdf');
    } catch (caught) {
      setBusy(null);
      if (caught instanceof ApiError && caught.status === 503 && isDesktop()) await openPreview('pdf', '生成 PDF');
      else setError(errorMessage(caught));
    }
  };

  const exportForm = async () => {
    setError(null);
    setBusy('正在生成发文稿纸…');
    try {
      const file = await fetchDispatchForm(document.id);
      await saveBytes(file.fileName, file.bytes, WORD_FILTER, DOCX_MIME);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
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
          onClick={() => openPreview('view', '生成预览')}>预览</button>
        <button type="button" className="button small" disabled={busy !== null}
          onClick={() => openPreview('print', '准备打印')}>打印</button>
      </div>
      <div className="docx-buttons">
        <button type="button" className="button small" disabled={busy !== null} onClick={exportPdf}>导出 PDF</button>
        <button type="button" className="button small" disabled={busy !== null} onClick={exportForm}
          title="发文处理笺：标题、文号、各环节的意见、签名和日期">{document.kind === 'official' ? '发文稿纸' : '审签单'}</button>
      </div>
      {busy && <p className="muted-state" role="status" aria-live="polite">{busy}</p>}
      {document.state !== 'final' && <p className="docx-hint">未定稿的文稿导出为草稿（页眉和文件名带“草稿”）。</p>}
      <ErrorText message={error} />
      {preview && <PagedPreview file={preview.file} intent={preview.intent} onClose={() => setPreview(null)}
        onSave={() => save(preview.file)}
        onPdf={isDesktop() ? (bytes) => savePdf(preview.file.fileName, bytes) : undefined} />}
    </section>
  );
}
