// Purchasing: suggested purchase orders by supplier (click a supplier to filter), expedite rows highlighted,
// multi-select + "Accept as PO drafts"; the selected suggestion's yarn MRP; short yarns without a suggestion and
// why; the PO drafts. `#/purchasing?filter=expedite`, `#/purchasing?supplier=NAME`, `#/purchasing?tab=drafts`.
import { useMemo, useState, type ReactNode } from 'react';
import type { PurchasingView } from '../../../../shared/views';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { FilterChips } from '../../components/FilterChips';
import { Icon } from '../../components/Icon';
import { KpiTile } from '../../components/KpiTile';
import { PrintActions } from '../../components/PrintActions';
import { Tabs } from '../../components/Tabs';
import { formatNumber, formatUsd } from '../../lib/format';
import { xlsxExporter } from '../../lib/xlsx';
import { setHashParams, useHashParams } from '../../shell/useHashRoute';
import { usePlanView } from '../../stores/planStore';
import { toast } from '../../stores/toastStore';
import { PlanFrame } from '../plan/PlanFrame';
import { DraftsTab, isOpenDraft, useDrafts } from './DraftsTab';
import { SUGGESTION_COLUMNS, SUPPLIER_COLUMNS, UNCOVERED_COLUMNS, suggestionGridRow, type SuggestionGridRow } from './purchasingColumns';
import { SuggestionDetail } from './SuggestionDetail';
import './PurchasingPage.css';

type Tab = 'suggestions' | 'uncovered' | 'drafts';

type SupplierRow = PurchasingView['bySupplier'][number];

const suggestionId = (r: SuggestionGridRow) => r.id;
const supplierKey = (r: { supplierName: string | null; supplierId: string | null }) => r.supplierName || r.supplierId || '';

export function PurchasingPage(): ReactNode {
  const view = usePlanView('view.purchasing', {});
  const params = useHashParams();
  const tab: Tab = params.tab === 'uncovered' || params.tab === 'drafts' ? params.tab : 'suggestions';
  return (
    <PlanFrame page="purchasing" view={view} fill actions={<PrintActions report="purchasePlan" testId="purchasing-report" />}>
      {(d) => <PurchasingBody d={d} tab={tab} supplier={params.supplier ?? ''} expediteOnly={params.filter === 'expedite'} />}
    </PlanFrame>
  );
}

interface BodyProps {
  d: PurchasingView;
  tab: Tab;
  supplier: string;
  expediteOnly: boolean;
}

