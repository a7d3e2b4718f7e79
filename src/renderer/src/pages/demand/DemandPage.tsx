// Demand: time-phased yarn demand in the ERP's own layouts (by knit order, by style, by yarn), where each style's
// BOM and knitting rate come from (with the planner's overrides), the orders that could not be phased, and the
// sales-order and forecast layers (on or off in Settings; never in the ERP-layout tables), and "Can we make it?".
import { useMemo, useState, type ReactNode } from 'react';
import type { DemandView } from '../../../../shared/views';
import { DataGrid } from '../../components/DataGrid';
import { FilterChips } from '../../components/FilterChips';
import { Chip } from '../../components/Chip';
import { Icon } from '../../components/Icon';
import { Tabs } from '../../components/Tabs';
import { formatNumber } from '../../lib/format';
import { xlsxExporter } from '../../lib/xlsx';
import { navigate, setHashParams, useHashParams } from '../../shell/useHashRoute';
import { usePlanView } from '../../stores/planStore';
import { PlanFrame } from '../plan/PlanFrame';
import { erpColumns, FORECAST_COLUMNS, SALES_COLUMNS, SKIPPED_COLUMNS, STYLE_COLUMNS } from './demandColumns';
import { koGrid, salesGridRow, styleGrid, styleGridRow, yarnGrid, type ErpGridRow, type SalesGridRow, type StyleGridRow } from './demandRows';
import { OverrideDialogHost } from './OverrideDialogs';
import { OverridesPanel } from './OverridesPanel';
import { AvailabilityPanel } from './AvailabilityPanel';
import { SOURCE_BADGES } from './SourceBadge';

type Tab = 'ko' | 'style' | 'yarn' | 'sources' | 'skipped' | 'sales' | 'forecast' | 'check';
const TABS: Tab[] = ['ko', 'style', 'yarn', 'sources', 'skipped', 'sales', 'forecast', 'check'];

export function DemandPage(): ReactNode {
  const view = usePlanView('view.demand', {});
  const params = useHashParams();
  const tab: Tab = TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'ko';
  return (
    <PlanFrame page="demand" view={view} fill>
      {(d) => (
        <>
          <DemandBody d={d} tab={tab} style={params.style} />
          <OverrideDialogHost />
        </>
      )}
    </PlanFrame>
  );
}

function countBy<T>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

type SkippedRow = DemandView['skippedOrders'][number];
type ForecastLine = DemandView['forecastLines'][number];

