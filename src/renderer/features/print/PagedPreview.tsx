/**
 * The 预览 dialog: the very .docx that would be saved, rendered by docx-preview and laid out as real
 * A4 pages with their page numbers (paginate.ts), with 打印 (the pages, through the browser's or the
 * desktop shell's print) and, in the desktop app without a PDF-making server, 导出 PDF of the same pages.
 * `intent` runs 打印 or 导出 PDF as soon as the pages are laid out (the side panel's buttons).
 */
import { useEffect, useRef, useState } from 'react';
import { DOCX_MIME } from '../../../core/docx/layouts';
import type { DownloadedFile } from '../../api/client';
import { errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { ErrorText } from '../../ui/Notice';
import { docxCharSpacing, docxSections } from './docxSections';
import { paginate } from './paginate';
import { pagesToPdf, printPages } from './printPages';
import './print.css';

export type PreviewIntent = 'view' | 'print' | 'pdf';

export interface PagedPreviewProps {
  file: DownloadedFile;
  intent?: PreviewIntent;
  onClose: () => void;
  onSave: () => void;
  /** Saves a PDF made from the pages (desktop); absent where PDFs come from the server. */
  onPdf?: (bytes: Uint8Array) => Promise<void>;
}

export function PagedPreview({ file, intent = 'view', onClose, onSave, onPdf }: PagedPreviewProps) {
  const container = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<HTMLElement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let cancelled = false;
    const target = container.current;
    if (!target) return;
    Promise.all([import('docx-preview'), import('../docx/characterScale')])
      .then(async ([{ renderAsync }, { applyCharacterScale, scaledRunsOfDocx }]) => {
        if (cancelled) return;
        await renderAsync(new Blob([file.bytes as BlobPart], { type: DOCX_MIME }), target, undefined, {
          className: 'docx-page', inWrapper: true, breakPages: true, ignoreLastRenderedPageBreak: true,
          renderHeaders: true, renderFooters: false, experimental: true,
        });
        if (cancelled) return;
        // docx-preview leaves out Word's character scaling (the narrowed masthead): put it back.
        applyCharacterScale(target, scaledRunsOfDocx(file.bytes));
        // …and the default character spacing (28 characters a line), which changes where lines break.
        const spacing = docxCharSpacing(file.bytes);
        target.querySelectorAll<HTMLElement>('section.docx-page').forEach((page) => page.style.setProperty('--docx-char-spacing', `${spacing / 20}pt`));
        const laidOut = paginate(target, docxSections(file.bytes));
        target.dataset.pages = String(laidOut.length);
        setPages(laidOut.map((p) => p.element));
      })
      .catch(() => { if (!cancelled) setError('无法显示预览'); });
    return () => { cancelled = true; };
  }, [file]);

  const print = async (shown: HTMLElement[]) => {
    setError(null);
    try {
      await printPages(shown);
    } catch (caught) {
      setError(errorMessage(caught));
    }
  };
  const pdf = async (shown: HTMLElement[]) => {
    if (!onPdf) return;
    setBusy(true);
    setError(null);
    try {
      const bytes = await pagesToPdf(shown);
      if (bytes) await onPdf(bytes);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  const ran = useRef(false);
  useEffect(() => {
    if (!pages || ran.current || intent === 'view') return;
    ran.current = true;
    if (intent === 'print') void print(pages);
    else void pdf(pages);
  });

  return (
    <Dialog title={`预览：${file.fileName}`} onClose={onClose}
      footer={<>
        {pages && <span className="preview-pages" role="status">共 {pages.length} 页</span>}
        <button type="button" className="button" onClick={onClose}>关闭</button>
        <button type="button" className="button" disabled={!pages} onClick={() => pages && void print(pages)}>打印</button>
        {onPdf && <button type="button" className="button" disabled={!pages || busy} onClick={() => pages && void pdf(pages)}>导出 PDF</button>}
        <button type="button" className="button primary" onClick={onSave}>导出 Word</button>
      </>}>
      <ErrorText message={error} />
      <div ref={container} className="docx-preview" aria-label="预览内容" />
    </Dialog>
  );
}
