// Orders: knit orders (eFab export and ERP API JSON), open sales orders, sales history, yarn POs and the
// expected-receipts report.
import { addDays, mondayOf } from '../../../shared/dates';
import { thisWeekFromBuckets } from '../buckets';
import { cellText, greigeSale, normStyle, parseOnHold, parseOrderNumber } from '../cleaners';
import type { ExpectedPo, ExpectedReceipt, KnitOrder, SalesHistoryLine, SalesOrder, YarnPo } from '../../../shared/domain/entities';
import { splitStyle } from '../../../shared/domain/style';
import type { RowReader } from '../rowReader';
import type { Mapper } from './types';

/** What the ERP schedules on: ordered minus received, where received = G00 + shipped - seconds (never < 0). */
export function liveBalanceLbs(orderedLbs: number, g00Lbs: number, shippedLbs: number, secondsLbs: number): number {
  return Math.max(0, Math.round((orderedLbs - (g00Lbs + shippedLbs - secondsLbs)) * 1e6) / 1e6);
}

function orderNumber(r: RowReader) {
  const parsed = parseOrderNumber(r.raw('orderNumber'));
  if (!parsed) r.problem('orderNumber', 'required value missing', true);
  return parsed;
}

/** The fields the eFab export and the ERP API share, read the same way from either. */
function knitOrderFields(r: RowReader) {
  const orderedLbs = r.num('qty', { required: true }) ?? 0;
  const g00Lbs = r.num0('g00');
  const shippedLbs = r.num0('shipped');
  const secondsLbs = r.num0('seconds');
  return {
    startDate: r.date('startDate'),
    quotedDate: r.date('quotedDate'),
    orderedLbs,
    g00Lbs,
    shippedLbs,
    secondsLbs,
    balanceLbs: r.num0('balance'),
    liveBalanceLbs: liveBalanceLbs(orderedLbs, g00Lbs, shippedLbs, secondsLbs),
    machine: r.id('machine'),
    bki: r.id('bki'),
    poNumber: r.id('poNumber'),
    modifiedAt: r.dateTime('modified'),
  };
}

function uniqueOrders(r: RowReader, key: string | null, seen: Set<string>, what: string): void {
  if (key && seen.has(key)) r.problem('orderNumber', `duplicate ${what} (first row kept)`, true);
}

export const mapKnitOrders: Mapper = (r) => {
  const rows: KnitOrder[] = [];
  const seen = new Set<string>();
  let warnings = 0;
  for (const _ of r.rows()) {
    const no = orderNumber(r);
    uniqueOrders(r, no?.value ?? null, seen, 'knit order');
    const row: KnitOrder = {
      koNumber: no?.value ?? '',
      source: 'export',
      style: r.style('style', { required: true }) ?? '',
      styleRaw: cellText(r.raw('style')) ?? '',
      hasWarning: no?.hasWarning ?? false,
      warningText: no?.warningText ?? null,
      ...knitOrderFields(r),
      requestedDate: null,
      createdAt: null,
      status: null,
      scheduleStatus: null,
      receivedLbs: null,
      unitCostYarnPerLb: null,
      knitPricePerLb: null,
    };
    if (!r.finish()) continue;
    seen.add(row.koNumber);
    if (row.hasWarning) warnings++;
    rows.push(row);
  }
  const notes = warnings ? [`${warnings} order numbers carried the ERP's warning icon (HTML stripped, flag kept)`] : [];
  return { batch: { knitOrders: rows }, notes };
};

