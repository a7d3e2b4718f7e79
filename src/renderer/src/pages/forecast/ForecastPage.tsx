// Forecast: every series with its demand class, method, models and next 4 weeks; the selected series' history,
// one-week-ahead backtest and future forecast with 80/95 % bands; the portfolio's accuracy by horizon against
// the simple baselines; accuracy by group; order lines left out; outliers for review.
import { useMemo, useState, type ReactNode } from 'react';
import type { ForecastView } from '../../../../shared/views';
import { ChipCell } from '../../components/Chip';
import { DataGrid } from '../../components/DataGrid';
import { EChart } from '../../components/EChart';
import type { GridColumn } from '../../components/gridColumns';
import { Tabs } from '../../components/Tabs';
import { usePalette } from '../../components/usePalette';
import { formatNumber, formatRatioPct } from '../../lib/format';
import { xlsxExporter } from '../../lib/xlsx';
import { setHashParams, useHashParams } from '../../shell/useHashRoute';
import { usePlanView } from '../../stores/planStore';
import { PlanFrame } from '../plan/PlanFrame';
import {
  approachLabel,
  choiceText,
  historyGapText,
  uncoveredPlanText,
  LEVEL_LABELS,
  horizonOption,
  membersText,
  modelLabel,
  seriesOption,
} from './forecastCharts';
import './ForecastPage.css';

type Tab = 'series' | 'accuracy' | 'lines' | 'outliers';
const TABS: Tab[] = ['series', 'accuracy', 'lines', 'outliers'];

const SERIES_COLUMNS: GridColumn[] = [
  { field: 'series', headerName: 'Series', kind: 'text', width: 150, pinned: 'left' },
  { field: 'level', headerName: 'Level', kind: 'text', width: 80 },
  {
    field: 'demandClass',
    headerName: 'Class',
    kind: 'text',
    width: 128,
    colDef: { cellRenderer: ChipCell },
    description: 'Syntetos–Boylan class from ADI and CV²',
  },
  {
    field: 'family',
    headerName: 'Family',
    kind: 'text',
    width: 100,
    description: 'Demand pattern of the whole history: level, trend, seasonal or intermittent',
  },
  { field: 'method', headerName: 'Method', kind: 'text', width: 110 },
  {
    field: 'choice',
    headerName: 'Choice',
    kind: 'text',
    width: 110,
    description: 'What the backtest chose: one model, comb (equal-weight mean) or skill (weighted by backtest error)',
  },
  { field: 'models', headerName: 'Models (weights)', kind: 'text', width: 230 },
  {
    field: 'approach',
    headerName: 'Hierarchy',
    kind: 'text',
    width: 130,
    description: 'How the forecast was made coherent with the other levels: the approach chosen for its level by the backtest',
  },
  {
    field: 'next4Weeks',
    headerName: 'Next 4 weeks',
    kind: 'number',
    decimals: 0,
    width: 120,
    description: 'Forecast for the next 4 weeks, in the unit of the series',
  },
  { field: 'unit', headerName: 'Unit', kind: 'text', width: 70 },
  { field: 'reason', headerName: 'Reason', kind: 'text', width: 260 },
  { field: 'adi', headerName: 'ADI', kind: 'number', decimals: 2, width: 76, description: 'Average demand interval (weeks)' },
  { field: 'cv2', headerName: 'CV²', kind: 'number', decimals: 2, width: 76 },
  { field: 'nonZeroWeeks', headerName: 'Weeks with demand', kind: 'number', width: 140 },
  { field: 'historyTotal', headerName: 'History total', kind: 'number', decimals: 0, width: 120 },
  { field: 'style', headerName: 'Style', kind: 'text', width: 120, hide: true },
];

const LINE_COLUMNS: GridColumn[] = [
  { field: 'document', headerName: 'Document', kind: 'text', width: 110 },
  { field: 'line', headerName: 'Line', kind: 'number', width: 80 },
  { field: 'fStyle', headerName: 'Style', kind: 'text', width: 130 },
  { field: 'qty', headerName: 'Qty', kind: 'number', width: 90 },
  { field: 'uom', headerName: 'UOM', kind: 'text', width: 80 },
  { field: 'action', headerName: 'Action', kind: 'text', width: 110, colDef: { cellRenderer: ChipCell } },
  { field: 'reason', headerName: 'Reason', kind: 'text', width: 520 },
];

