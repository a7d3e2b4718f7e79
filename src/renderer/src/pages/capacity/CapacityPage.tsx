// Capacity: weekly utilisation per work center as a heat map (bands from the capacity policy), the bottlenecks,
// the machines, and the orders that could not be loaded (no machine assigned, no knitting rate).
// `#/capacity?workCenter=10.34.22.F&week=2026-11-16` selects a work center and marks the week.
import { useMemo, type ReactNode } from 'react';
import type { CapacityView } from '../../../../shared/views';
import { DataGrid } from '../../components/DataGrid';
import { Icon } from '../../components/Icon';
import { KpiTile } from '../../components/KpiTile';
import { PrintActions } from '../../components/PrintActions';
import { Tabs } from '../../components/Tabs';
import { formatNumber, formatPct } from '../../lib/format';
import { xlsxExporter } from '../../lib/xlsx';
import { navigate, setHashParams, useHashParams } from '../../shell/useHashRoute';
import { usePlanView } from '../../stores/planStore';
import { useUtilisationBands } from '../../stores/policyStore';
import { PlanFrame } from '../plan/PlanFrame';
import { OverrideDialogHost } from '../demand/OverrideDialogs';
import {
  BOTTLENECK_COLUMNS,
  MACHINE_COLUMNS,
  UNASSIGNED_COLUMNS,
  UNRATED_COLUMNS,
  machineGridRow,
  unassignedGridRow,
  unratedGridRow,
  type MachineGridRow,
  type UnassignedGridRow,
  type UnratedGridRow,
} from './capacityColumns';
import { heatColumns, heatRows, weekField, type HeatRow } from './loadHeatmap';
import './CapacityPage.css';

type Tab = 'load' | 'bottlenecks' | 'machines' | 'unassigned' | 'unrated';
const TABS: Tab[] = ['load', 'bottlenecks', 'machines', 'unassigned', 'unrated'];

export function CapacityPage(): ReactNode {
  const view = usePlanView('view.capacity', {});
  const params = useHashParams();
  const tab: Tab = TABS.includes(params.tab as Tab) ? (params.tab as Tab) : 'load';
  return (
    <PlanFrame page="capacity" view={view} fill actions={<PrintActions report="loadByWorkCenter" testId="capacity-report" />}>
      {(d) => (
        <>
          <CapacityBody d={d} tab={tab} workCenter={params.workCenter} week={params.week} machine={params.machine} />
          <OverrideDialogHost />
        </>
      )}
    </PlanFrame>
  );
}

interface BodyProps {
  d: CapacityView;
  tab: Tab;
  workCenter?: string;
  week?: string;
  /** `#/capacity?tab=machines&machine=58` selects and scrolls to the machine. */
  machine?: string;
}

