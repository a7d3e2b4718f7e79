// A modal dialog for small forms (override editors): overlay, title, body, actions; Escape or the overlay closes it
// (unless `busy`), focus moves to the first field on open and back to where it was on close.
import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  title: ReactNode;
  /** Under the title, muted. */
  subtitle?: ReactNode;
  children: ReactNode;
  actions: ReactNode;
  onClose: () => void;
  testId: string;
  /** Wider dialog (tables inside). */
  wide?: boolean;
  /** While true, Escape and clicks on the overlay do not close the dialog. */
  busy?: boolean;
  /** Submitting the form (Enter in a field) calls this. */
  onSubmit?: () => void;
}

export function Modal({ title, subtitle, children, actions, onClose, testId, wide, busy, onSubmit }: ModalProps): ReactNode {
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = ref.current?.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled])');
    first?.focus();
    return () => previous?.focus?.();
  }, []);
  const close = () => {
    if (!busy) onClose();
  };
  return (
    <div className="modal-overlay" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form
        ref={ref}
        className={wide ? 'modal modal-form modal-wide' : 'modal modal-form'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${testId}-title`}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close();
          }
        }}
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit?.();
        }}
      >
        <h2 id={`${testId}-title`} className="modal-title">
          {title}
        </h2>
        {subtitle && <div className="modal-subtitle">{subtitle}</div>}
        <div className="modal-body">{children}</div>
        <div className="modal-actions">{actions}</div>
      </form>
    </div>
  );
}