function PurchasingBody({ d, tab, supplier, expediteOnly }: BodyProps): ReactNode {
  const [selected, setSelected] = useState<SuggestionGridRow[]>([]);
  const [focused, setFocused] = useState<SuggestionGridRow | undefined>();
  const [accepting, setAccepting] = useState(false);
  const drafts = useDrafts();
  const openDrafts = drafts.data?.filter(isOpenDraft).length;
  const position = usePlanView('view.yarnPosition', tab === 'drafts' ? {} : undefined);

  const rows = useMemo(
    () =>
      d.suggestions.filter((s) => (!supplier || supplierKey(s) === supplier) && (!expediteOnly || s.action === 'expedite')).map(suggestionGridRow),
    [d.suggestions, supplier, expediteOnly],
  );
  const filteredTotals = useMemo(
    () => ({
      lbs: rows.reduce((s, r) => s + r.qtyLbs, 0),
      usd: rows.reduce((s, r) => s + r.valueUsd, 0),
    }),
    [rows],
  );
  const yarnInfo = useMemo(() => {
    const m = new Map<string, { supplierName: string; description: string }>();
    for (const r of position.data?.rows ?? []) m.set(r.yarnId, { supplierName: r.supplier, description: r.description });
    for (const s of d.suggestions) m.set(s.yarnId, { supplierName: s.supplierName ?? '', description: m.get(s.yarnId)?.description ?? '' });
    return m;
  }, [position.data, d.suggestions]);

  const accept = async () => {
    if (!selected.length) return;
    setAccepting(true);
    const created = await call('drafts.accept', { suggestionIds: selected.map(suggestionId) });
    setAccepting(false);
    if (!created) return;
    const skipped = selected.length - created.length;
    toast(
      'success',
      `${created.length} PO ${created.length === 1 ? 'draft' : 'drafts'} created`,
      `${skipped > 0 ? `${skipped} already had a draft. ` : ''}The plan is being recomputed with the drafts as supply.`,
    );
    setSelected([]);
  };

  const focusedRow =
    focused && rows.some((r) => suggestionId(r) === suggestionId(focused)) ? focused : selected.length === 1 ? selected[0] : undefined;

  return (
    <>
      <div className="kpi-tiles purchasing-totals" data-testid="purchasing-totals">
        <KpiTile
          testId="purchasing-total-count"
          term="suggestedPos"
          label="Suggested POs"
          value={formatNumber(d.totals.suggestions)}
          sub={`${d.bySupplier.length} suppliers`}
        />
        <KpiTile testId="purchasing-total-lbs" term="suggestedLbs" label="Suggested lbs" value={formatNumber(d.totals.lbs)} unit="lbs" />
        <KpiTile testId="purchasing-total-usd" term="suggestedValue" label="Suggested value" value={formatUsd(d.totals.valueUsd)} />
        <KpiTile
          testId="purchasing-total-expedite"
          term="expedite"
          label="To expedite"
          value={formatNumber(d.totals.expedite)}
          sub="too late if released today"
          tone={d.totals.expedite > 0 ? 'high' : 'low'}
          onClick={() => setHashParams({ tab: undefined, filter: expediteOnly ? undefined : 'expedite' })}
          target="Show only the suggestions to expedite"
        />
        <KpiTile
          testId="purchasing-total-uncovered"
          term="uncovered"
          label="Short, no suggestion"
          value={formatNumber(d.uncovered.length)}
          sub="yarns · see Uncovered"
          tone={d.uncovered.length > 0 ? 'medium' : 'low'}
          onClick={() => setHashParams({ tab: 'uncovered' })}
          target="Show the short yarns without a suggestion and why"
        />
      </div>
      <Tabs<Tab>
        testId="purchasing-tabs"
        current={tab}
        onChange={(t) => setHashParams({ tab: t === 'suggestions' ? undefined : t })}
        tabs={[
          { id: 'suggestions', label: 'Suggestions', count: d.suggestions.length },
          { id: 'uncovered', label: 'Uncovered', count: d.uncovered.length, countTone: d.uncovered.length ? 'warning' : undefined },
          { id: 'drafts', label: 'PO drafts', count: openDrafts },
        ]}
      />
      {tab === 'suggestions' && (
        <div className="split purchasing-split">
          <section className="panel panel-fill purchasing-suppliers">
            <div className="panel-header">
              <h3 className="panel-title">By supplier</h3>
              <span className="panel-subtitle">click one to filter the suggestions</span>
            </div>
            <DataGrid<SupplierRow>
              testId="purchasing-suppliers-grid"
              rows={d.bySupplier}
              columns={SUPPLIER_COLUMNS}
              rowSelection="single"
              getRowId={supplierKey}
              selectedRowId={supplier}
              onSelectionChanged={(r) => r.length && setHashParams({ supplier: supplierKey(r[0]) })}
              quickFilter={false}
              compactTools
              exportFileName={`purchasing-by-supplier-${d.asOf}`}
              onExportXlsx={xlsxExporter(`purchasing-by-supplier-${d.asOf}`, 'By supplier')}
            />
          </section>
          <div className="split-main purchasing-main">
            <section className="panel panel-fill grow">
              <div className="panel-header purchasing-actions">
                <h3 className="panel-title">Suggestions</h3>
                <FilterChips
                  testId="purchasing-filter"
                  chips={[
                    ...(supplier ? [{ id: 'supplier', label: supplier, count: rows.length, band: 'info' as const }] : []),
                    { id: 'expedite', label: 'Expedite only', count: d.totals.expedite, band: 'high' as const },
                  ]}
                  selected={[...(supplier ? ['supplier'] : []), ...(expediteOnly ? ['expedite'] : [])]}
                  onChange={(next) =>
                    setHashParams({
                      supplier: next.includes('supplier') ? supplier : undefined,
                      filter: next.includes('expedite') ? 'expedite' : undefined,
                    })
                  }
                />
                <div className="panel-actions">
                  <span className="note num" data-testid="purchasing-filtered-totals">
                    {rows.length} shown · {formatNumber(filteredTotals.lbs)} lbs · {formatUsd(filteredTotals.usd)}
                  </span>
                  <button
                    type="button"
                    className="btn btn-primary"
                    onClick={() => void accept()}
                    disabled={!selected.length || accepting}
                    title="Turn the selected suggestions into PO drafts (they then count as supply)"
                    data-testid="purchasing-accept"
                  >
                    <Icon name="check" size={12} />
                    {accepting ? 'Accepting…' : selected.length ? `Accept ${selected.length} as PO drafts` : 'Accept as PO drafts'}
                  </button>
                </div>
              </div>
              <DataGrid<SuggestionGridRow>
                testId="purchasing-grid"
                rows={rows}
                columns={SUGGESTION_COLUMNS}
                rowSelection="multi"
                checkboxes
                getRowId={suggestionId}
                onSelectionChanged={setSelected}
                onRowClicked={setFocused}
                getRowClass={(r) => (r.action === 'expedite' ? 'row-expedite' : undefined)}
                exportFileName={`purchase-suggestions-${d.asOf}`}
                onExportXlsx={xlsxExporter(`purchase-suggestions-${d.asOf}`, 'Suggestions')}
                emptyMessage="No suggestion matches the filter"
              />
            </section>
            <SuggestionDetail suggestion={focusedRow} onClose={() => setFocused(undefined)} />
          </div>
        </div>
      )}
      {tab === 'uncovered' && (
        <section className="panel panel-fill grow">
          <DataGrid<PurchasingView['uncovered'][number]>
            testId="purchasing-uncovered-grid"
            title="Short yarns without a suggestion"
            rows={d.uncovered}
            columns={UNCOVERED_COLUMNS}
            exportFileName={`purchasing-uncovered-${d.asOf}`}
            onExportXlsx={xlsxExporter(`purchasing-uncovered-${d.asOf}`, 'Uncovered')}
            emptyMessage="Every short yarn has a suggestion"
          />
        </section>
      )}
      {tab === 'drafts' && (
        <section className="panel panel-fill grow">
          <DraftsTab yarnInfo={yarnInfo} drafts={drafts} />
        </section>
      )}
    </>
  );
}
