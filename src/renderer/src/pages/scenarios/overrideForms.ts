// Override forms as plain state -> a contract `OverrideInput` (or the reason it is not valid yet). Pure, so the
// rules are unit-tested; the zod schema in src/shared/scenario.ts stays the final check.
import { overrideInputSchema, type OverrideInput, type OverrideKind } from '../../../../shared/scenario';
import { isIsoDate } from '../../../../shared/dates';

export type FormState = Record<string, string | boolean>;

export const OVERRIDE_KINDS: { kind: OverrideKind; label: string; hint: string }[] = [
  {
    kind: 'knitOrder',
    label: 'Knit order: date, quantity, machine',
    hint: 'Move a knit order, change its open balance or put it on another machine',
  },
  {
    kind: 'poReceipt',
    label: 'PO receipt: move or change quantity',
    hint: 'A supplier ships late or short: move the receipts of a PO to another week or change the quantity',
  },
  { kind: 'machineDowntime', label: 'Machine downtime', hint: 'A machine is down from one day to another (both included)' },
  { kind: 'knitRate', label: 'Knitting rate', hint: 'Set a style’s knitting rate in lbs/day, or scale it' },
  { kind: 'demandMultiplier', label: 'Demand multiplier', hint: 'Scale the demand of a style, a customer or a whole layer' },
  { kind: 'poDraftAdd', label: 'Extra purchase order', hint: 'Add a PO that is not in the ERP yet' },
  { kind: 'policy', label: 'Policy change', hint: 'Change one planning policy value for this scenario only' },
];

const str = (s: FormState, k: string): string => (typeof s[k] === 'string' ? (s[k] as string).trim() : '');
const bool = (s: FormState, k: string): boolean => s[k] === true;

function optNumber(s: FormState, k: string): number | undefined | 'invalid' {
  const v = str(s, k);
  if (!v) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : 'invalid';
}

/** The receipt line a yarn-detail receipt is (the ERP splits a PO over weeks): its week, past due, or later. */
export function receiptLineOf(r: { weekStart: string | null; pastDue: boolean }): string {
  return r.weekStart ?? (r.pastDue ? 'pastDue' : 'later');
}

/** One option of the PO picker per receipt line: "PO|line". */
export const receiptKey = (r: { poNo: string; line: string }): string => `${r.poNo}|${r.line}`;

/** Date fields (plain text in ISO form, see ISO_DATE_INPUT) and how the error names them. */
export const DATE_FIELDS: Record<string, string> = {
  startDate: 'The start date',
  moveToWeek: 'The week',
  from: 'The first day down',
  to: 'The last day down',
  receiptWeek: 'The week',
};

export type BuildResult = { ok: true; override: OverrideInput } | { ok: false; error: string };

/** Policy values keep the type of the current value (number, boolean, string, list). */
export function parsePolicyValue(text: string, current: unknown): unknown {
  const t = text.trim();
  if (typeof current === 'number') return t === '' ? NaN : Number(t);
  if (typeof current === 'boolean') return t === 'true' || t === 'yes' || t === '1';
  if (current === null) return t === '' ? null : Number.isFinite(Number(t)) ? Number(t) : t;
  if (Array.isArray(current))
    return t
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean)
      .map((x) => (typeof current[0] === 'number' && Number.isFinite(Number(x)) ? Number(x) : x));
  return t;
}

