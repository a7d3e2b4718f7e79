// Test and print hooks the renderer puts on `window` (see components/DataGrid.tsx, components/EChart.tsx, lib/readiness.ts).
import type { GridApi } from 'ag-grid-community';
import type { ECharts } from 'echarts';

declare global {
  interface Window {
    /** Every mounted DataGrid's API by its data-testid (e2e drives grids through this, not CSS classes). */
    __grids?: Record<string, GridApi>;
    /** Every mounted EChart by its data-testid, with a promise resolved on its first `finished` event. */
    __charts?: Record<string, { chart: ECharts; ready: Promise<void> }>;
    /** Resolves when every grid and chart currently mounted has rendered (used before printing and by e2e). */
    __bkpWhenReady?: () => Promise<void>;
  }
}

export {};
