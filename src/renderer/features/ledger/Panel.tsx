/** A wide modal on the native <dialog> element for the ledger's detail views (Esc closes it). */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function Panel({ title, onClose, children, wide = false }: { title: ReactNode; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className={`dialog ledger-panel${wide ? ' wide' : ''}`} aria-labelledby={titleId}
      onCancel={(event) => { event.preventDefault(); onClose(); }}>
      <div className="ledger-panel-head">
        <h2 id={titleId} className="dialog-title">{title}</h2>
        <button type="button" className="button ghost small" aria-label="关闭" onClick={onClose}>✕</button>
      </div>
      <div className="ledger-panel-body">{children}</div>
    </dialog>
  );
}
