/**
 * 导入 Word for the document list: a button (native open dialog on the desktop, a file input in the
 * browser) and drag-and-drop of .docx files; each makes a new document and opens it.
 */
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../api/client';
import { navigate } from '../../app/router';
import { openFile } from '../../platform/desk';
import { WORD_FILTER } from '../../platform/fileTypes';
import { ErrorText } from '../../ui/Notice';
import { uploadDocx } from '../../api/docx';
import './docx.css';


function useWordImport() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const importFile = async (name: string, bytes: Uint8Array) => {
    setError(null);
    if (!/\.docx$/i.test(name)) {
      setError('只能导入 Word 文档（.docx）');
      return;
    }
    setBusy(true);
    try {
      const id = await uploadDocx(name, bytes);
      navigate({ page: 'editor', documentId: id });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, importFile };
}

/**
 * The 导入 Word button, with its progress and error messages; while it is on the page, a .docx
 * dropped anywhere on the window is imported too.
 */
export function ImportWordButton() {
  const { busy, error, importFile } = useWordImport();
  const [dragging, setDragging] = useState(false);
  const importRef = useRef(importFile);
  importRef.current = importFile;

  useEffect(() => {
    const hasFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
    const over = (event: DragEvent) => { if (hasFiles(event)) { event.preventDefault(); setDragging(true); } };
    const leave = (event: DragEvent) => { if (event.relatedTarget === null) setDragging(false); };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) void file.arrayBuffer().then((buffer) => importRef.current(file.name, new Uint8Array(buffer)));
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <span className="import-word">
      <button type="button" className="button" disabled={busy}
        onClick={async () => { const file = await openFile(WORD_FILTER); if (file) await importFile(file.name, file.bytes); }}>
        {busy ? '正在导入…' : '导入 Word'}
      </button>
      {dragging && <div className="word-drop-overlay" aria-hidden="true">松开鼠标导入 Word 文件</div>}
      <ErrorText message={error} />
    </span>
  );
}
