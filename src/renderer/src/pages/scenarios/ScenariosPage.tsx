import type { ReactNode } from 'react';
export function ScenariosPage(): ReactNode {
  return <div className="page">Scenarios</div>;
}