function CapacityBody({ d, tab, workCenter, week, machine }: BodyProps): ReactNode {
  const bands = useUtilisationBands();
  const rows = useMemo(() => heatRows(d), [d]);
  const columns = useMemo(() => heatColumns(d.weekStarts, bands, week), [d.weekStarts, bands, week]);
  const selected = workCenter !== undefined ? rows.find((r) => r.workCenter === workCenter) : undefined;
  const machines = useMemo(
    () => (workCenter !== undefined ? d.machines.filter((m) => m.workCenter === workCenter) : d.machines),
    [d.machines, workCenter],
  );
  const machineRows = useMemo(() => machines.map(machineGridRow), [machines]);
  const unassigned = useMemo(() => d.unassigned.map(unassignedGridRow), [d.unassigned]);
  const unrated = useMemo(() => d.unrated.map(unratedGridRow), [d.unrated]);
  const bottleneck = workCenter !== undefined ? d.bottlenecks.find((b) => b.workCenter === workCenter) : undefined;
  const peak = rows[0];
  const weekIndex = week ? d.weekStarts.findIndex((w) => w === week) : -1;

  return (
    <>
      <div className="kpi-tiles capacity-kpis" data-testid="capacity-kpis">
        <KpiTile
          testId="capacity-kpi-peak"
          term="peakUtilisation"
          label="Peak utilisation"
          value={formatPct(peak?.peakUtilisationPct ?? null)}
          sub={peak ? `WC ${peak.workCenter} in ${peak.peakWeek ?? '–'}` : undefined}
          tone={(peak?.peakUtilisationPct ?? 0) > bands.overloadPct ? 'critical' : 'neutral'}
          onClick={peak ? () => setHashParams({ tab: undefined, workCenter: peak.workCenter }) : undefined}
        />
        <KpiTile
          testId="capacity-kpi-bottlenecks"
          term="bottleneck"
          label="Bottlenecks"
          value={formatNumber(d.bottlenecks.length)}
          sub={`work centers over ${bands.bottleneckPct}% in some week`}
          tone={d.bottlenecks.length ? 'high' : 'low'}
          onClick={() => setHashParams({ tab: 'bottlenecks' })}
        />
        <KpiTile
          testId="capacity-kpi-machines"
          term="machines"
          label="Machines"
          value={formatNumber(d.machines.length)}
          sub={`${formatNumber(d.workCenters.length)} work centers`}
          onClick={() => setHashParams({ tab: 'machines', workCenter: undefined })}
        />
        <KpiTile
          testId="capacity-kpi-unassigned"
          term="unassignedOrders"
          label="Unassigned orders"
          value={formatNumber(d.unassigned.length)}
          sub="not on a machine yet"
          tone={d.unassigned.length ? 'medium' : 'low'}
          onClick={() => setHashParams({ tab: 'unassigned' })}
        />
        <KpiTile
          testId="capacity-kpi-unrated"
          term="unratedOrders"
          label="Unrated orders"
          value={formatNumber(d.unrated.length)}
          sub="no knitting rate: cannot be loaded"
          tone={d.unrated.length ? 'critical' : 'low'}
          onClick={() => setHashParams({ tab: 'unrated' })}
        />
      </div>
      <Tabs<Tab>
        testId="capacity-tabs"
        current={tab}
        onChange={(t) => setHashParams({ tab: t === 'load' ? undefined : t })}
        tabs={[
          { id: 'load', label: 'Load by work center', count: d.workCenters.length },
          { id: 'bottlenecks', label: 'Bottlenecks', count: d.bottlenecks.length, countTone: d.bottlenecks.length ? 'critical' : undefined },
          { id: 'machines', label: 'Machines', count: d.machines.length },
          { id: 'unassigned', label: 'Unassigned orders', count: d.unassigned.length, countTone: d.unassigned.length ? 'warning' : undefined },
          { id: 'unrated', label: 'Unrated orders', count: d.unrated.length, countTone: d.unrated.length ? 'critical' : undefined },
        ]}
        extra={
          tab === 'load' && (
            <span className="heat-legend" data-testid="capacity-legend">
              <span className="heat-swatch heat-low" /> below {bands.bottleneckPct}%
              <span className="heat-swatch heat-medium" /> {bands.bottleneckPct}–{bands.overloadPct}%
              <span className="heat-swatch heat-critical" /> over {bands.overloadPct}%
            </span>
          )
        }
      />
      {tab === 'load' && (
        <div className="capacity-load">
          <section className="panel panel-fill grow">
            <DataGrid<HeatRow>
              testId="capacity-grid"
              title="Utilisation per week (%)"
              rows={rows}
              columns={columns}
              rowSelection="single"
              getRowId={(r) => r.workCenter}
              selectedRowId={workCenter ?? ''}
              revealColumn={weekIndex >= 0 ? weekField(weekIndex) : undefined}
              onSelectionChanged={(r) => r.length && setHashParams({ workCenter: r[0].workCenter })}
              exportFileName={`load-by-work-center-${d.asOf}`}
              onExportXlsx={xlsxExporter(`load-by-work-center-${d.asOf}`, 'Load by work center')}
            />
          </section>
          {selected && (
            <section className="panel capacity-wc" data-testid="capacity-wc-detail">
              <div className="panel-header">
                <h3 className="panel-title">Work center {selected.workCenter === '' ? '(none)' : selected.workCenter}</h3>
                <span className="panel-subtitle num">
                  {formatNumber(selected.machines)} machines · peak {formatPct(selected.peakUtilisationPct)} in {selected.peakWeek ?? '–'} · average{' '}
                  {formatPct(selected.utilisationPct)} · {formatNumber(selected.daysAssigned, 1)} machine-days assigned
                  {selected.daysUnassigned > 0 ? ` + ${formatNumber(selected.daysUnassigned, 1)} unassigned` : ''} of{' '}
                  {formatNumber(selected.daysAvailable)} available
                </span>
                <div className="panel-actions">
                  <button
                    type="button"
                    className="btn btn-sm"
                    onClick={() => navigate('schedule', { workCenter: selected.workCenter })}
                    title="Show these machines on the schedule"
                  >
                    Schedule <Icon name="chevronRight" size={12} />
                  </button>
                  <button
                    type="button"
                    className="btn btn-sm btn-ghost"
                    onClick={() => setHashParams({ workCenter: undefined, week: undefined })}
                    aria-label="Close"
                  >
                    <Icon name="close" size={14} />
                  </button>
                </div>
              </div>
              {bottleneck?.reason && <p className="why why-critical capacity-why">{bottleneck.reason}</p>}
              <div className="capacity-wc-machines">
                <table className="plain-table" data-testid="capacity-wc-machines">
                  <thead>
                    <tr>
                      <th className="row-head">Machine</th>
                      <th>Utilisation</th>
                      <th>Overloaded weeks</th>
                      <th>Days required</th>
                      <th>Days available</th>
                      <th style={{ textAlign: 'left' }}>Orders (click to open on the schedule)</th>
                    </tr>
                  </thead>
                  <tbody>
                    {machines.map((m) => (
                      <tr key={m.machineId}>
                        <th className="row-head">{m.machineId}</th>
                        <td>{formatPct(m.utilisationPct)}</td>
                        <td>{formatNumber(m.overloadedWeeks)}</td>
                        <td>{formatNumber(m.daysRequired, 1)}</td>
                        <td>{formatNumber(m.daysAvailable)}</td>
                        <td className="text wc-orders">
                          {m.orderNos.map((o, i) => (
                            <span key={o}>
                              {i > 0 && ', '}
                              <button type="button" className="link-button" onClick={() => navigate('schedule', { koNumber: o })}>
                                {o}
                              </button>
                            </span>
                          ))}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </div>
      )}
      {tab === 'bottlenecks' && (
        <section className="panel panel-fill grow">
          <DataGrid<CapacityView['bottlenecks'][number]>
            testId="capacity-bottlenecks-grid"
            rows={d.bottlenecks}
            columns={BOTTLENECK_COLUMNS}
            rowSelection="single"
            onRowDoubleClicked={(r) => setHashParams({ tab: undefined, workCenter: r.workCenter })}
            exportFileName={`bottlenecks-${d.asOf}`}
            onExportXlsx={xlsxExporter(`bottlenecks-${d.asOf}`, 'Bottlenecks')}
            toolbar={<span className="note">double-click to see the week-by-week load</span>}
            emptyMessage="No work center reaches the bottleneck threshold"
          />
        </section>
      )}
      {tab === 'machines' && (
        <section className="panel panel-fill grow">
          <DataGrid<MachineGridRow>
            testId="capacity-machines-grid"
            rows={machineRows}
            columns={MACHINE_COLUMNS}
            rowSelection="single"
            getRowId={(r) => r.machineId}
            selectedRowId={machine ?? ''}
            onRowClicked={(r) => setHashParams({ machine: r.machineId })}
            exportFileName={`machines-${d.asOf}`}
            onExportXlsx={xlsxExporter(`machines-${d.asOf}`, 'Machines')}
            title={workCenter !== undefined ? `Work center ${workCenter || '(none)'}` : undefined}
          />
        </section>
      )}
      {tab === 'unassigned' && (
        <section className="panel panel-fill grow">
          <DataGrid<UnassignedGridRow>
            testId="capacity-unassigned-grid"
            title="Orders without a machine, with the machines that could take them"
            rows={unassigned}
            columns={UNASSIGNED_COLUMNS}
            exportFileName={`unassigned-orders-${d.asOf}`}
            onExportXlsx={xlsxExporter(`unassigned-orders-${d.asOf}`, 'Unassigned')}
            emptyMessage="Every order with a rate is on a machine"
          />
        </section>
      )}
      {tab === 'unrated' && (
        <section className="panel panel-fill grow">
          <p className="note capacity-unrated-note">
            These orders have no knitting rate (lbs/day) from any source — ERP report, production lbs or the base style — so their machine time is
            unknown: they are not in the load and cannot be scheduled. “Set rate…” enters a planner rate for the style (the plan is recomputed);{' '}
            <button type="button" className="link-button" onClick={() => navigate('demand', { tab: 'sources' })}>
              Demand → BOM &amp; rate sources
            </button>{' '}
            shows where each style’s rate comes from.
          </p>
          <DataGrid<UnratedGridRow>
            testId="capacity-unrated-grid"
            rows={unrated}
            columns={UNRATED_COLUMNS}
            exportFileName={`unrated-orders-${d.asOf}`}
            onExportXlsx={xlsxExporter(`unrated-orders-${d.asOf}`, 'Unrated')}
            emptyMessage="Every open order has a knitting rate"
          />
        </section>
      )}
    </>
  );
}
