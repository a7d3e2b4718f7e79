// Empty and error states for pages and panels.
import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';
import './EmptyState.css';

interface EmptyStateProps {
  title: string;
  message?: ReactNode;
  icon?: IconName;
  actions?: ReactNode;
  tone?: 'neutral' | 'error';
  testId?: string;
}

export function EmptyState({ title, message, icon = 'info', actions, tone = 'neutral', testId }: EmptyStateProps): ReactNode {
  return (
    <div className={`empty-state empty-state-${tone}`} data-testid={testId} role={tone === 'error' ? 'alert' : undefined}>
      <div className="empty-state-icon">
        <Icon name={icon} size={28} />
      </div>
      <div className="empty-state-title">{title}</div>
      {message && <div className="empty-state-message">{message}</div>}
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