const OUTLIER_COLUMNS: GridColumn[] = [
  { field: 'series', headerName: 'Series', kind: 'text', width: 160 },
  { field: 'week', headerName: 'Week', kind: 'date', width: 110 },
  { field: 'value', headerName: 'Value', kind: 'number', decimals: 0, width: 110 },
  { field: 'median', headerName: 'Median', kind: 'number', decimals: 0, width: 110 },
  { field: 'robustZ', headerName: 'Robust z', kind: 'number', decimals: 1, width: 100 },
  { field: 'direction', headerName: 'Direction', kind: 'text', width: 100 },
];

type SeriesRow = ForecastView['series'][number];
type SeriesGridRow = Omit<SeriesRow, 'models' | 'weights' | 'approach'> & { models: string; approach: string };
/** A series as a grid row: its members with their weights, the choice and the hierarchy approach in words. */
export const seriesGridRow = ({ models, weights, approach, ...s }: SeriesRow): SeriesGridRow => ({
  ...s,
  models: membersText(models, weights),
  approach: approachLabel(approach),
});

/** "company total: MinT reconciliation · style: bottom-up · ...", or why the series were not reconciled. */
export function hierarchyText(h: ForecastView['hierarchy']): string {
  if (h.problem) return `Not reconciled: ${h.problem}`;
  return h.levels.map((l) => `${LEVEL_LABELS[l.level] ?? l.level}: ${approachLabel(l.approach)}`).join(' · ');
}

export function ForecastPage(): ReactNode {
  const view = usePlanView('view.forecast', {});
  const params = useHashParams();
  const tab: Tab = TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'series';
  return (
    <PlanFrame page="forecast" view={view} fill>
      {(d) => <ForecastBody d={d} tab={tab} series={params.series} />}
    </PlanFrame>
  );
}

function ForecastBody({ d, tab, series }: { d: ForecastView; tab: Tab; series?: string }): ReactNode {
  const selected = series ?? d.series[0]?.series ?? '';
  const row = d.series.find((s) => s.series === selected);
  const rows = useMemo(() => d.series.map(seriesGridRow), [d.series]);
  const classes = useMemo(() => {
    const c: Record<string, number> = {};
    for (const s of d.series) c[s.demandClass ?? 'no demand'] = (c[s.demandClass ?? 'no demand'] ?? 0) + 1;
    return c;
  }, [d.series]);
  return (
    <>
      <Tabs<Tab>
        testId="forecast-tabs"
        current={tab}
        onChange={(t) => setHashParams({ tab: t === 'series' ? undefined : t })}
        tabs={[
          { id: 'series', label: 'Series', count: d.series.length },
          { id: 'accuracy', label: 'Accuracy' },
          { id: 'lines', label: 'Line issues', count: d.lineIssues.length, countTone: d.lineIssues.length ? 'warning' : undefined },
          { id: 'outliers', label: 'Outliers', count: d.outliers.length },
        ]}
        extra={
          <span className="note">
            {Object.entries(classes)
              .map(([c, n]) => `${formatNumber(n)} ${c}`)
              .join(' · ')}{' '}
            · {d.historyWeeks.length} weeks of history from {d.historyWeeks[0]}
          </span>
        }
      />
      {tab === 'series' &&
        (d.historyGapWeeks.length > 0 || d.uncoveredPlanWeeks.length > 0 || d.hierarchy.levels.length > 0 || d.hierarchy.problem) && (
          <p className="note forecast-tab-note" data-testid="forecast-run-notes">
            {d.historyGapWeeks.length > 0 && (
              <span className="forecast-gap-note" data-testid="forecast-gap-note">
                {historyGapText(d.historyGapWeeks, d.asOf)}{' '}
              </span>
            )}
            {d.uncoveredPlanWeeks.length > 0 && (
              <span className="forecast-gap-note" data-testid="forecast-uncovered-note">
                {uncoveredPlanText(d.uncoveredPlanWeeks)}{' '}
              </span>
            )}
            <span data-testid="forecast-hierarchy">Hierarchy: {hierarchyText(d.hierarchy)}.</span>
          </p>
        )}
      {tab === 'series' && (
        <div className="split forecast-split">
          <section className="panel panel-fill forecast-series-panel">
            <DataGrid<SeriesGridRow>
              testId="forecast-grid"
              rows={rows}
              columns={SERIES_COLUMNS}
              rowSelection="single"
              getRowId={(r) => r.series}
              selectedRowId={selected}
              onSelectionChanged={(r) => r.length && setHashParams({ series: r[0].series })}
              exportFileName={`forecast-series-${d.asOf}`}
              onExportXlsx={xlsxExporter(`forecast-series-${d.asOf}`, 'Forecast series')}
              compactTools
            />
          </section>
          {selected && <SeriesDetail key={selected} series={selected} row={row} />}
        </div>
      )}
      {tab === 'accuracy' && <AccuracyTab d={d} />}
      {tab === 'lines' && (
        <section className="panel panel-fill grow">
          <p className="note forecast-tab-note">
            Sales lines the forecast could not use as they are: quantities in a unit that does not convert to yards or lbs are left out; converted
            ones are listed for checking.
          </p>
          <DataGrid<ForecastView['lineIssues'][number]>
            testId="forecast-lines-grid"
            rows={d.lineIssues}
            columns={LINE_COLUMNS}
            exportFileName={`forecast-line-issues-${d.asOf}`}
            onExportXlsx={xlsxExporter(`forecast-line-issues-${d.asOf}`, 'Line issues')}
          />
        </section>
      )}
      {tab === 'outliers' && (
        <section className="panel panel-fill grow">
          <p className="note forecast-tab-note">
            Weeks far from the series’ median (robust z-score): check them before trusting the forecast. Double-click to open the series.
          </p>
          <DataGrid<ForecastView['outliers'][number]>
            testId="forecast-outliers-grid"
            rows={d.outliers}
            columns={OUTLIER_COLUMNS}
            rowSelection="single"
            onRowDoubleClicked={(r) => setHashParams({ tab: undefined, series: r.series })}
            exportFileName={`forecast-outliers-${d.asOf}`}
            onExportXlsx={xlsxExporter(`forecast-outliers-${d.asOf}`, 'Outliers')}
          />
        </section>
      )}
    </>
  );
}

