// The planner's purchasing data: how supplier names read (mappings) and how single yarns are bought (overrides).
import { supplierMappingSchema, type SupplierMapping } from '../../shared/domain/supplierMapping';
import { yarnSupplyOverrideSchema, type YarnSupplyOverride } from '../../shared/domain/yarnSupplyOverride';
import type { Db } from './dbHandle';
import { deleteRow, listRows, optionalFields, putRow, type Columns, type RowChange, type RowSpec } from './plannerRows';

export const supplierMappingRows: RowSpec<SupplierMapping> = {
  table: 'supplier_mapping',
  keyColumns: ['name'],
  keyOf: (m) => [m.name],
  schema: supplierMappingSchema,
  toColumns: (m) => ({ name: m.name, supplier_id: m.supplierId }),
  fromColumns: (r) => ({ name: r.name, supplierId: r.supplier_id }),
  orderBy: 'name',
};

export const listSupplierMappings = (db: Db): SupplierMapping[] => listRows(db, supplierMappingRows);
export const putSupplierMapping = (db: Db, m: SupplierMapping, now: string): RowChange<SupplierMapping> => putRow(db, supplierMappingRows, m, now);
export const deleteSupplierMapping = (db: Db, name: string): RowChange<SupplierMapping> => deleteRow(db, supplierMappingRows, [name]);

type LotSizing = NonNullable<YarnSupplyOverride['lotSizing']>;
type SafetyStock = NonNullable<YarnSupplyOverride['safetyStock']>;

const lotSizingColumns = (r?: LotSizing): Columns => ({
  lot_sizing: r?.kind ?? null,
  lot_period_weeks: r?.kind === 'fixedPeriod' ? r.periodWeeks : null,
  lot_ordering_cost_usd: r?.kind === 'eoq' ? r.orderingCostUsd : null,
  lot_holding_rate_per_year: r?.kind === 'eoq' ? r.holdingRatePerYear : null,
});

function lotSizingOf(r: Columns): unknown {
  switch (r.lot_sizing) {
    case null:
      return undefined;
    case 'fixedPeriod':
      return { kind: 'fixedPeriod', periodWeeks: r.lot_period_weeks };
    case 'eoq':
      return { kind: 'eoq', orderingCostUsd: r.lot_ordering_cost_usd, holdingRatePerYear: r.lot_holding_rate_per_year };
    default:
      return { kind: r.lot_sizing };
  }
}

const safetyStockColumns = (r?: SafetyStock): Columns => ({
  safety_stock: r?.kind ?? null,
  safety_weeks: r?.kind === 'weeksOfCover' ? r.weeks : null,
  safety_service_level: r?.kind === 'serviceLevel' ? r.serviceLevel : null,
  safety_lbs: r?.kind === 'fixedLbs' ? r.lbs : null,
});

function safetyStockOf(r: Columns): unknown {
  switch (r.safety_stock) {
    case null:
      return undefined;
    case 'weeksOfCover':
      return { kind: 'weeksOfCover', weeks: r.safety_weeks };
    case 'serviceLevel':
      return { kind: 'serviceLevel', serviceLevel: r.safety_service_level };
    case 'fixedLbs':
      return { kind: 'fixedLbs', lbs: r.safety_lbs };
    default:
      return { kind: r.safety_stock };
  }
}

export const yarnSupplyOverrideRows: RowSpec<YarnSupplyOverride> = {
  table: 'yarn_supply_override',
  keyColumns: ['yarn_id'],
  keyOf: (o) => [o.yarnId],
  schema: yarnSupplyOverrideSchema,
  toColumns: (o) => ({
    yarn_id: o.yarnId,
    // The supplier is three-way: not overridden, overridden to none (null), overridden to a supplier.
    supplier_overridden: o.supplierId === undefined ? 0 : 1,
    supplier_id: o.supplierId ?? null,
    lead_time_days: o.leadTimeDays ?? null,
    moq_lbs: o.moqLbs ?? null,
    order_multiple_lbs: o.orderMultipleLbs ?? null,
    ...lotSizingColumns(o.lotSizing),
    ...safetyStockColumns(o.safetyStock),
  }),
  fromColumns: (r) => {
    const lotSizing = lotSizingOf(r);
    const safetyStock = safetyStockOf(r);
    return {
      yarnId: r.yarn_id,
      ...(r.supplier_overridden ? { supplierId: r.supplier_id } : {}),
      ...optionalFields({ leadTimeDays: r.lead_time_days, moqLbs: r.moq_lbs, orderMultipleLbs: r.order_multiple_lbs }),
      ...(lotSizing ? { lotSizing } : {}),
      ...(safetyStock ? { safetyStock } : {}),
    };
  },
  orderBy: 'yarn_id',
};

export const listYarnSupplyOverrides = (db: Db): YarnSupplyOverride[] => listRows(db, yarnSupplyOverrideRows);
export const putYarnSupplyOverride = (db: Db, o: YarnSupplyOverride, now: string): RowChange<YarnSupplyOverride> =>
  putRow(db, yarnSupplyOverrideRows, o, now);
export const deleteYarnSupplyOverride = (db: Db, yarnId: string): RowChange<YarnSupplyOverride> => deleteRow(db, yarnSupplyOverrideRows, [yarnId]);
