// The override editor: pick a kind, fill its small form (with pick lists from the current plan: knit orders,
// machines, styles, yarns and their PO receipts, policy keys), add it to the scenario.
import { useMemo, useState, type ReactNode } from 'react';
import type { OverrideInput, OverrideKind } from '../../../../shared/scenario';
import { isoWeekLabel } from '../../../../shared/dates';
import { Icon } from '../../components/Icon';
import { formatNumber, ISO_DATE_INPUT } from '../../lib/format';
import { usePlanView } from '../../stores/planStore';
import { usePolicy } from '../../stores/policyStore';
import { buildOverride, OVERRIDE_KINDS, receiptKey, receiptLineOf, type FormState } from './overrideForms';

interface OverrideEditorProps {
  onAdd: (override: OverrideInput) => Promise<boolean>;
}

function Field({ label, hint, children }: { label: string; hint?: string; children: ReactNode }): ReactNode {
  return (
    <label className="field">
      {label}
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}

export function OverrideEditor({ onAdd }: OverrideEditorProps): ReactNode {
  const [kind, setKind] = useState<OverrideKind>('knitOrder');
  const [form, setForm] = useState<FormState>({});
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const policy = usePolicy();
  const schedule = usePlanView('view.schedule', kind === 'knitOrder' || kind === 'machineDowntime' ? {} : undefined);
  const demand = usePlanView('view.demand', kind === 'knitRate' || kind === 'demandMultiplier' ? {} : undefined);
  const position = usePlanView('view.yarnPosition', kind === 'poReceipt' || kind === 'poDraftAdd' ? {} : undefined);
  const poYarn = kind === 'poReceipt' && typeof form.yarnId === 'string' && form.yarnId.trim() ? form.yarnId.trim() : undefined;
  const yarnDetail = usePlanView('view.yarnDetail', poYarn ? { yarnId: poYarn } : undefined);

  const orders = schedule.data?.orders ?? [];
  const machines = schedule.data?.machines ?? [];
  const styles = useMemo(() => (demand.data?.styles ?? []).map((s) => s.style), [demand.data]);
  const yarns = position.data?.rows ?? [];
  // PO drafts are receipts in the projection too, but a PO override acts on the ERP's POs only.
  const receipts = (yarnDetail.data?.receipts ?? []).filter((r) => !r.isDraft);
  const selectedOrder = orders.find((o) => o.orderNo === form.koNumber);

  const set = (k: string, v: string | boolean) => setForm((f) => ({ ...f, [k]: v }));
  const text = (k: string) => (typeof form[k] === 'string' ? (form[k] as string) : '');
  const input = (k: string, props: Record<string, unknown> = {}) => (
    <input className="input" value={text(k)} onChange={(e) => set(k, e.target.value)} data-testid={`scenario-override-${k}`} {...props} />
  );
  const built = buildOverride(kind, form, policy);

  const submit = async () => {
    setTried(true);
    if (!built.ok) return;
    setBusy(true);
    const ok = await onAdd(built.override);
    setBusy(false);
    if (ok) {
      setForm({});
      setTried(false);
    }
  };

  const spec = OVERRIDE_KINDS.find((k) => k.kind === kind);

  return (
    <form
      className="override-editor"
      data-testid="scenario-override-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="override-editor-head">
        <label className="field">
          Add an override
          <select
            className="select"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as OverrideKind);
              setForm({});
              setTried(false);
            }}
            data-testid="scenario-override-kind"
          >
            {OVERRIDE_KINDS.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
        <span className="note">{spec?.hint}</span>
      </div>

      <datalist id="ovr-orders">
        {orders.map((o) => (
          <option key={o.orderNo} value={o.orderNo}>{`${o.style} · ${o.machineId} · ${formatNumber(o.balanceLbs)} lbs`}</option>
        ))}
      </datalist>
      <datalist id="ovr-machines">
        {machines.map((m) => (
          <option key={m.machineId} value={m.machineId}>{`WC ${m.workCenter || '(none)'}`}</option>
        ))}
      </datalist>
      <datalist id="ovr-styles">
        {styles.map((s) => (
          <option key={s} value={s} />
        ))}
      </datalist>
      <datalist id="ovr-yarns">
        {yarns.map((y) => (
          <option key={y.yarnId} value={y.yarnId}>
            {y.description}
          </option>
        ))}
      </datalist>

      <div className="form-grid">
        {kind === 'knitOrder' && (
          <>
            <Field
              label="Knit order"
              hint={
                selectedOrder
                  ? `${selectedOrder.style} · ${formatNumber(selectedOrder.balanceLbs)} lbs on ${selectedOrder.machineId} from ${selectedOrder.plannedStart}`
                  : 'type or pick'
              }
            >
              {input('koNumber', { list: 'ovr-orders', placeholder: 'K2609021' })}
            </Field>
            <Field label="New balance (lbs)" hint="open lbs still to knit">
              {input('balanceLbs', { type: 'number', min: 0, step: 1, className: 'input input-num' })}
            </Field>
            <Field label="Start date">{input('startDate', ISO_DATE_INPUT)}</Field>
            <Field label="Machine" hint={selectedOrder ? `now ${selectedOrder.machineId} (WC ${selectedOrder.workCenter || '–'})` : undefined}>
              {input('machine', { list: 'ovr-machines' })}
            </Field>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.pinMachine === true}
                onChange={(e) => set('pinMachine', e.target.checked)}
                data-testid="scenario-override-pinMachine"
              />{' '}
              Pin to the machine
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={form.pinStart === true}
                onChange={(e) => set('pinStart', e.target.checked)}
                data-testid="scenario-override-pinStart"
              />{' '}
              Pin the start date
            </label>
          </>
        )}
        {kind === 'poReceipt' && (
          <>
            <Field label="Yarn" hint="its open PO receipts are listed below">
              {input('yarnId', { list: 'ovr-yarns', placeholder: '4001' })}
            </Field>
            <Field
              label="PO"
              hint={poYarn && yarnDetail.status !== 'loading' && receipts.length === 0 ? 'this yarn has no open receipts' : undefined}
            >
              <select
                className="select"
                value={text('poNumber') ? receiptKey({ poNo: text('poNumber'), line: text('receiptLine') }) : ''}
                onChange={(e) => {
                  const [poNumber = '', line = ''] = e.target.value.split('|');
                  setForm((f) => ({ ...f, poNumber, receiptLine: line }));
                }}
                data-testid="scenario-override-poNumber"
                disabled={!receipts.length}
              >
                <option value="">{receipts.length ? 'pick a receipt' : '–'}</option>
                {receipts.map((r) => (
                  <option key={receiptKey({ poNo: r.poNo, line: receiptLineOf(r) })} value={receiptKey({ poNo: r.poNo, line: receiptLineOf(r) })}>
                    {`${r.poNo} · ${r.weekStart ? isoWeekLabel(r.weekStart) : '–'} · ${formatNumber(r.lbs)} lbs${r.pastDue ? ' · past due' : ''}`}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Arrives in the week of">{input('moveToWeek', ISO_DATE_INPUT)}</Field>
            <Field label="New quantity (lbs)" hint="0 cancels the receipt">
              {input('qtyLbs', { type: 'number', min: 0, step: 1, className: 'input input-num' })}
            </Field>
          </>
        )}
        {kind === 'machineDowntime' && (
          <>
            <Field label="Machine">{input('machineId', { list: 'ovr-machines' })}</Field>
            <Field label="First day down">{input('from', ISO_DATE_INPUT)}</Field>
            <Field label="Last day down">{input('to', ISO_DATE_INPUT)}</Field>
          </>
        )}
        {kind === 'knitRate' && (
          <>
            <Field label="Style">{input('style', { list: 'ovr-styles' })}</Field>
            <Field label="Change">
              <select
                className="select"
                value={text('mode') || 'lbsPerDay'}
                onChange={(e) => set('mode', e.target.value)}
                data-testid="scenario-override-mode"
              >
                <option value="lbsPerDay">set the rate (lbs/day)</option>
                <option value="multiplier">scale the rate (×)</option>
              </select>
            </Field>
            <Field label={text('mode') === 'multiplier' ? 'Multiplier (×)' : 'Rate (lbs/day)'}>
              {input('value', { type: 'number', min: 0, step: 'any', className: 'input input-num' })}
            </Field>
          </>
        )}
        {kind === 'demandMultiplier' && (
          <>
            <Field label="Demand of">
              <select className="select" value={text('by') || 'style'} onChange={(e) => set('by', e.target.value)} data-testid="scenario-override-by">
                <option value="style">a style</option>
                <option value="customer">a customer</option>
                <option value="layer">a whole layer</option>
              </select>
            </Field>
            {(text('by') || 'style') === 'style' && <Field label="Style">{input('style', { list: 'ovr-styles' })}</Field>}
            {text('by') === 'customer' && (
              <Field label="Customer" hint="as written in the ERP">
                {input('customer')}
              </Field>
            )}
            {text('by') === 'layer' && (
              <Field label="Layer">
                <select
                  className="select"
                  value={text('layer') || 'knitOrders'}
                  onChange={(e) => set('layer', e.target.value)}
                  data-testid="scenario-override-layer"
                >
                  <option value="knitOrders">knit orders</option>
                  <option value="salesOrders">sales orders</option>
                  <option value="forecast">forecast</option>
                </select>
              </Field>
            )}
            <Field label="Multiplier (×)" hint="1.2 = +20 %, 0 = none">
              {input('multiplier', { type: 'number', min: 0, max: 100, step: 'any', className: 'input input-num' })}
            </Field>
          </>
        )}
        {kind === 'poDraftAdd' && (
          <>
            <Field label="Yarn">{input('yarnId', { list: 'ovr-yarns' })}</Field>
            <Field label="Quantity (lbs)">{input('qtyLbs', { type: 'number', min: 1, step: 1, className: 'input input-num' })}</Field>
            <Field label="Arrives in the week of">{input('receiptWeek', ISO_DATE_INPUT)}</Field>
            <Field label="Supplier (optional)">{input('supplier')}</Field>
          </>
        )}
        {kind === 'policy' && (
          <>
            <Field label="Area">
              <select
                className="select"
                value={text('area')}
                onChange={(e) => setForm({ area: e.target.value })}
                data-testid="scenario-override-area"
              >
                <option value="">pick</option>
                {Object.keys(policy ?? {}).map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Key">
              <select
                className="select"
                value={text('key')}
                onChange={(e) => setForm((f) => ({ ...f, key: e.target.value, value: formatPolicy(policy?.[text('area')]?.[e.target.value]) }))}
                data-testid="scenario-override-key"
                disabled={!text('area')}
              >
                <option value="">pick</option>
                {Object.keys(policy?.[text('area')] ?? {}).map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Value" hint={text('key') ? `now ${formatPolicy(policy?.[text('area')]?.[text('key')])}` : undefined}>
              {input('value')}
            </Field>
          </>
        )}
        <Field label="Label (optional)">{input('label', { placeholder: 'default: describes the change' })}</Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="scenario-override-add">
          <Icon name="plus" size={12} /> Add override
        </button>
        {tried && !built.ok && (
          <span className="text-negative note" data-testid="scenario-override-error">
            {built.error}
          </span>
        )}
      </div>
    </form>
  );
}

function formatPolicy(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  if (v === null || v === undefined) return '';
  return String(v);
}
