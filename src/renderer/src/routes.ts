// The pages of the app and their hash routes (`#/yarn`).
export type PageId =
  'dashboard' | 'yarn' | 'demand' | 'purchasing' | 'capacity' | 'schedule' | 'forecast' | 'scenarios' | 'imports' | 'settings' | 'diagnostics';

export interface PageSpec {
  id: PageId;
  title: string;
  /** One line under the title in the top bar. */
  subtitle: string;
}

export const PAGES: readonly PageSpec[] = [
  { id: 'dashboard', title: 'Dashboard', subtitle: 'Exceptions and key figures of the current plan' },
  { id: 'yarn', title: 'Yarn', subtitle: 'Yarn position, planning balance and risk by yarn' },
  { id: 'demand', title: 'Demand', subtitle: 'Time-phased yarn demand from knit and sales orders' },
  { id: 'purchasing', title: 'Purchasing', subtitle: 'Suggested purchase orders and open PO coverage' },
  { id: 'capacity', title: 'Capacity', subtitle: 'Weekly machine and work-center load' },
  { id: 'schedule', title: 'Schedule', subtitle: 'Knit schedule by machine' },
  { id: 'forecast', title: 'Forecast', subtitle: 'Demand forecasts and backtest accuracy' },
  { id: 'scenarios', title: 'Scenarios', subtitle: 'What-if plans over the active snapshot' },
  { id: 'imports', title: 'Imports', subtitle: 'ERP exports, snapshots and import reports' },
  { id: 'settings', title: 'Settings', subtitle: 'Demand layers and the planning policy: thresholds and rules the engines use' },
  { id: 'diagnostics', title: 'Diagnostics', subtitle: 'Version, database, job history, memory, the log file and support bundles' },
];

export const DEFAULT_PAGE: PageId = 'dashboard';

export function pageById(id: PageId): PageSpec {
  return PAGES.find((p) => p.id === id) ?? PAGES[0];
}

/** `#/yarn` or `#/yarn?x=1` -> 'yarn'; anything unknown -> the dashboard. */
export function parseHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return (PAGES.find((p) => p.id === id)?.id ?? DEFAULT_PAGE) as PageId;
}

export type HashParams = Record<string, string>;

/** `#/yarn?yarnId=4001&tab=mrp` -> { yarnId: '4001', tab: 'mrp' }. */
export function parseHashParams(hash: string): HashParams {
  const q = hash.indexOf('?');
  if (q < 0) return {};
  return Object.fromEntries(new URLSearchParams(hash.slice(q + 1)).entries());
}

/** `#/yarn`, or `#/yarn?yarnId=4001` with params (empty values dropped, keys sorted for stable URLs). */
export function hrefFor(id: PageId, params?: Record<string, string | number | null | undefined>): string {
  const entries = Object.entries(params ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, String(v)]);
  return entries.length ? `#/${id}?${new URLSearchParams(entries).toString()}` : `#/${id}`;
}

/** A page id from anything the backend links to (alert links carry a page name); unknown -> undefined. */
export function asPageId(value: string): PageId | undefined {
  return PAGES.find((p) => p.id === value)?.id;
}