export const mapKnitOrdersApi: Mapper = (r) => {
  const rows: KnitOrder[] = [];
  const seen = new Set<string>();
  for (const _ of r.rows()) {
    const no = orderNumber(r);
    uniqueOrders(r, no?.value ?? null, seen, 'knit order');
    const base = r.style('greigeBase', { required: true });
    const version = r.style('greigeVersion', { required: true });
    const style = normStyle(`${base ?? ''}/${version ?? ''}`) ?? '';
    const row: KnitOrder = {
      koNumber: no?.value ?? '',
      source: 'api',
      style,
      styleRaw: `${cellText(r.raw('greigeBase')) ?? ''}/${cellText(r.raw('greigeVersion')) ?? ''}`,
      hasWarning: false,
      warningText: null,
      ...knitOrderFields(r),
      requestedDate: r.date('requestedDate'),
      createdAt: r.dateTime('createdAt'),
      status: r.text('status'),
      scheduleStatus: r.text('scheduleStatus'),
      receivedLbs: r.num('received'),
      unitCostYarnPerLb: r.num('costPerLb'),
      knitPricePerLb: r.num('price'),
    };
    if (!r.finish()) continue;
    seen.add(row.koNumber);
    rows.push(row);
  }
  return { batch: { knitOrders: rows }, notes: [] };
};

export const mapSalesOrders: Mapper = (r) => {
  const rows: SalesOrder[] = [];
  const seen = new Set<string>();
  let onHold = 0;
  for (const _ of r.rows()) {
    const soNumber = r.id('soNumber', { required: true });
    if (soNumber && seen.has(soNumber)) r.problem('soNumber', 'duplicate sales order (first row kept)', true);
    const price = r.money('unitPrice');
    const greigeStyle = greigeSale(r.raw('customerStyle')) ?? greigeSale(r.raw('finishedBase'));
    const finishedBase = greigeStyle ? null : r.style('finishedBase');
    const { base: style, version } = finishedBase ? splitStyle(finishedBase) : { base: null, version: null };
    const row: SalesOrder = {
      soNumber: soNumber ?? '',
      status: r.text('status'),
      csr: r.text('csr'),
      unitPrice: price?.value ?? null,
      priceUnit: price?.unit ?? null,
      quotedDate: r.date('quotedDate'),
      customerStyle: r.text('customerStyle'),
      finishedBase,
      finishedStyle: style,
      finishedVersion: version,
      greigeStyle,
      onHold: r.parsed('onHold', parseOnHold(r.raw('onHold'))),
      uom: r.text('unit')?.toLowerCase() ?? null,
      orderedQty: r.num0('ordered', { required: true }),
      shippedQty: r.num0('shipped'),
      balanceQty: r.num0('balance'),
      availableQty: r.num0('available'),
      sop: r.text('sop'),
      poNumber: r.id('poNumber'),
      soldTo: r.text('soldTo'),
      shipTo: r.text('shipTo'),
      shipDate: r.date('shipDate'),
    };
    if (!r.finish()) continue;
    seen.add(row.soNumber);
    if (row.onHold) onHold++;
    rows.push(row);
  }
  return { batch: { salesOrders: rows }, notes: onHold ? [`${onHold} sales orders on hold`] : [] };
};

export const mapSalesHistory: Mapper = (r) => {
  const rows: SalesHistoryLine[] = [];
  for (const _ of r.rows()) {
    const greigeStyle = greigeSale(r.raw('finishedStyle'));
    const row: SalesHistoryLine = {
      document: r.id('document', { required: true }) ?? '',
      invoiceDate: r.date('invoiceDate', { required: true }) ?? '',
      customer: r.text('customer'),
      finishedStyle: greigeStyle ?? r.style('finishedStyle', { required: true }) ?? '',
      greigeStyle,
      qty: r.num('qty', { required: true }) ?? 0,
      uom: r.text('unit')?.toLowerCase() ?? null,
      unitPrice: r.money('unitPrice')?.value ?? null,
      linePrice: r.money('linePrice')?.value ?? null,
      firstInvoice: r.id('firstInvoice'),
      salesRep: r.text('salesRep'),
      commission: r.num('commission'),
      sellingCompany: r.text('sellingCompany'),
      poNumber: r.id('poNumber'),
    };
    if (!r.finish()) continue;
    rows.push(row);
  }
  const dates = rows.map((x) => x.invoiceDate).sort();
  const notes = rows.length ? [`${rows.length} invoice lines from ${dates[0]} to ${dates[dates.length - 1]}`] : [];
  return { batch: { salesHistory: rows }, notes };
};

