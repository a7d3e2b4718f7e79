// Scenario vs base side by side: KPI tiles and a change chart, then what changed row by row (shortages that
// appear / disappear / change, suggestions, orders that become late, work centers) and the alerts added/removed.
import { useMemo, useState, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { Chip, ChipCell } from '../../components/Chip';
import { DataGrid } from '../../components/DataGrid';
import { EChart } from '../../components/EChart';
import type { GridColumn } from '../../components/gridColumns';
import { linkCell } from '../../components/LinkCell';
import { Tabs } from '../../components/Tabs';
import { usePalette } from '../../components/usePalette';
import { xlsxExporter } from '../../lib/xlsx';
import { navigate } from '../../shell/useHashRoute';
import type { StatusBand } from '../../lib/format';
import { deltaChartOption, formatKpi, formatKpiDelta, KPI_SPECS, orderRows, shortageRows, suggestionRows } from './comparison';

type Compare = ChannelOutput<'scenarios.compare'>;
type Tab = 'shortages' | 'suggestions' | 'orders' | 'workCenters' | 'alerts';

const CHANGE_BANDS: Record<string, StatusBand> = {
  appears: 'critical',
  becomesLate: 'critical',
  added: 'high',
  changes: 'medium',
  changed: 'medium',
  latenessChanged: 'medium',
  disappears: 'low',
  becomesOnTime: 'low',
  removed: 'low',
};

function ChangeCell(p: { value?: unknown }): ReactNode {
  if (typeof p.value !== 'string') return null;
  return <Chip band={CHANGE_BANDS[p.value] ?? 'neutral'}>{p.value}</Chip>;
}

const openYarn = linkCell((id) => navigate('yarn', { yarnId: id }), 'Open the yarn (base plan)');

const SHORTAGE_COLUMNS: GridColumn[] = [
  { field: 'yarnId', headerName: 'Yarn', kind: 'text', width: 84, pinned: 'left', colDef: { cellRenderer: openYarn } },
  { field: 'change', headerName: 'Change', kind: 'text', width: 120, colDef: { cellRenderer: ChangeCell } },
  { field: 'deltaLbs', headerName: 'Δ short', unit: 'lbs', width: 110 },
  { field: 'baseShortLbs', headerName: 'Base short', unit: 'lbs', width: 120 },
  { field: 'scenarioShortLbs', headerName: 'Scenario short', unit: 'lbs', width: 140 },
  { field: 'baseFirstShort', headerName: 'Base first short', kind: 'date', width: 130 },
  { field: 'scenarioFirstShort', headerName: 'Scenario first short', kind: 'date', width: 150 },
  { field: 'baseRecovery', headerName: 'Base recovers', kind: 'date', width: 120 },
  { field: 'scenarioRecovery', headerName: 'Scenario recovers', kind: 'date', width: 140 },
  { field: 'description', headerName: 'Description', kind: 'text', width: 260 },
];

const SUGGESTION_COLUMNS: GridColumn[] = [
  { field: 'yarnId', headerName: 'Yarn', kind: 'text', width: 84, pinned: 'left', colDef: { cellRenderer: openYarn } },
  { field: 'change', headerName: 'Change', kind: 'text', width: 110, colDef: { cellRenderer: ChangeCell } },
  { field: 'deltaQtyLbs', headerName: 'Δ qty', unit: 'lbs', width: 100 },
  { field: 'deltaValueUsd', headerName: 'Δ value', unit: 'USD', width: 110 },
  { field: 'baseQtyLbs', headerName: 'Base qty', unit: 'lbs', width: 110 },
  { field: 'scenarioQtyLbs', headerName: 'Scenario qty', unit: 'lbs', width: 130 },
  { field: 'baseReceipt', headerName: 'Base receipt week', kind: 'date', width: 140 },
  { field: 'scenarioReceipt', headerName: 'Scenario receipt week', kind: 'date', width: 160 },
  { field: 'scenarioExpedite', headerName: 'Expedite in scenario', kind: 'boolean', width: 150 },
  { field: 'supplier', headerName: 'Supplier', kind: 'text', width: 200 },
];

const ORDER_COLUMNS: GridColumn[] = [
  { field: 'koNumber', headerName: 'KO', kind: 'text', width: 104, pinned: 'left' },
  { field: 'change', headerName: 'Change', kind: 'text', width: 140, colDef: { cellRenderer: ChangeCell } },
  { field: 'deltaLatenessDays', headerName: 'Δ lateness', unit: 'days', width: 120 },
  { field: 'baseLatenessDays', headerName: 'Base lateness', unit: 'days', width: 130 },
  { field: 'scenarioLatenessDays', headerName: 'Scenario lateness', unit: 'days', width: 150 },
  { field: 'baseFinish', headerName: 'Base finish', kind: 'date', width: 110 },
  { field: 'scenarioFinish', headerName: 'Scenario finish', kind: 'date', width: 130 },
  { field: 'baseMachine', headerName: 'Base machine', kind: 'text', width: 110 },
  { field: 'scenarioMachine', headerName: 'Scenario machine', kind: 'text', width: 130 },
  { field: 'scenarioBalanceLbs', headerName: 'Scenario balance', unit: 'lbs', width: 140 },
  { field: 'scenarioMaterialShort', headerName: 'Short of yarn', kind: 'boolean', width: 110 },
  { field: 'style', headerName: 'Style', kind: 'text', width: 130 },
];

const WC_COLUMNS: GridColumn[] = [
  { field: 'workCenter', headerName: 'Work center', kind: 'text', width: 130 },
  { field: 'deltaPct', headerName: 'Δ peak', unit: '%', decimals: 0, width: 110 },
  { field: 'aPeakUtilisationPct', headerName: 'Base peak', unit: '%', decimals: 0, width: 110 },
  { field: 'bPeakUtilisationPct', headerName: 'Scenario peak', unit: '%', decimals: 0, width: 130 },
];

interface ComparisonViewProps {
  data: Compare;
  scenarioName: string;
}

export function ComparisonView({ data, scenarioName }: ComparisonViewProps): ReactNode {
  const c = data.comparison;
  const palette = usePalette();
  const [tab, setTab] = useState<Tab>('shortages');
  const option = useMemo(() => deltaChartOption(c, palette), [c, palette]);
  const shortages = useMemo(() => shortageRows(c), [c]);
  const suggestions = useMemo(() => suggestionRows(c), [c]);
  const orders = useMemo(() => orderRows(c), [c]);
  const wcs = useMemo(() => c.workCenters.map((w) => ({ ...w })), [c]);
  const fileBase = `scenario-${scenarioName.replace(/[^A-Za-z0-9-]+/g, '_')}`;

  return (
    <div className="comparison" data-testid="scenario-comparison" data-identical={c.identical ? 'true' : 'false'}>
      {c.identical && <div className="banner">The scenario plan is the same as the base plan (no KPI or row difference beyond the tolerances).</div>}
      <div className="comparison-top">
        <div className="kpi-tiles comparison-tiles" data-testid="scenario-kpi-deltas">
          {KPI_SPECS.slice(0, 6).map((s) => {
            const d = c.deltas[s.key];
            return (
              <div
                key={s.key}
                className={`kpi-tile ${d > 0 ? 'kpi-tile-critical' : d < 0 ? 'kpi-tile-low' : ''}`}
                data-testid={`scenario-kpi-${s.key}`}
              >
                <span className="kpi-tile-label">{s.label}</span>
                <span className={`kpi-tile-value num delta ${d > 0 ? 'worse' : d < 0 ? 'better' : ''}`}>{formatKpiDelta(d, s.unit)}</span>
                <span className="kpi-tile-sub num">
                  {formatKpi(c.a[s.key], s.unit)} → {formatKpi(c.b[s.key], s.unit)}
                </span>
              </div>
            );
          })}
        </div>
        <section className="panel comparison-chart">
          <div className="panel-header">
            <h3 className="panel-title">Change vs base</h3>
            <span className="panel-subtitle">% change per KPI · red is worse</span>
          </div>
          <div className="chart-body">
            <EChart option={option} testId="scenario-delta-chart" height={230} />
          </div>
        </section>
      </div>
      <section className="panel panel-fill comparison-rows">
        <Tabs<Tab>
          testId="scenario-diff-tabs"
          current={tab}
          onChange={setTab}
          tabs={[
            { id: 'shortages', label: 'Shortages', count: c.shortages.length },
            { id: 'suggestions', label: 'Suggestions', count: c.suggestions.length },
            { id: 'orders', label: 'Orders', count: c.orders.length },
            { id: 'workCenters', label: 'Work centers', count: c.workCenters.length },
            { id: 'alerts', label: 'Alerts', count: data.alertsAdded.length + data.alertsRemoved.length },
          ]}
        />
        {tab === 'shortages' && (
          <DataGrid
            testId="scenario-diff-shortages"
            rows={shortages}
            columns={SHORTAGE_COLUMNS}
            exportFileName={`${fileBase}-shortages`}
            onExportXlsx={xlsxExporter(`${fileBase}-shortages`, 'Shortages')}
            emptyMessage="No shortage changes"
          />
        )}
        {tab === 'suggestions' && (
          <DataGrid
            testId="scenario-diff-suggestions"
            rows={suggestions}
            columns={SUGGESTION_COLUMNS}
            exportFileName={`${fileBase}-suggestions`}
            onExportXlsx={xlsxExporter(`${fileBase}-suggestions`, 'Suggestions')}
            emptyMessage="No suggestion changes"
          />
        )}
        {tab === 'orders' && (
          <DataGrid
            testId="scenario-diff-orders"
            rows={orders}
            columns={ORDER_COLUMNS}
            exportFileName={`${fileBase}-orders`}
            onExportXlsx={xlsxExporter(`${fileBase}-orders`, 'Orders')}
            emptyMessage="No order changes"
          />
        )}
        {tab === 'workCenters' && (
          <DataGrid
            testId="scenario-diff-workcenters"
            rows={wcs}
            columns={WC_COLUMNS}
            exportFileName={`${fileBase}-work-centers`}
            emptyMessage="No work-center changes"
          />
        )}
        {tab === 'alerts' && (
          <div className="alert-diff">
            <AlertDiffList title="Alerts added in the scenario" alerts={data.alertsAdded} testId="scenario-alerts-added" />
            <AlertDiffList title="Alerts gone in the scenario" alerts={data.alertsRemoved} testId="scenario-alerts-removed" />
          </div>
        )}
      </section>
    </div>
  );
}

function AlertDiffList({ title, alerts, testId }: { title: string; alerts: Compare['alertsAdded']; testId: string }): ReactNode {
  return (
    <div className="alert-diff-col" data-testid={testId} data-count={alerts.length}>
      <h4 className="section-title">
        {title} <span className="muted">{alerts.length}</span>
      </h4>
      {alerts.length === 0 ? (
        <p className="note">None.</p>
      ) : (
        <ul className="alert-diff-list">
          {alerts.map((a) => (
            <li key={a.key} data-alert-key={a.key}>
              <ChipCell value={a.severity.toUpperCase()} /> <b>{a.title}</b>
              <div className="note">{a.cause}</div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
