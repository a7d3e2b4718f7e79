// PO drafts made from accepted suggestions: edit quantity and receipt date inline (or in the form), reject, and
// see them as one PO per supplier (printable), export them as the ERP's YarnPO (CSV / XLSX). Every change re-plans.
import { useMemo, useState, type ReactNode } from 'react';
import type { CellValueChangedEvent } from 'ag-grid-community';
import type { PoDraftPayload } from '../../../../shared/contract';
import { call } from '../../api';
import { ChipCell } from '../../components/Chip';
import { confirmAction } from '../../components/ConfirmDialog';
import { DataGrid } from '../../components/DataGrid';
import type { GridColumn } from '../../components/gridColumns';
import { Icon } from '../../components/Icon';
import { linkCell } from '../../components/LinkCell';
import { downloadFile } from '../../lib/download';
import { formatNumber, formatUsd, ISO_DATE_INPUT } from '../../lib/format';
import { useChannel, type ChannelState } from '../../lib/useChannel';
import { xlsxExporter } from '../../lib/xlsx';
import { navigate } from '../../shell/useHashRoute';
import { usePlanStore } from '../../stores/planStore';
import { toast } from '../../stores/toastStore';
import { PurchaseOrdersPanel } from './PurchaseOrdersPanel';

type DraftRow = PoDraftPayload & { supplierName: string; description: string; valueUsd: number | null };

const OPEN = new Set(['proposed', 'accepted', 'edited']);
const editable = (p: { data?: DraftRow }) => !!p.data && OPEN.has(p.data.status);

const COLUMNS: GridColumn[] = [
  { field: 'status', headerName: 'Status', kind: 'text', width: 110, colDef: { cellRenderer: ChipCell } },
  { field: 'yarnId', headerName: 'Yarn', kind: 'text', width: 84, colDef: { cellRenderer: linkCell((id) => navigate('yarn', { yarnId: id })) } },
  { field: 'description', headerName: 'Description', kind: 'text', width: 230 },
  { field: 'supplierName', headerName: 'Supplier', kind: 'text', width: 200 },
  {
    field: 'qtyLbs',
    headerName: 'Qty',
    unit: 'lbs',
    width: 110,
    colDef: { editable, cellEditor: 'agNumberCellEditor', cellEditorParams: { min: 1, precision: 0 }, cellClassRules: { 'cell-editable': editable } },
  },
  {
    field: 'costPerLb',
    headerName: 'Price',
    unit: '$/lb',
    kind: 'number',
    decimals: 2,
    width: 100,
    description: 'Cost per lb of the yarn when the draft was made',
  },
  { field: 'valueUsd', headerName: 'Value', unit: 'USD', kind: 'number', decimals: 0, width: 110, description: 'Quantity × price' },
  { field: 'releaseDate', headerName: 'Release', kind: 'date', width: 110 },
  {
    field: 'receiptDate',
    headerName: 'Receipt',
    kind: 'date',
    width: 120,
    colDef: { editable, cellEditor: 'agDateStringCellEditor', cellClassRules: { 'cell-editable': editable } },
  },
  { field: 'erpPoNumber', headerName: 'ERP PO', kind: 'text', width: 110 },
  { field: 'draftId', headerName: 'Draft', kind: 'text', width: 250 },
  { field: 'fromSuggestionId', headerName: 'From suggestion', kind: 'text', width: 160 },
];

interface DraftsTabProps {
  /** Supplier name and description per yarn (position and suggestions): the fallback for drafts made before they carried their own. */
  yarnInfo: Map<string, { supplierName: string; description: string }>;
  drafts: ChannelState<PoDraftPayload[]>;
}

/** The PO drafts, refetched whenever the plan changes (every draft change re-plans). */
export function useDrafts(): ChannelState<PoDraftPayload[]> {
  const version = usePlanStore((s) => s.version);
  return useChannel('drafts.list', {}, [version]);
}

export function isOpenDraft(d: PoDraftPayload): boolean {
  return OPEN.has(d.status);
}

