// The imported ERP entities, one set of names for the import, the store and the planning (`PlanningData`): each a
// zod schema in its own module, its type inferred from it. Units are in the names; quantities whose unit varies
// per row (sales) carry `uom`. Dates are ISO `YYYY-MM-DD`, timestamps `YYYY-MM-DDTHH:MM:SS` (plant-local, as
// exported). IDs are normalised strings.
//
// Where the schemas run: on every row the import's mappers produce (import/validateBatch.ts), before anything is
// written; the store's columns are derived from them (store/entities.ts) and rows read back are trusted, not parsed
// again (a test parses a loaded snapshot).
import { z } from 'zod';
import { bomLineSchema } from './bom';
import { erpReportSchema, erpStyleDemandRowSchema, erpYarnDemandRowSchema } from './erpReports';
import { fabricRollSchema } from './fabricRoll';
import { knitOrderSchema } from './knitOrder';
import { knitRateSchema, machineSchema } from './machine';
import { salesHistoryLineSchema, salesOrderSchema } from './sales';
import { fabricSpecSchema, greigeStyleSchema, styleBridgeRowSchema } from './style';
import { supplierSchema } from './supplier';
import { yarnInventoryRowSchema, yarnMasterRowSchema } from './yarn';
import { expectedPoSchema, expectedReceiptSchema, yarnPoSchema } from './yarnPurchase';
import type { WorkCenter } from './machine';
import type { GreigePair } from './style';
import type { Yarn } from './yarn';

export type { BomLine } from './bom';
export type { ErpReport, ErpReportType, ErpStyleDemandRow, ErpYarnDemandRow } from './erpReports';
export type { FabricRoll, RollStage } from './fabricRoll';
export type { KnitOrder, KnitOrderSource } from './knitOrder';
export type { KnitRate, Machine, WorkCenter } from './machine';
export type { SalesHistoryLine, SalesOrder } from './sales';
export type { FabricSpec, FabricSpecSource, GreigePair, GreigeStyle, StyleBridgeRow } from './style';
export type { Supplier } from './supplier';
export type { Yarn, YarnInventoryRow, YarnMasterRow } from './yarn';
export type { ExpectedPo, ExpectedReceipt, ReceiptBucket, YarnPo } from './yarnPurchase';

/** The schema of each entity kind an import batch carries (the store writes one table per kind). */
export const entitySchemas = {
  yarnInventory: yarnInventoryRowSchema,
  yarnMaster: yarnMasterRowSchema,
  suppliers: supplierSchema,
  bomLines: bomLineSchema,
  greigeStyles: greigeStyleSchema,
  styleBridge: styleBridgeRowSchema,
  fabricSpecs: fabricSpecSchema,
  knitOrders: knitOrderSchema,
  salesOrders: salesOrderSchema,
  salesHistory: salesHistoryLineSchema,
  yarnPos: yarnPoSchema,
  expectedPos: expectedPoSchema,
  expectedReceipts: expectedReceiptSchema,
  fabricRolls: fabricRollSchema,
  machines: machineSchema,
  knitRates: knitRateSchema,
  erpReports: erpReportSchema,
  erpStyleDemand: erpStyleDemandRowSchema,
  erpYarnDemand: erpYarnDemandRowSchema,
} as const;

export type EntityKind = keyof typeof entitySchemas;

/** Everything one import batch carries, by entity kind. */
export type EntityBatch = { [K in EntityKind]: z.infer<(typeof entitySchemas)[K]>[] };

type Rows<K extends EntityKind> = EntityBatch[K];

/**
 * Everything a plan run needs for one snapshot. Masters (BOM, styles, specs, machines, rates, suppliers, yarn
 * master) and sales history come from the snapshot itself or, when it does not carry them, from the latest earlier
 * batch that does (`sources` says which). Transactions and ERP reports are the snapshot's own only.
 */
export interface PlanningData {
  snapshotId: number;
  asOf: string;
  /** For each entity kind: the snapshot it was read from (absent: no batch carries it). */
  sources: Record<string, number>;
  yarns: Yarn[];
  /** Master rows whose yarn is not in the inventory (none in the real exports). */
  yarnMasterOnly: Rows<'yarnMaster'>;
  suppliers: Rows<'suppliers'>;
  /** The effective BOM: per style, all lines from one source file (see import/mappers/bom.ts for the precedence). */
  bomLines: Rows<'bomLines'>;
  greigeStyles: Rows<'greigeStyles'>;
  styleBridge: Rows<'styleBridge'>;
  greigePairs: GreigePair[];
  fabricSpecs: Rows<'fabricSpecs'>;
  /** From the eFab_Knit_Orders export when the snapshot has one, else from the ERP API. */
  knitOrders: Rows<'knitOrders'>;
  /** The ERP API records (extra fields: knit start, requested date, received, schedule status) when present. */
  knitOrdersApi: Rows<'knitOrders'>;
  salesOrders: Rows<'salesOrders'>;
  salesHistory: Rows<'salesHistory'>;
  yarnPos: Rows<'yarnPos'>;
  expectedPos: Rows<'expectedPos'>;
  expectedReceipts: Rows<'expectedReceipts'>;
  fabricRolls: Rows<'fabricRolls'>;
  machines: Rows<'machines'>;
  workCenters: WorkCenter[];
  knitRates: Rows<'knitRates'>;
  erpReports: Rows<'erpReports'>;
  erpStyleDemand: Rows<'erpStyleDemand'>;
  erpYarnDemand: Rows<'erpYarnDemand'>;
}
