// The shortage report and the purchase plan as printable reports (same conventions as the schedule report).
import { hBarChart, type ReportSpec } from '../../reports';
import type { PageSize } from '../../reports/html';
import type { PolicyTable } from '../../../shared/policy';
import { reportsPolicyDefaults } from '../../../shared/policy/reports';
import type { Plan } from '../jobs/computePlan';
import { shortageRows } from '../views/yarnTables';
import { lbsText, peggedOrdersText, suggestionText } from '../../../shared/viewText';
import { shortageTotals } from '../../../shared/shortageTotals';
import type { PurchaseOrder } from '../../../shared/domain/purchaseOrder';

/** The one paper size of every report (policy reports.paperSize; a plan cached before the setting existed: the default). */
export function paperSize(policy: Partial<PolicyTable> | undefined): PageSize {
  return policy?.reports?.paperSize ?? reportsPolicyDefaults.paperSize;
}

/** Knit orders printed per short yarn: a yarn pegged to 60 orders would otherwise fill a page on its own. */
export const PEGGED_ORDERS_PRINTED = 5;

const riskTone = (risk: unknown) => (risk === 'CRITICAL' ? 'bad' : risk === 'HIGH' ? 'warn' : undefined);

export function shortageReport(plan: Plan, printedAt: string): ReportSpec {
  const rows = shortageRows(plan);
  const totals = shortageTotals(rows);
  const value = rows.reduce((t, r) => t + r.maxDeficitLbs * (plan.yarnCostPerLb[r.yarnId] ?? 0), 0);
  // ten bars keep the chart to a third of the page, so the table starts on the first page
  const top = rows
    .slice()
    .sort((a, b) => b.maxDeficitLbs - a.maxDeficitLbs)
    .slice(0, 10);
  return {
    title: 'Yarn shortage report',
    asOf: plan.asOf,
    printedAt,
    pageSize: paperSize(plan.policy),
    kpis: [
      { label: 'Yarns short', value: totals.yarnsShort, tone: rows.length ? 'bad' : 'ok' },
      { label: 'Short after past-due receipts', value: totals.yarnsShortAfterPastDue, tone: totals.yarnsShortAfterPastDue ? 'bad' : 'ok' },
      { label: 'Lbs short (deepest)', value: Math.round(totals.lbsShort).toLocaleString('en-US') },
      { label: 'Lbs after past-due receipts', value: Math.round(totals.lbsShortAfterPastDue).toLocaleString('en-US') },
      { label: 'Value at cost ($)', value: Math.round(value).toLocaleString('en-US') },
      { label: 'Critical yarns', value: rows.filter((r) => r.risk === 'CRITICAL').length },
    ],
    sections: [
      {
        heading: 'Largest shortages',
        svg: top.length
          ? hBarChart({
              bars: top.map((r) => ({ label: `${r.yarnId} ${r.description.slice(0, 24)}`, value: r.maxDeficitLbs })),
              maxValue: Math.max(...top.map((r) => r.maxDeficitLbs)),
              unit: ' lbs',
              labelWidth: 260,
            })
          : undefined,
      },
      {
        heading: 'Every short yarn, by first short week',
        note: `Deficits are lbs below zero of the projected balance (theoretical balance + expected receipts${plan.receiptLines.some((r) => r.poNo.startsWith('draft ')) ? ' + accepted PO drafts' : ''} - knit-order demand${plan.layers.salesOrders ? ' - uncovered sales orders' : ''}${plan.layers.forecast ? ' - forecast not consumed by orders' : ''}). Pegged orders consume the yarn up to the first short week.`,
        table: {
          columns: [
            { key: 'yarnId', label: 'Yarn', nowrap: true, width: '5%' },
            { key: 'description', label: 'Description', width: '13%' },
            { key: 'risk', label: 'Risk', width: '7%' },
            { key: 'firstShortWeek', label: 'First short', nowrap: true, width: '7%' },
            { key: 'deficitAtFirstShortLbs', label: 'Deficit then (lbs)', align: 'right', negativeBad: true, width: '7%' },
            { key: 'maxDeficitLbs', label: 'Max deficit (lbs)', align: 'right', width: '7%' },
            { key: 'recoveryWeek', label: 'Recovers', nowrap: true, width: '7%' },
            { key: 'expedite', label: 'Receipt to expedite', width: '10%' },
            { key: 'peggedOrders', label: 'Knit orders consuming it', width: '22%' },
            { key: 'action', label: 'Purchasing', width: '15%' },
          ],
          rows: rows.map((r) => ({
            yarnId: r.yarnId,
            description: r.description,
            risk: { text: r.risk ?? '', tone: riskTone(r.risk) },
            firstShortWeek: r.firstShortWeek,
            deficitAtFirstShortLbs: r.deficitAtFirstShortLbs,
            maxDeficitLbs: r.maxDeficitLbs,
            recoveryWeek: r.recoveryWeek ?? 'not in horizon',
            expedite: r.expedite ? `${r.expedite.poNo}: ${lbsText(r.expedite.lbs)} in week of ${r.expedite.weekStart ?? 'later'}` : '',
            peggedOrders:
              peggedOrdersText(r.pegged.slice(0, PEGGED_ORDERS_PRINTED)) +
              (r.pegged.length > PEGGED_ORDERS_PRINTED ? `; and ${r.pegged.length - PEGGED_ORDERS_PRINTED} more (shortages.csv lists them all)` : ''),
            action: r.suggestion ? suggestionText(r.suggestion) : `none: ${r.noSuggestionReason}`,
          })),
          emptyText: 'No yarn is projected short over the horizon.',
        },
      },
    ],
  };
}