/** `style` (`#/demand?tab=style&style=X`, e.g. from "Go to anything"): the ERP layouts and the sources of that style only. */
function DemandBody({ d, tab, style }: { d: DemandView; tab: Tab; style?: string }): ReactNode {
  const ko = useMemo(() => koGrid(style ? { ...d.byKo, rows: d.byKo.rows.filter((r) => r.style === style) } : d.byKo), [d.byKo, style]);
  const byStyle = useMemo(
    () => styleGrid(style ? { ...d.byStyle, rows: d.byStyle.rows.filter((r) => r.style === style) } : d.byStyle),
    [d.byStyle, style],
  );
  const byYarn = useMemo(() => yarnGrid(d.byYarn), [d.byYarn]);
  const koColumns = useMemo(() => erpColumns(ko.columns), [ko.columns]);
  const styleColumns = useMemo(() => erpColumns(byStyle.columns), [byStyle.columns]);
  const yarnColumns = useMemo(() => erpColumns(byYarn.columns), [byYarn.columns]);
  const styles = useMemo(() => (style ? d.styles.filter((s) => s.style === style) : d.styles).map(styleGridRow), [d.styles, style]);
  const sales = useMemo(() => d.salesOrders.map(salesGridRow), [d.salesOrders]);
  const unresolvedSales = d.salesOrders.filter((s) => s.unresolved.length > 0).length;

  const tabs = [
    { id: 'ko' as const, label: 'By knit order', count: ko.rows.length },
    { id: 'style' as const, label: 'By style', count: byStyle.rows.length },
    { id: 'yarn' as const, label: 'By yarn', count: d.byYarn.rows.length },
    { id: 'sources' as const, label: 'BOM & rate sources', count: styles.length },
    {
      id: 'skipped' as const,
      label: 'Not phased',
      count: d.skippedOrders.length,
      countTone: d.skippedOrders.length ? ('warning' as const) : undefined,
    },
    { id: 'sales' as const, label: 'Sales-order layer', count: d.salesOrders.length },
    { id: 'forecast' as const, label: 'Forecast layer', count: d.forecastLines.length },
    { id: 'check' as const, label: 'Can we make it?' },
  ];

  return (
    <>
      <Tabs<Tab> testId="demand-tabs" current={tab} onChange={(t) => setHashParams({ tab: t === 'ko' ? undefined : t })} tabs={tabs} />
      <LayersBanner salesOrders={d.salesOrderLayerOn} forecast={d.forecastLayerOn} />
      {style && (
        <FilterChips
          testId="demand-style-filter"
          chips={[{ id: 'style', label: `Style ${style}`, count: byStyle.rows.length, band: 'info' }]}
          selected={['style']}
          onChange={() => setHashParams({ style: undefined })}
        />
      )}
      {(tab === 'ko' || tab === 'style' || tab === 'yarn') && (
        <p className="note demand-note">
          Yarn demand in lbs per ISO week as the ERP lays it out (“This Week” is the week of {d.asOf}). Click a yarn or a KO to open it.
        </p>
      )}
      {tab === 'check' && <AvailabilityPanel styles={d.styles.map((s) => s.style)} asOf={d.asOf} />}
      <section className="panel panel-fill grow" style={tab === 'check' ? { display: 'none' } : undefined}>
        {tab === 'ko' && (
          <DataGrid<ErpGridRow>
            testId="demand-grid"
            title="Demand by knit order"
            rows={ko.rows}
            columns={koColumns}
            exportFileName={`demand-by-ko-${d.asOf}`}
            onExportXlsx={xlsxExporter(`demand-by-ko-${d.asOf}`, 'By KO')}
          />
        )}
        {tab === 'style' && (
          <DataGrid<ErpGridRow>
            testId="demand-style-grid"
            title="Demand by style"
            rows={byStyle.rows}
            columns={styleColumns}
            exportFileName={`demand-by-style-${d.asOf}`}
            onExportXlsx={xlsxExporter(`demand-by-style-${d.asOf}`, 'By style')}
          />
        )}
        {tab === 'yarn' && (
          <DataGrid<ErpGridRow>
            testId="demand-yarn-grid"
            title="Demand, receipts and balance by yarn"
            rows={byYarn.rows}
            columns={yarnColumns}
            exportFileName={`demand-by-yarn-${d.asOf}`}
            onExportXlsx={xlsxExporter(`demand-by-yarn-${d.asOf}`, 'By yarn')}
          />
        )}
        {tab === 'sources' && <SourcesTab styles={styles} asOf={d.asOf} />}
        {tab === 'skipped' && (
          <DataGrid<SkippedRow>
            testId="demand-skipped-grid"
            title="Open knit orders not phased"
            rows={d.skippedOrders}
            columns={SKIPPED_COLUMNS}
            exportFileName={`demand-not-phased-${d.asOf}`}
            onExportXlsx={xlsxExporter(`demand-not-phased-${d.asOf}`, 'Not phased')}
            emptyMessage="Every open knit order has a BOM and a knitting rate"
            toolbar={
              d.skippedOrders.length > 0 && (
                <span className="note">
                  {formatNumber(d.skippedOrders.reduce((s, r) => s + r.balanceLbs, 0))} lbs of open orders carry no yarn demand
                </span>
              )
            }
          />
        )}
        {tab === 'sales' && (
          <div className="panel-fill grow demand-sales">
            <div
              className={d.salesOrderLayerOn ? 'banner' : 'banner banner-warning'}
              data-testid="demand-sales-layer-state"
              data-on={d.salesOrderLayerOn ? 'true' : 'false'}
            >
              <Icon name="info" size={14} />
              <span>
                {d.salesOrderLayerOn
                  ? 'The sales-order layer is included in the plan: uncovered sales-order lbs are exploded to yarn and phased in their needed week.'
                  : 'The sales-order layer is not included in this plan: these lines show what it would add (uncovered lbs exploded to yarn) and are not in the projected balance.'}
                {unresolvedSales > 0 && ` ${unresolvedSales} lines cannot be exploded (see Unresolved).`} <SettingsLink />
              </span>
            </div>
            <DataGrid<SalesGridRow>
              testId="demand-sales-grid"
              rows={sales}
              columns={SALES_COLUMNS}
              exportFileName={`demand-sales-orders-${d.asOf}`}
              onExportXlsx={xlsxExporter(`demand-sales-orders-${d.asOf}`, 'Sales orders')}
            />
          </div>
        )}
        {tab === 'forecast' && (
          <div className="panel-fill grow demand-sales">
            <div
              className={d.forecastLayerOn ? 'banner' : 'banner banner-warning'}
              data-testid="demand-forecast-layer-state"
              data-on={d.forecastLayerOn ? 'true' : 'false'}
            >
              <Icon name="info" size={14} />
              <span>
                {d.forecastLayerOn
                  ? 'The forecast layer is included in the plan: per greige style, the forecast not consumed by open sales orders is exploded to yarn through the style BOM.'
                  : 'The forecast layer is not included in this plan, so nothing is listed here. Switch it on in Settings to add the forecast not consumed by open sales orders to the yarn demand.'}{' '}
                <SettingsLink />
              </span>
            </div>
            <DataGrid<ForecastLine>
              testId="demand-forecast-grid"
              rows={d.forecastLines}
              columns={FORECAST_COLUMNS}
              exportFileName={`demand-forecast-layer-${d.asOf}`}
              onExportXlsx={xlsxExporter(`demand-forecast-layer-${d.asOf}`, 'Forecast layer')}
              emptyMessage={d.forecastLayerOn ? 'No forecast beyond the open sales orders in the plan weeks' : 'The forecast layer is off'}
              toolbar={
                d.forecastLines.length > 0 && (
                  <span className="note num">
                    {formatNumber(d.forecastLines.reduce((s, r) => s + r.netLbs, 0))} lbs added over {formatNumber(d.forecastLines.length)} greige
                    styles
                  </span>
                )
              }
            />
          </div>
        )}
      </section>
    </>
  );
}

