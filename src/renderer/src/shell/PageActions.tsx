// Pages put their buttons into the top bar through this portal: <PageActions>…</PageActions>.
import { createContext, useContext, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export const PageActionsSlot = createContext<HTMLElement | null>(null);

export function PageActions({ children }: { children: ReactNode }): ReactNode {
  const slot = useContext(PageActionsSlot);
  return slot ? createPortal(children, slot) : null;
}