export function purchasePlanReport(plan: Plan, printedAt: string, acceptedOrders: readonly PurchaseOrder[] = []): ReportSpec {
  const { suggestions, bySupplier } = plan.purchasing;
  const totalLbs = suggestions.reduce((t, s) => t + s.qtyLbs, 0);
  const totalUsd = suggestions.reduce((t, s) => t + s.valueUsd, 0);
  return {
    title: 'Purchase plan',
    asOf: plan.asOf,
    printedAt,
    pageSize: paperSize(plan.policy),
    kpis: [
      { label: 'Suggested orders', value: suggestions.length },
      { label: 'Quantity (lbs)', value: Math.round(totalLbs).toLocaleString('en-US') },
      { label: 'Value ($)', value: Math.round(totalUsd).toLocaleString('en-US') },
      {
        label: 'To expedite',
        value: suggestions.filter((s) => s.action === 'expedite').length,
        tone: suggestions.some((s) => s.action === 'expedite') ? 'bad' : 'ok',
      },
    ],
    sections: [
      {
        heading: 'By supplier',
        table: {
          columns: [
            { key: 'supplierName', label: 'Supplier' },
            { key: 'yarnCount', label: 'Yarns', align: 'right' },
            { key: 'suggestionCount', label: 'Orders', align: 'right' },
            { key: 'totalLbs', label: 'lbs', align: 'right' },
            { key: 'totalUsd', label: '$', align: 'right' },
            { key: 'lateCount', label: 'Late', align: 'right' },
            { key: 'earliestReleaseDate', label: 'First release', nowrap: true },
          ],
          rows: bySupplier.map(({ flags: _flags, ...g }) => g),
          totals: { supplierName: 'Total', totalLbs, totalUsd, suggestionCount: suggestions.length },
          emptyText: 'Nothing to buy over the horizon.',
        },
      },
      {
        heading: 'Suggested purchase orders',
        note: 'Release date = receipt date minus the supplier lead time. Quantities are rounded up to the MOQ and order multiple.',
        table: {
          columns: [
            { key: 'supplierName', label: 'Supplier' },
            { key: 'yarnId', label: 'Yarn', nowrap: true },
            { key: 'description', label: 'Description' },
            { key: 'qtyLbs', label: 'lbs', align: 'right' },
            { key: 'valueUsd', label: '$', align: 'right' },
            { key: 'releaseDate', label: 'Release', nowrap: true },
            { key: 'receiptDate', label: 'Receive', nowrap: true },
            { key: 'leadTimeDays', label: 'Lead (d)', align: 'right' },
            { key: 'action', label: 'Action' },
          ],
          rows: suggestions
            .slice()
            .sort((a, b) => String(a.supplierName).localeCompare(String(b.supplierName)) || a.releaseDate.localeCompare(b.releaseDate))
            .map((s) => ({
              yarnId: s.yarnId,
              description: s.description,
              qtyLbs: s.qtyLbs,
              valueUsd: s.valueUsd,
              releaseDate: s.releaseDate,
              receiptDate: s.receiptDate,
              leadTimeDays: s.leadTimeDays,
              supplierName: s.supplierName ?? '(no supplier)',
              action: s.action === 'expedite' ? { text: `Expedite: late by ${s.lateByDays} d`, tone: 'bad' as const } : 'Release',
            })),
          emptyText: 'Nothing to buy over the horizon.',
        },
      },
      {
        heading: 'Accepted PO drafts, by supplier',
        note: 'Suggestions the planner accepted (or edited): they count as receipts in this plan, one PO per supplier, to be entered in the ERP.',
        table: {
          columns: [
            { key: 'poNumber', label: 'PO', nowrap: true },
            { key: 'supplierName', label: 'Supplier' },
            { key: 'yarnId', label: 'Yarn', nowrap: true },
            { key: 'description', label: 'Description' },
            { key: 'qtyLbs', label: 'lbs', align: 'right' },
            { key: 'valueUsd', label: '$', align: 'right' },
            { key: 'dueDate', label: 'Due', nowrap: true },
          ],
          rows: acceptedOrders.flatMap((po) =>
            po.lines.map((l) => ({
              poNumber: po.poNumber,
              supplierName: `${po.supplierId} ${po.supplierName}`,
              yarnId: l.yarnId,
              description: l.description,
              qtyLbs: l.qtyLbs,
              valueUsd: l.valueUsd,
              dueDate: l.dueDate,
            })),
          ),
          totals: {
            poNumber: 'Total',
            qtyLbs: acceptedOrders.reduce((t, po) => t + po.totalLbs, 0),
            valueUsd: acceptedOrders.reduce((t, po) => t + po.totalUsd, 0),
          },
          emptyText: 'No accepted PO drafts.',
        },
      },
    ],
  };
}