/** A draft as a grid row: its own supplier name and description (else the yarn's), and its value (qty × price). */
export function draftRow(d: PoDraftPayload, yarnInfo: Map<string, { supplierName: string; description: string }>): DraftRow {
  const info = yarnInfo.get(d.yarnId);
  return {
    ...d,
    supplierName: d.supplierName || info?.supplierName || d.supplierId || '',
    description: d.description || info?.description || '',
    valueUsd: typeof d.costPerLb === 'number' && Number.isFinite(d.costPerLb) ? Math.round(d.qtyLbs * d.costPerLb * 100) / 100 : null,
  };
}

/**
 * The selected drafts as they are now: the grid reports selected rows once, when the selection changes, so after an
 * inline edit and the reload the rows it reported are stale; the page keeps the ids and reads the current rows.
 */
export function currentSelection<T extends { draftId: string }>(rows: readonly T[], selectedIds: readonly string[]): T[] {
  const ids = new Set(selectedIds);
  return rows.filter((r) => ids.has(r.draftId));
}

/** The form starts over whenever the saved quantity or receipt date changes (an inline edit, another window). */
export function draftFormKey(d: Pick<PoDraftPayload, 'draftId' | 'qtyLbs' | 'receiptDate'>): string {
  return `${d.draftId}|${d.qtyLbs}|${d.receiptDate}`;
}

export function DraftsTab({ yarnInfo, drafts }: DraftsTabProps): ReactNode {
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const rows = useMemo<DraftRow[]>(() => (drafts.data ?? []).map((d) => draftRow(d, yarnInfo)), [drafts.data, yarnInfo]);
  const selected = useMemo(() => currentSelection(rows, selectedIds), [rows, selectedIds]);
  const open = rows.filter((r) => OPEN.has(r.status));
  const orders = useChannel('purchaseOrders.list', {}, [drafts.data]);

  const update = async (draftId: string, change: { qtyLbs?: number; receiptDate?: string; status?: 'rejected' }) => {
    const r = await call('drafts.update', { draftId, ...change });
    if (r) toast('success', change.status === 'rejected' ? `Draft ${draftId} rejected` : `Draft ${draftId} updated`, 'The plan is being recomputed.');
    drafts.reload();
  };

  const onEdit = (e: CellValueChangedEvent<DraftRow>) => {
    if (!e.data || e.newValue === e.oldValue) return;
    if (e.colDef.field === 'qtyLbs') {
      const qty = Number(e.newValue);
      if (!Number.isFinite(qty) || qty <= 0) {
        toast('error', 'Quantity must be a positive number of lbs');
        drafts.reload();
        return;
      }
      void update(e.data.draftId, { qtyLbs: qty });
    } else if (e.colDef.field === 'receiptDate') {
      const date = String(e.newValue ?? '');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
        toast('error', 'Receipt date must be a date (YYYY-MM-DD)');
        drafts.reload();
        return;
      }
      void update(e.data.draftId, { receiptDate: date });
    }
  };

  const reject = async () => {
    const targets = selected.filter((d) => OPEN.has(d.status));
    if (!targets.length) return;
    const ok = await confirmAction({
      title: `Reject ${targets.length} PO ${targets.length === 1 ? 'draft' : 'drafts'}?`,
      message: 'Rejected drafts no longer count as supply; the plan is recomputed and may suggest them again.',
      confirmLabel: 'Reject',
      danger: true,
    });
    if (!ok) return;
    for (const d of targets) await call('drafts.update', { draftId: d.draftId, status: 'rejected' });
    toast('success', `${targets.length} ${targets.length === 1 ? 'draft' : 'drafts'} rejected`, 'The plan is being recomputed.');
    drafts.reload();
  };

  const exportDrafts = async (format: 'csv' | 'xlsx') => {
    const file = await call('drafts.export', { format });
    if (file) downloadFile(file);
  };

  return (
    <div className="drafts-tab">
      {/* Above the grid: the toasts a save raises stack at the bottom right and would cover its button there. */}
      {selected.length === 1 && OPEN.has(selected[0].status) && (
        <DraftForm key={draftFormKey(selected[0])} draft={selected[0]} onSave={(c) => void update(selected[0].draftId, c)} />
      )}
      <DataGrid<DraftRow>
        testId="purchasing-drafts-grid"
        title="PO drafts"
        rows={rows}
        columns={COLUMNS}
        loading={drafts.status === 'loading' && !drafts.data}
        getRowId={(r) => r.draftId}
        rowSelection="multi"
        checkboxes
        onSelectionChanged={(picked) => setSelectedIds(picked.map((r) => r.draftId))}
        onCellValueChanged={onEdit}
        getRowClass={(r) => (OPEN.has(r.status) ? undefined : 'row-muted')}
        exportFileName="po-drafts"
        onExportXlsx={xlsxExporter('po-drafts-view', 'PO drafts')}
        emptyMessage="No PO drafts yet: select suggestions and “Accept as PO drafts”"
        toolbar={
          <>
            <span className="note">Double-click a quantity or receipt date to edit</span>
            <button
              type="button"
              className="btn btn-sm btn-danger"
              onClick={() => void reject()}
              disabled={!selected.some((d) => OPEN.has(d.status))}
              data-testid="drafts-reject"
            >
              <Icon name="close" size={12} /> Reject
            </button>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => void exportDrafts('csv')}
              disabled={!open.length}
              title="Open drafts as the ERP's YarnPO export: one PO per supplier (CSV)"
              data-testid="drafts-export-csv"
            >
              <Icon name="download" size={12} /> YarnPO CSV
            </button>
            <button
              type="button"
              className="btn btn-sm"
              onClick={() => void exportDrafts('xlsx')}
              disabled={!open.length}
              title="Open drafts as the ERP's YarnPO export: one PO per supplier (XLSX)"
              data-testid="drafts-export-xlsx"
            >
              <Icon name="download" size={12} /> YarnPO XLSX
            </button>
          </>
        }
      />
      <PurchaseOrdersPanel orders={orders} />
      {open.length > 0 && (
        <p className="note drafts-foot num">
          {open.length} open drafts · {formatNumber(open.reduce((s, d) => s + d.qtyLbs, 0))} lbs ·{' '}
          {formatUsd(open.reduce((s, d) => s + (d.valueUsd ?? 0), 0))}
          {open.some((d) => d.valueUsd === null) && ' (some without a price)'}
        </p>
      )}
    </div>
  );
}