export function buildOverride(kind: OverrideKind, s: FormState, policy?: Record<string, Record<string, unknown>>): BuildResult {
  const fail = (error: string): BuildResult => ({ ok: false, error });
  for (const [field, label] of Object.entries(DATE_FIELDS))
    if (str(s, field) && !isIsoDate(str(s, field))) return fail(`${label} is a date written YYYY-MM-DD, e.g. 2026-12-14`);
  let o: Record<string, unknown>;
  switch (kind) {
    case 'knitOrder': {
      if (!str(s, 'koNumber')) return fail('Pick a knit order');
      const balance = optNumber(s, 'balanceLbs');
      if (balance === 'invalid' || (balance !== undefined && balance < 0)) return fail('The balance is a number of lbs, 0 or more');
      o = {
        kind,
        koNumber: str(s, 'koNumber'),
        ...(balance !== undefined ? { balanceLbs: balance } : {}),
        ...(str(s, 'startDate') ? { startDate: str(s, 'startDate') } : {}),
        ...(str(s, 'machine') ? { machine: str(s, 'machine') } : {}),
        ...(bool(s, 'pinMachine') ? { pinMachine: true } : {}),
        ...(bool(s, 'pinStart') ? { pinStart: true } : {}),
      };
      if (balance === undefined && !o.startDate && !o.machine && !o.pinMachine && !o.pinStart)
        return fail('Change the balance, the start date or the machine, or pin the order');
      break;
    }
    case 'poReceipt': {
      if (!str(s, 'poNumber')) return fail('Pick a PO receipt');
      const qty = optNumber(s, 'qtyLbs');
      if (qty === 'invalid' || (qty !== undefined && qty < 0)) return fail('The quantity is a number of lbs, 0 or more (0 cancels)');
      if (!str(s, 'moveToWeek') && qty === undefined) return fail('Move the receipt to a week or change its quantity');
      o = {
        kind,
        poNumber: str(s, 'poNumber'),
        ...(str(s, 'yarnId') ? { yarnId: str(s, 'yarnId') } : {}),
        ...(str(s, 'receiptLine') ? { receiptLine: str(s, 'receiptLine') } : {}),
        ...(str(s, 'moveToWeek') ? { moveToWeek: str(s, 'moveToWeek') } : {}),
        ...(qty !== undefined ? { qtyLbs: qty } : {}),
      };
      break;
    }
    case 'machineDowntime': {
      if (!str(s, 'machineId')) return fail('Pick a machine');
      if (!str(s, 'from') || !str(s, 'to')) return fail('Give the first and the last day down');
      if (str(s, 'from') > str(s, 'to')) return fail('The downtime ends before it starts');
      o = { kind, machineId: str(s, 'machineId'), from: str(s, 'from'), to: str(s, 'to') };
      break;
    }
    case 'knitRate': {
      if (!str(s, 'style')) return fail('Pick a style');
      const mode = str(s, 'mode') || 'lbsPerDay';
      const v = optNumber(s, 'value');
      if (v === undefined || v === 'invalid' || v <= 0)
        return fail(mode === 'multiplier' ? 'The multiplier is a positive number (1.1 = 10 % faster)' : 'The rate is a positive number of lbs/day');
      o = { kind, style: str(s, 'style'), ...(mode === 'multiplier' ? { multiplier: v } : { lbsPerDay: v }) };
      break;
    }
    case 'demandMultiplier': {
      const by = str(s, 'by') || 'style';
      const m = optNumber(s, 'multiplier');
      if (m === undefined || m === 'invalid' || m < 0 || m > 100) return fail('The multiplier is between 0 and 100 (1.2 = +20 %, 0 = no demand)');
      let target: Record<string, string>;
      if (by === 'layer') target = { by, layer: str(s, 'layer') || 'knitOrders' };
      else if (by === 'customer') {
        if (!str(s, 'customer')) return fail('Give a customer');
        target = { by, customer: str(s, 'customer') };
      } else {
        if (!str(s, 'style')) return fail('Pick a style');
        target = { by: 'style', style: str(s, 'style') };
      }
      o = { kind, target, multiplier: m };
      break;
    }
    case 'poDraftAdd': {
      if (!str(s, 'yarnId')) return fail('Pick a yarn');
      const q = optNumber(s, 'qtyLbs');
      if (q === undefined || q === 'invalid' || q <= 0) return fail('The quantity is a positive number of lbs');
      if (!str(s, 'receiptWeek')) return fail('Give the week it arrives');
      o = { kind, yarnId: str(s, 'yarnId'), qtyLbs: q, receiptWeek: str(s, 'receiptWeek'), supplier: str(s, 'supplier') || null };
      break;
    }
    case 'policy': {
      const area = str(s, 'area');
      const key = str(s, 'key');
      if (!area || !key) return fail('Pick a policy area and key');
      const current = policy?.[area]?.[key];
      const value = parsePolicyValue(typeof s.value === 'string' ? s.value : '', current);
      if (typeof value === 'number' && !Number.isFinite(value)) return fail('This policy value is a number');
      o = { kind, area, key, value };
      break;
    }
    default:
      return fail('Unsupported override');
  }
  if (str(s, 'label')) o.label = str(s, 'label');
  const parsed = overrideInputSchema.safeParse(o);
  if (!parsed.success) return fail(parsed.error.issues.map((i) => i.message).join('; '));
  return { ok: true, override: parsed.data as OverrideInput };
}