function SeriesDetail({ series, row }: { series: string; row?: SeriesRow }): ReactNode {
  const view = usePlanView('view.forecastSeries', { series });
  const palette = usePalette();
  const s = view.status === 'ready' ? view.data : undefined;
  const unit = row?.unit ?? '';
  const option = useMemo(() => (s ? seriesOption(s, unit, palette) : undefined), [s, unit, palette]);
  const metrics = useMemo(() => (s ? [...s.metrics].sort((a, b) => (a.wape ?? 9) - (b.wape ?? 9)) : []), [s]);
  const selectedWape = metrics.find((m) => m.model === 'selected')?.wape;
  return (
    <section className="panel forecast-detail" data-testid="forecast-detail" data-series={series}>
      <div className="panel-header">
        <div className="yarn-detail-title">
          <h3 className="panel-title">{series}</h3>
          <span className="panel-subtitle">
            {row ? `${row.demandClass ?? 'no demand'} · ${row.family ?? 'no'} family · ${row.method}` : ''}
            {s && s.method === 'statistical' ? ` · ${choiceText(s.choice, s.members, s.weights)} · hierarchy: ${approachLabel(s.approach)}` : ''}
            {s?.reason ? ` · ${s.reason}` : ''}
            {unit ? ` · ${unit} per week` : ''}
          </span>
        </div>
      </div>
      <div className="forecast-detail-body">
        {!s ? (
          <p className="note">
            {view.status === 'error' || view.error ? (view.error?.message ?? 'Could not load the series.') : 'Loading the series…'}
          </p>
        ) : (
          <>
            {option && <EChart option={option} testId="forecast-chart" height={310} />}
            {s.historyGapWeeks.length > 0 && (
              <p className="note forecast-gap-note" data-testid="forecast-detail-gap">
                {historyGapText(s.historyGapWeeks, s.asOf)}
              </p>
            )}
            <h4 className="section-title">
              Backtest accuracy of this series{' '}
              <span className="muted">rolling origin, weeks 1–4 ahead pooled · best first · blue: better than the selected forecast</span>
            </h4>
            <div className="plain-table-wrap">
              <table className="plain-table" data-testid="forecast-series-metrics">
                <thead>
                  <tr>
                    <th className="row-head">Model</th>
                    <th>WAPE</th>
                    <th>MASE</th>
                    <th title="Mean error relative to the mean actual; negative = under-forecast">Bias</th>
                    <th>Points</th>
                  </tr>
                </thead>
                <tbody>
                  {metrics.map((m) => (
                    <tr key={m.model} className={m.model === 'selected' ? 'metric-selected' : undefined}>
                      <th className="row-head">{modelLabel(m.model)}</th>
                      <td
                        className={
                          typeof selectedWape === 'number' && m.model !== 'selected' && m.wape !== null && m.wape < selectedWape ? 'hl' : undefined
                        }
                      >
                        {formatRatioPct(m.wape)}
                      </td>
                      <td>{m.mase === null ? '–' : formatNumber(m.mase, 2)}</td>
                      <td>{formatRatioPct(m.bias)}</td>
                      <td>{formatNumber(m.points)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </div>
    </section>
  );
}

const GROUP_ORDER = ['TOTAL', 'styles', 'smooth', 'intermittent'];

function AccuracyTab({ d }: { d: ForecastView }): ReactNode {
  const palette = usePalette();
  const option = useMemo(() => horizonOption(d.accuracyByHorizon, palette), [d.accuracyByHorizon, palette]);
  const [metric, setMetric] = useState<'wape' | 'mase' | 'bias'>('wape');
  const groups = useMemo(() => {
    const all = [...new Set(d.accuracy.map((a) => a.group))];
    return [...GROUP_ORDER.filter((g) => all.includes(g)), ...all.filter((g) => !GROUP_ORDER.includes(g))];
  }, [d.accuracy]);
  const models = useMemo(() => {
    const all = [...new Set(d.accuracy.map((a) => a.model))];
    return ['selected', ...all.filter((m) => m !== 'selected')].filter((m) => all.includes(m));
  }, [d.accuracy]);
  const cell = (g: string, m: string) => d.accuracy.find((a) => a.group === g && a.model === m);
  const best = (g: string) => {
    const vals = models.map((m) => cell(g, m)?.[metric]).filter((v): v is number => typeof v === 'number');
    if (!vals.length) return undefined;
    return metric === 'bias' ? vals.reduce((a, b) => (Math.abs(b) < Math.abs(a) ? b : a)) : Math.min(...vals);
  };
  const fmt = (v: unknown) => (typeof v !== 'number' ? '–' : metric === 'mase' ? formatNumber(v, 2) : formatRatioPct(v));
  return (
    <div className="split forecast-accuracy">
      <section className="panel forecast-horizon">
        <div className="panel-header">
          <h3 className="panel-title">Portfolio accuracy by horizon</h3>
          <span className="panel-subtitle">WAPE over all series, selected forecast vs the simple baselines</span>
        </div>
        <div className="panel-body">
          <EChart option={option} testId="forecast-horizon-chart" height={380} />
          <p className="note">
            {d.accuracyByHorizon.length ? `${formatNumber(d.accuracyByHorizon[0].points)} forecast points per horizon. ` : ''}A selected line below
            the dashed ones means the model selection earns its keep.
          </p>
        </div>
      </section>
      <section className="panel forecast-groups">
        <div className="panel-header">
          <h3 className="panel-title">Accuracy by group</h3>
          <span className="panel-subtitle">rolling origin, weeks 1–4 ahead pooled · best per group in blue</span>
          <div className="panel-actions">
            <div className="btn-group" role="group" aria-label="Metric">
              {(['wape', 'mase', 'bias'] as const).map((m) => (
                <button
                  key={m}
                  type="button"
                  className={metric === m ? 'btn btn-sm btn-accent-soft' : 'btn btn-sm'}
                  onClick={() => setMetric(m)}
                  data-testid={`forecast-metric-${m}`}
                >
                  {m.toUpperCase()}
                </button>
              ))}
            </div>
          </div>
        </div>
        <div className="panel-body">
          <div className="plain-table-wrap">
            <table className="plain-table" data-testid="forecast-accuracy-table">
              <thead>
                <tr>
                  <th className="row-head">Model</th>
                  {groups.map((g) => (
                    <th key={g}>{g}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {models.map((m) => (
                  <tr key={m} className={m === 'selected' ? 'metric-selected' : undefined}>
                    <th className="row-head">{modelLabel(m)}</th>
                    {groups.map((g) => {
                      const c = cell(g, m);
                      const v = c?.[metric];
                      return (
                        <td
                          key={g}
                          className={typeof v === 'number' && v === best(g) ? 'hl' : undefined}
                          title={c ? `${formatNumber(c.points)} points` : undefined}
                        >
                          {fmt(v)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </section>
    </div>
  );
}