function DraftForm({ draft, onSave }: { draft: DraftRow; onSave: (change: { qtyLbs?: number; receiptDate?: string }) => void }): ReactNode {
  const [qty, setQty] = useState(String(Math.round(draft.qtyLbs)));
  const [date, setDate] = useState(draft.receiptDate);
  const qtyNum = Number(qty);
  const valid = Number.isFinite(qtyNum) && qtyNum > 0 && /^\d{4}-\d{2}-\d{2}$/.test(date);
  const changed = qtyNum !== Math.round(draft.qtyLbs) || date !== draft.receiptDate;
  return (
    <form
      className="panel draft-form"
      data-testid="draft-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid || !changed) return;
        onSave({ ...(qtyNum !== Math.round(draft.qtyLbs) ? { qtyLbs: qtyNum } : {}), ...(date !== draft.receiptDate ? { receiptDate: date } : {}) });
      }}
    >
      <span className="draft-form-title">
        Edit draft <b>{draft.draftId}</b> (yarn {draft.yarnId}
        {draft.supplierName ? ` · ${draft.supplierName}` : ''})
      </span>
      <label className="field">
        Quantity (lbs)
        <input
          className="input input-num"
          type="number"
          min={1}
          step={1}
          value={qty}
          onChange={(e) => setQty(e.target.value)}
          data-testid="draft-form-qty"
        />
      </label>
      <label className="field">
        Receipt date
        <input className="input" {...ISO_DATE_INPUT} value={date} onChange={(e) => setDate(e.target.value)} data-testid="draft-form-date" />
      </label>
      {typeof draft.costPerLb === 'number' && Number.isFinite(qtyNum) && qtyNum > 0 && (
        <span className="note num" data-testid="draft-form-value">
          = {formatUsd(qtyNum * draft.costPerLb)} at {formatUsd(draft.costPerLb, 2)}/lb
        </span>
      )}
      <button type="submit" className="btn btn-primary" disabled={!valid || !changed} data-testid="draft-form-save">
        Save and re-plan
      </button>
    </form>
  );
}
