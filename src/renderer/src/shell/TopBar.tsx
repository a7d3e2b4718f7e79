// Top bar: the page title and subtitle, the page's actions (portal slot), and the theme toggle.
import type { ReactNode } from 'react';
import { useApp } from '../stores/appStore';
import { Icon } from '../components/Icon';
import { ActionLogButton } from './ActionLog';

interface TopBarProps {
  title: string;
  subtitle: string;
  onActionsSlot: (el: HTMLDivElement | null) => void;
}

export function TopBar({ title, subtitle, onActionsSlot }: TopBarProps): ReactNode {
  const theme = useApp((s) => s.theme);
  const toggleTheme = useApp((s) => s.toggleTheme);
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <header className="topbar" data-testid="topbar">
      <div className="topbar-titles">
        <h1 className="topbar-title" data-testid="page-title">
          {title}
        </h1>
        <span className="topbar-subtitle">{subtitle}</span>
      </div>
      <div className="topbar-actions" ref={onActionsSlot} data-testid="page-actions" />
      <ActionLogButton />
      <button
        type="button"
        className="btn btn-ghost topbar-theme"
        onClick={toggleTheme}
        aria-label={`Switch to ${next} theme`}
        title={`Switch to ${next} theme`}
        data-testid="theme-toggle"
        data-theme-current={theme}
      >
        <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
      </button>
    </header>
  );
}
