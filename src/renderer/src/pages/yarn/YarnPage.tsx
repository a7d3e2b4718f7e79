// Yarn: the position of every yarn (risk chips, filters by risk) and the shortage list; selecting a yarn opens its
// detail on the right. `#/yarn?yarnId=4001` opens a yarn, `#/yarn?risk=critical` filters, `#/yarn?tab=shortages`.
import { useCallback, useMemo, type ReactNode } from 'react';
import type { Risk, YarnPositionRow, YarnPositionView } from '../../../../shared/views';
import { DataGrid } from '../../components/DataGrid';
import { FilterChips, type FilterChipSpec } from '../../components/FilterChips';
import { PrintActions } from '../../components/PrintActions';
import { Tabs } from '../../components/Tabs';
import type { StatusBand } from '../../lib/format';
import { xlsxExporter } from '../../lib/xlsx';
import { setHashParams, useHashParams } from '../../shell/useHashRoute';
import { usePlanView } from '../../stores/planStore';
import { useActiveSnapshot } from '../../stores/appStore';
import { PlanFrame } from '../plan/PlanFrame';
import { POSITION_COLUMNS, SHORTAGE_COLUMNS, shortageGridRow, type ShortageGridRow } from './yarnColumns';
import { YarnDetail } from './YarnDetail';
import './YarnPage.css';

type Tab = 'position' | 'shortages';
type FilterId = 'critical' | 'high' | 'medium' | 'low' | 'short';

const RISKS: { id: FilterId; risk: Risk; label: string; band: StatusBand }[] = [
  { id: 'critical', risk: 'CRITICAL', label: 'Critical', band: 'critical' },
  { id: 'high', risk: 'HIGH', label: 'High', band: 'high' },
  { id: 'medium', risk: 'MEDIUM', label: 'Medium', band: 'medium' },
  { id: 'low', risk: 'LOW', label: 'Low', band: 'low' },
];

const rowId = (r: { yarnId: string }) => r.yarnId;

const RISK_ORDER: Record<Risk, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

