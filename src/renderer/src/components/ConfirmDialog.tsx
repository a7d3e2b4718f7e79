// An in-app confirmation dialog: `await confirmAction({...})` resolves true/false. One <ConfirmHost/> in the shell.
import { useEffect, useRef, type ReactNode } from 'react';
import { create } from 'zustand';

export interface ConfirmRequest {
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  danger?: boolean;
}

interface ConfirmState {
  request?: ConfirmRequest & { resolve: (ok: boolean) => void };
}

const useConfirmStore = create<ConfirmState>(() => ({}));

export function confirmAction(request: ConfirmRequest): Promise<boolean> {
  useConfirmStore.getState().request?.resolve(false);
  return new Promise((resolve) => useConfirmStore.setState({ request: { ...request, resolve } }));
}

export function ConfirmHost(): ReactNode {
  const request = useConfirmStore((s) => s.request);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);

  const close = (ok: boolean) => {
    request?.resolve(ok);
    useConfirmStore.setState({ request: undefined });
  };

  useEffect(() => {
    if (!request) return;
    const previous = document.activeElement as HTMLElement | null;
    (request.danger ? cancelRef : confirmRef).current?.focus();
    return () => previous?.focus?.();
  }, [request]);

  if (!request) return null;
  return (
    <div className="modal-overlay" onMouseDown={(e) => e.target === e.currentTarget && close(false)}>
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        data-testid="confirm-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') close(false);
          if (e.key === 'Tab') {
            // keep focus inside the two buttons
            e.preventDefault();
            (document.activeElement === confirmRef.current ? cancelRef : confirmRef).current?.focus();
          }
        }}
      >
        <h2 id="confirm-title" className="modal-title">
          {request.title}
        </h2>
        <div className="modal-body">{request.message}</div>
        <div className="modal-actions">
          <button type="button" className="btn" ref={cancelRef} onClick={() => close(false)} data-testid="confirm-cancel">
            Cancel
          </button>
          <button
            type="button"
            className={request.danger ? 'btn btn-danger btn-solid' : 'btn btn-primary'}
            ref={confirmRef}
            onClick={() => close(true)}
            data-testid="confirm-ok"
          >
            {request.confirmLabel ?? 'OK'}
          </button>
        </div>
      </div>
    </div>
  );
}
