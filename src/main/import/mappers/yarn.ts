// yarn_inventory, Yarn_ID_Master and Supplier_ID.
import { cleanText } from '../cleaners';
import type { Supplier, YarnInventoryRow, YarnMasterRow } from '../../../shared/domain/entities';
import { isRetiredSupplier, markedRemove } from '../../../shared/domain/supplier';
import type { Mapper } from './types';

export const mapYarnInventory: Mapper = (r) => {
  const rows: YarnInventoryRow[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let never = 0;
  for (const _ of r.rows()) {
    const yarnId = r.id('yarnId', { required: true });
    const reconcileText = r.text('reconcileDate');
    if (reconcileText?.toLowerCase() === 'never') never++;
    const row: YarnInventoryRow = {
      yarnId: yarnId ?? '',
      supplier: r.text('supplier'),
      description: r.text('description'),
      color: r.text('color'),
      qsCustomer: r.text('qsCustomer'),
      beginningBalanceLbs: r.num0('beginningBalance'),
      receivedLbs: r.num0('received'),
      consumedLbs: r.num0('consumed'),
      adjustmentsLbs: r.num0('adjustments'),
      theoreticalBalanceLbs: r.num0('theoreticalBalance', { required: true }),
      misc: r.text('misc'),
      onOrderLbs: r.num0('onOrder'),
      allocatedLbs: r.num0('allocated'),
      planningBalanceLbs: r.num0('planningBalance', { required: true }),
      reconcileDate: r.date('reconcileDate'),
      costPerLb: r.money('costPerLb')?.value ?? null,
      totalCostUsd: r.money('totalCost')?.value ?? null,
    };
    if (yarnId && seen.has(yarnId)) r.problem('yarnId', 'duplicate yarn id (first row kept)', true);
    if (!r.finish()) {
      if (yarnId && seen.has(yarnId)) duplicates++;
      continue;
    }
    seen.add(row.yarnId);
    rows.push(row);
  }
  const notes = [];
  if (never) notes.push(`${never} yarns never reconciled (Reconcile Date "Never")`);
  if (duplicates) notes.push(`${duplicates} duplicate yarn ids rejected`);
  return { batch: { yarnInventory: rows }, notes };
};

export const mapYarnMaster: Mapper = (r) => {
  const rows: YarnMasterRow[] = [];
  const seen = new Set<string>();
  for (const _ of r.rows()) {
    const yarnId = r.id('yarnId', { required: true });
    if (yarnId && seen.has(yarnId)) r.problem('yarnId', 'duplicate yarn id (first row kept)', true);
    const row: YarnMasterRow = {
      yarnId: yarnId ?? '',
      supplier: r.text('supplier'),
      yarnCount: r.text('description'),
      blend: r.text('blend'),
      yarnType: r.text('type'),
      color: r.text('color'),
      descExtra: [r.text('descExtra1'), r.text('descExtra2'), r.text('descExtra3')].filter((d): d is string => !!d),
      costPerLb: r.money('costPerLb')?.value ?? null,
      totalCostUsd: r.money('totalCost')?.value ?? null,
    };
    if (!r.finish()) continue;
    seen.add(row.yarnId);
    rows.push(row);
  }
  return { batch: { yarnMaster: rows }, notes: [] };
};

export const mapSuppliers: Mapper = (r) => {
  const rows: Supplier[] = [];
  let retired = 0;
  for (const _ of r.rows()) {
    const name = r.text('supplier', { required: true }) ?? '';
    const marks = [r.raw('leadTime'), r.raw('moq'), r.raw('type')].map((c) => cleanText(c));
    const removed = markedRemove(marks);
    const row: Supplier = {
      supplierId: r.id('supplierId'),
      name,
      leadTimeAsExported: removed ? null : r.num('leadTime'),
      moqLbs: removed ? null : r.num('moq'),
      supplierType: removed ? null : r.text('type'),
      retired: isRetiredSupplier(name, marks),
    };
    if (!r.finish()) continue;
    if (row.retired) retired++;
    rows.push(row);
  }
  return {
    batch: { suppliers: rows },
    notes: retired ? [`${retired} suppliers retired ("Remove" in the export, or "(Do not Use)" in the name)`] : [],
  };
};