/** Worst first: risk band, then the deepest deficit, then the lowest planning balance. */
export function sortYarnRows(rows: readonly YarnPositionRow[]): YarnPositionRow[] {
  return [...rows].sort(
    (a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || b.maxDeficitLbs - a.maxDeficitLbs || a.planningBalanceLbs - b.planningBalanceLbs,
  );
}

export function filterYarnRows(rows: readonly YarnPositionRow[], filters: readonly FilterId[]): YarnPositionRow[] {
  if (filters.length === 0) return [...rows];
  const risks = new Set(RISKS.filter((r) => filters.includes(r.id)).map((r) => r.risk));
  const short = filters.includes('short');
  return rows.filter((r) => (risks.size === 0 || risks.has(r.risk)) && (!short || !!r.firstShortWeek));
}

export function YarnPage(): ReactNode {
  const params = useHashParams();
  const tab: Tab = params.tab === 'shortages' ? 'shortages' : 'position';
  const yarnId = params.yarnId ?? '';
  const filters = (params.risk ?? '').split(',').filter((f): f is FilterId => ['critical', 'high', 'medium', 'low', 'short'].includes(f));
  const position = usePlanView('view.yarnPosition', {});
  const shortages = usePlanView('view.yarnShortages', tab === 'shortages' || position.status === 'ready' ? {} : undefined);
  const snapshot = useActiveSnapshot();
  const shortageRows = useMemo(() => shortages.data?.rows.map(shortageGridRow), [shortages.data]);

  const select = useCallback((rows: { yarnId: string }[]) => {
    if (rows.length) setHashParams({ yarnId: rowId(rows[0]) });
  }, []);

  return (
    <PlanFrame page="yarn" view={position} fill actions={<PrintActions report="shortages" testId="yarn-report" />}>
      {(d) => (
        <YarnBody
          d={d}
          tab={tab}
          yarnId={yarnId}
          filters={filters}
          shortageRows={shortageRows}
          shortagesLoading={shortages.status === 'loading' || shortages.status === 'idle'}
          onSelect={select}
          asOf={snapshot?.asOf ?? d.asOf}
        />
      )}
    </PlanFrame>
  );
}

interface YarnBodyProps {
  d: YarnPositionView;
  tab: Tab;
  yarnId: string;
  filters: FilterId[];
  shortageRows?: ShortageGridRow[];
  shortagesLoading: boolean;
  onSelect: (rows: { yarnId: string }[]) => void;
  asOf: string;
}

function YarnBody({ d, tab, yarnId, filters, shortageRows, shortagesLoading, onSelect, asOf }: YarnBodyProps): ReactNode {
  const sorted = useMemo(() => sortYarnRows(d.rows), [d.rows]);
  const rows = useMemo(() => filterYarnRows(sorted, filters), [sorted, filters]);
  const shortCount = useMemo(() => d.rows.filter((r) => !!r.firstShortWeek).length, [d.rows]);
  const selectedRow = useMemo(() => d.rows.find((r) => rowId(r) === yarnId), [d.rows, yarnId]);
  const chips: FilterChipSpec<FilterId>[] = [
    ...RISKS.map((r) => ({ id: r.id, label: r.label, count: d.counts[r.risk], band: r.band })),
    { id: 'short', label: 'Short in horizon', count: shortCount, band: 'info' },
  ];
  const exportPosition = useMemo(() => xlsxExporter(`yarn-position-${asOf}`, 'Yarn position'), [asOf]);
  const exportShortages = useMemo(() => xlsxExporter(`yarn-shortages-${asOf}`, 'Yarn shortages'), [asOf]);

  return (
    <>
      <Tabs<Tab>
        testId="yarn-tabs"
        current={tab}
        onChange={(t) => setHashParams({ tab: t === 'position' ? undefined : t })}
        tabs={[
          { id: 'position', label: 'Position', count: d.rows.length },
          { id: 'shortages', label: 'Shortages', count: shortageRows?.length, countTone: shortageRows?.length ? 'critical' : undefined },
        ]}
        extra={
          tab === 'position' && (
            <FilterChips<FilterId>
              testId="yarn-filter"
              label="Show"
              chips={chips}
              selected={filters}
              onChange={(next) => setHashParams({ risk: next.join(',') })}
            />
          )
        }
      />
      <div className={yarnId ? 'split yarn-split with-detail' : 'split yarn-split'}>
        <section className="panel panel-fill split-main">
          {tab === 'position' ? (
            <DataGrid<YarnPositionRow>
              testId="yarn-grid"
              rows={rows}
              columns={POSITION_COLUMNS}
              rowSelection="single"
              getRowId={rowId}
              selectedRowId={yarnId}
              onSelectionChanged={onSelect}
              compactTools={!!yarnId}
              exportFileName={`yarn-position-${asOf}`}
              onExportXlsx={exportPosition}
              emptyMessage="No yarn matches the filter"
            />
          ) : (
            <DataGrid<ShortageGridRow>
              testId="yarn-shortages-grid"
              rows={shortageRows ?? []}
              loading={shortagesLoading && !shortageRows}
              columns={SHORTAGE_COLUMNS}
              rowSelection="single"
              getRowId={rowId}
              selectedRowId={yarnId}
              onSelectionChanged={onSelect}
              compactTools={!!yarnId}
              exportFileName={`yarn-shortages-${asOf}`}
              onExportXlsx={exportShortages}
              emptyMessage="No yarn runs short in the horizon"
            />
          )}
        </section>
        {yarnId && (
          <YarnDetail
            key={yarnId}
            yarnId={yarnId}
            position={selectedRow}
            onClose={() => setHashParams({ yarnId: undefined })}
            onOpenYarn={(id) => setHashParams({ yarnId: id })}
          />
        )}
      </div>
    </>
  );
}
