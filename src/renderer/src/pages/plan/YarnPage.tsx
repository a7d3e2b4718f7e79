// Yarn page: asks for its plan view and renders it (generic frame until the view payload gets a specific design).
import type { ReactNode } from 'react';
import { pageById } from '../../routes';
import { usePlanView } from '../../stores/planStore';
import { PlanFrame } from './PlanFrame';

const VIEW = pageById('yarn').view ?? 'yarn';

export function YarnPage(): ReactNode {
  const view = usePlanView(VIEW);
  return <PlanFrame page="yarn" view={view} />;
}
