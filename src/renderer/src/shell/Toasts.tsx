// Toast stack (bottom right). Errors stay until dismissed; others fade out on their own.
import type { ReactNode } from 'react';
import { useToasts } from '../stores/toastStore';
import { Icon, type IconName } from '../components/Icon';

const ICON: Record<string, IconName> = { error: 'alert', warning: 'alert', success: 'check', info: 'info' };

export function Toasts(): ReactNode {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);
  return (
    <div className="toasts" data-testid="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'} data-testid="toast" data-kind={t.kind}>
          <Icon name={ICON[t.kind]} className="toast-icon" />
          <div className="toast-text">
            <div className="toast-title">
              {t.title}
              {t.count > 1 && <span className="toast-count"> ×{t.count}</span>}
            </div>
            {t.detail && <div className="toast-detail">{t.detail}</div>}
          </div>
          <button type="button" className="btn btn-ghost btn-sm toast-close" onClick={() => dismiss(t.id)} aria-label="Dismiss">
            <Icon name="close" size={12} />
          </button>
        </div>
      ))}
    </div>
  );
}
