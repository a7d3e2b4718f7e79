// The application frame: navigation, top bar (title + page actions), the page, status bar, toasts, dialogs.
import { useEffect, useState, type ReactNode } from 'react';
import { pageById, type PageId } from '../routes';
import { useApp } from '../stores/appStore';
import { ConfirmHost } from '../components/ConfirmDialog';
import { NavBar } from './NavBar';
import { PageActionsSlot } from './PageActions';
import { StatusBar } from './StatusBar';
import { Toasts } from './Toasts';
import { TopBar } from './TopBar';
import './Shell.css';

interface ShellProps {
  page: PageId;
  children: ReactNode;
}

export function Shell({ page, children }: ShellProps): ReactNode {
  const spec = pageById(page);
  const info = useApp((s) => s.info);
  const [slot, setSlot] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    document.title = `${spec.title} — ${info?.appName ?? 'Beverly Knits Planner'}`;
  }, [spec.title, info?.appName]);
  return (
    <div className="shell" data-page={page}>
      <NavBar current={page} appName={info?.appName ?? 'Beverly Knits Planner'} version={info?.version} />
      <div className="shell-main">
        <TopBar title={spec.title} subtitle={spec.subtitle} onActionsSlot={setSlot} />
        <PageActionsSlot.Provider value={slot}>
          <main className="shell-content" id="main" data-testid={`page-${page}`} tabIndex={-1}>
            {children}
          </main>
        </PageActionsSlot.Provider>
        <StatusBar />
      </div>
      <Toasts />
      <ConfirmHost />
    </div>
  );
}
