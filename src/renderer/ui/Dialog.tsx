/**
 * The app's one modal, on the native <dialog> element: showModal() gives the focus trap, the backdrop
 * and aria-modal semantics; Esc closes through onClose; the title names the dialog (aria-labelledby).
 */
import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface DialogBase {
  title: string;
  onClose: () => void;
  children: ReactNode;
}

/** A 440px form: Enter submits, the footer holds the buttons. */
interface FormDialogProps extends DialogBase {
  size?: 'small';
  /** When given, Enter in the form calls it. */
  onSubmit?: () => void;
  footer: ReactNode;
}

/** A 560px (`medium`) or 760px (`wide`) panel with a ✕ in its head; the body scrolls. */
interface PanelDialogProps extends DialogBase {
  size: 'medium' | 'wide';
}

/** A 900px sheet for reading a document (a version, a diff), with a subtitle and a 关闭 button. */
interface SheetDialogProps extends DialogBase {
  size: 'large';
  subtitle?: string;
}

export type DialogProps = FormDialogProps | PanelDialogProps | SheetDialogProps;

export function Dialog(props: DialogProps) {
  const { title, onClose } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog dialog-${props.size ?? 'small'}`}
      aria-labelledby={titleId}
      onCancel={(event) => { event.preventDefault(); onClose(); }}
    >
      <DialogContent {...props} heading={<h2 id={titleId} className="dialog-title">{title}</h2>} />
    </dialog>
  );
}

/** The dialog's inside, laid out by size; `heading` is the labelled title. */
function DialogContent(props: DialogProps & { heading: ReactNode }) {
  const { heading, onClose, children } = props;
  if (props.size === undefined || props.size === 'small') {
    const { onSubmit, footer } = props;
    const handleSubmit = (event: FormEvent) => {
      event.preventDefault();
      onSubmit?.();
    };
    return (
      <form onSubmit={handleSubmit} className="dialog-form" noValidate>
        {heading}
        <div className="dialog-body">{children}</div>
        <div className="dialog-footer">{footer}</div>
      </form>
    );
  }
  if (props.size === 'large') {
    return (
      <>
        <header className="dialog-sheet-head">
          <div>
            {heading}
            {props.subtitle && <p className="dialog-sheet-subtitle">{props.subtitle}</p>}
          </div>
          <button type="button" className="button small" onClick={onClose}>关闭</button>
        </header>
        <div className="dialog-sheet-body">{children}</div>
      </>
    );
  }
  return (
    <>
      <div className="dialog-panel-head">
        {heading}
        <button type="button" className="button ghost small" aria-label="关闭" onClick={onClose}>✕</button>
      </div>
      <div className="dialog-panel-body">{children}</div>
    </>
  );
}