function SettingsLink(): ReactNode {
  return (
    <button type="button" className="link-button" onClick={() => navigate('settings', { section: 'layers' })} data-testid="demand-layers-settings">
      Change in Settings
    </button>
  );
}

/** Which demand layers the plan includes; the ERP-layout tables never do. */
function LayersBanner({ salesOrders, forecast }: { salesOrders: boolean; forecast: boolean }): ReactNode {
  const state = (on: boolean) => (
    <Chip band={on ? 'info' : 'neutral'} title={on ? 'In the projected balance, shortages, MRP and suggestions' : 'Not in the plan'}>
      {on ? 'on' : 'off'}
    </Chip>
  );
  return (
    <div
      className="banner demand-layers"
      data-testid="demand-layers-banner"
      data-sales-orders={salesOrders ? 'on' : 'off'}
      data-forecast={forecast ? 'on' : 'off'}
    >
      <Icon name="info" size={14} />
      <span>
        Demand layers in the plan: sales orders {state(salesOrders)} · forecast {state(forecast)}.{' '}
        <span className="muted">
          {salesOrders || forecast
            ? 'They add to the projected balance, shortages and purchases; the ERP-layout tables (by KO, style, yarn) never include them.'
            : 'Only open knit orders create yarn demand; the ERP-layout tables (by KO, style, yarn) never include the layers anyway.'}
        </span>{' '}
        <SettingsLink />
      </span>
    </div>
  );
}

function SourcesTab({ styles, asOf }: { styles: StyleGridRow[]; asOf: string }): ReactNode {
  const [bom, setBom] = useState<string[]>([]);
  const [rate, setRate] = useState<string[]>([]);
  const bomCounts = useMemo(() => countBy(styles, (s) => s.bomSource), [styles]);
  const rateCounts = useMemo(() => countBy(styles, (s) => s.rateSource), [styles]);
  const rows = useMemo(
    () => styles.filter((s) => (bom.length === 0 || bom.includes(s.bomSource)) && (rate.length === 0 || rate.includes(s.rateSource))),
    [styles, bom, rate],
  );
  const chips = (counts: Record<string, number>) =>
    Object.keys(SOURCE_BADGES)
      .filter((k) => counts[k])
      .map((k) => ({ id: k, label: k, count: counts[k], band: SOURCE_BADGES[k].band }));
  return (
    <>
      <OverridesPanel />
      <div className="toolbar-row demand-source-filters">
        <FilterChips testId="demand-bom-source" label="BOM source" chips={chips(bomCounts)} selected={bom} onChange={setBom} />
        <FilterChips testId="demand-rate-source" label="Rate source" chips={chips(rateCounts)} selected={rate} onChange={setRate} />
      </div>
      <DataGrid<StyleGridRow>
        testId="demand-sources-grid"
        rows={rows}
        columns={STYLE_COLUMNS}
        exportFileName={`demand-bom-rate-sources-${asOf}`}
        onExportXlsx={xlsxExporter(`demand-bom-rate-sources-${asOf}`, 'BOM and rate sources')}
      />
    </>
  );
}
