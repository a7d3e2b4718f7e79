// The app: shell + the page for the current hash route.
import { useEffect, type ReactNode } from 'react';
import type { PageId } from './routes';
import { Shell } from './shell/Shell';
import { useHashRoute } from './shell/useHashRoute';
import { connectStores } from './stores/connect';
import { DashboardPage } from './pages/dashboard/DashboardPage';
import { YarnPage } from './pages/yarn/YarnPage';
import { DemandPage } from './pages/demand/DemandPage';
import { PurchasingPage } from './pages/purchasing/PurchasingPage';
import { CapacityPage } from './pages/capacity/CapacityPage';
import { SchedulePage } from './pages/schedule/SchedulePage';
import { ForecastPage } from './pages/forecast/ForecastPage';
import { ScenariosPage } from './pages/scenarios/ScenariosPage';
import { ImportsPage } from './pages/imports/ImportsPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { DiagnosticsPage } from './pages/diagnostics/DiagnosticsPage';

const PAGE_COMPONENTS: Record<PageId, () => ReactNode> = {
  dashboard: DashboardPage,
  yarn: YarnPage,
  demand: DemandPage,
  purchasing: PurchasingPage,
  capacity: CapacityPage,
  schedule: SchedulePage,
  forecast: ForecastPage,
  scenarios: ScenariosPage,
  imports: ImportsPage,
  settings: SettingsPage,
  diagnostics: DiagnosticsPage,
};

export function App(): ReactNode {
  const page = useHashRoute();
  useEffect(() => connectStores(), []);
  const Page = PAGE_COMPONENTS[page];
  return (
    <Shell page={page}>
      <Page key={page} />
    </Shell>
  );
}