export const mapYarnPos: Mapper = (r) => {
  const rows: YarnPo[] = [];
  const seen = new Set<string>();
  for (const _ of r.rows()) {
    const poNumber = r.id('poNumber', { required: true });
    if (poNumber && seen.has(poNumber)) r.problem('poNumber', 'duplicate PO (first row kept)', true);
    const row: YarnPo = {
      poNumber: poNumber ?? '',
      status: r.text('status'),
      yarnId: r.id('yarnId', { required: true }) ?? '',
      orderedAt: r.dateTime('ordered'),
      requestedDate: r.date('requestedDate'),
      quotedDate: r.date('quotedDate'),
      qtyLbs: r.num('qty', { required: true }) ?? 0,
      balanceLbs: r.num0('balance'),
      supplier: r.text('supplier'),
      size: r.text('size'),
      yarnType: r.text('type'),
      color: r.text('color'),
      description: r.text('description'),
      costPerLb: r.money('costPerLb')?.value ?? null,
      totalCostUsd: r.money('totalCost')?.value ?? null,
    };
    if (!r.finish()) continue;
    seen.add(row.poNumber);
    rows.push(row);
  }
  return { batch: { yarnPos: rows }, notes: [] };
};

export const mapExpectedReceipts: Mapper = (r) => {
  const pos: ExpectedPo[] = [];
  const receipts: ExpectedReceipt[] = [];
  const seen = new Set<string>();
  const buckets = r.table.buckets;
  // "This Week" is the week before the first Friday-dated column; without dated columns it is the as-of week,
  // filled in by the batch once the as-of date is known (weekStart null on a 'week' bucket).
  const thisWeek = thisWeekFromBuckets(buckets.map((b) => b.parsed.bucket));
  for (const _ of r.rows()) {
    const poNumber = r.id('poNumber', { required: true });
    if (poNumber && seen.has(poNumber)) r.problem('poNumber', 'duplicate PO (first row kept)', true);
    const po: ExpectedPo = {
      poNumber: poNumber ?? '',
      poDate: r.date('poDate'),
      supplier: r.text('supplier'),
      yarnId: r.id('yarnId', { required: true }) ?? '',
      costPerLb: r.money('price')?.value ?? null,
      inventoryLbs: r.num('inventory'),
      orderedLbs: r.num('qty'),
      receivedLbs: r.num('received'),
      balanceLbs: r.num0('balance'),
      yarnType: r.text('type'),
      ply: r.text('ply'),
      size: r.id('size'),
      filament: r.text('filament'),
      color: r.text('color'),
      blend: r.text('blend'),
    };
    const rowReceipts: ExpectedReceipt[] = [];
    for (const b of buckets) {
      const qty = r.numAt(b.col, null, { blankZero: true }) ?? 0;
      if (qty === 0) continue;
      const bucket = b.parsed.bucket;
      rowReceipts.push({
        poNumber: po.poNumber,
        yarnId: po.yarnId,
        bucket: bucket.kind === 'pastDue' ? 'pastDue' : bucket.kind === 'later' ? 'later' : 'week',
        weekStart: bucket.kind === 'dated' ? mondayOf(bucket.date) : bucket.kind === 'thisWeek' ? (thisWeek ?? null) : null,
        qtyLbs: qty,
      });
    }
    if (!r.finish()) continue;
    seen.add(po.poNumber);
    pos.push(po);
    receipts.push(...rowReceipts);
  }
  const notes = thisWeek
    ? [
        `"This Week" = week of ${thisWeek}; last dated column ends ${addDays(thisWeek, 7 * (buckets.filter((b) => b.parsed.bucket.kind === 'dated').length + 1) - 1)}`,
      ]
    : [];
  return { batch: { expectedPos: pos, expectedReceipts: receipts }, notes, expectedThisWeek: thisWeek };
};
