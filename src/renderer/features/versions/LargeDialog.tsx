/** A wide modal for reading a document (a version, a diff): native <dialog>, Esc closes. */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function LargeDialog({ title, subtitle, onClose, children }: {
  title: string;
  subtitle?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog large-dialog" aria-labelledby={titleId}
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <header className="large-dialog-head">
        <div>
          <h2 id={titleId} className="dialog-title">{title}</h2>
          {subtitle && <p className="large-dialog-subtitle">{subtitle}</p>}
        </div>
        <button type="button" className="button small" onClick={onClose}>关闭</button>
      </header>
      <div className="large-dialog-body">{children}</div>
    </dialog>
  );
}
