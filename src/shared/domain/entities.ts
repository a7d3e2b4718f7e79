// Typed ERP entities as the import produces them, the store keeps them and the planning reads them (`PlanningData`).
// Types only, no runtime code. (Part 13-B turns them into zod schemas with one set of names.)
// Units are in the names; quantities whose unit varies per row (sales) carry `uom`. Dates are ISO `YYYY-MM-DD`,
// timestamps `YYYY-MM-DDTHH:MM:SS` (plant-local, as exported). IDs are normalised strings.

/** yarn_inventory: one row per yarn (Desc#). Blank Received/Adjustments etc. are 0. */
export interface YarnInventoryRow {
  yarnId: string;
  supplier: string | null;
  description: string | null;
  color: string | null;
  qsCustomer: string | null;
  beginningLbs: number;
  receivedLbs: number;
  /** Stored negative by the ERP (consumption since the last reconcile). */
  consumedLbs: number;
  adjustmentsLbs: number;
  theoreticalLbs: number;
  misc: string | null;
  onOrderLbs: number;
  /** Stored negative by the ERP: yarn already reserved for open knit orders. */
  allocatedLbs: number;
  planningLbs: number;
  /** null when the ERP says "Never". */
  reconcileDate: string | null;
  costPerLb: number | null;
  totalCost: number | null;
}

/** Yarn_ID_Master: attributes of a subset of the yarns (its balances are stale copies and are not used). */
export interface YarnMasterRow {
  yarnId: string;
  supplier: string | null;
  /** The master's "Description" is the count, e.g. "30/1". */
  yarnCount: string | null;
  blend: string | null;
  yarnType: string | null;
  color: string | null;
  descExtra: string[];
  costPerLb: number | null;
  /** Total_Cast as exported (accounting negatives such as "($2,183.40)"); a stale copy, kept for reference. */
  totalCost: number | null;
}

/** A yarn as planning sees it: the inventory row plus the master's attributes where the master knows the yarn. */
export interface Yarn extends YarnInventoryRow {
  yarnCount: string | null;
  blend: string | null;
  yarnType: string | null;
}

export interface Supplier {
  supplierId: string | null;
  name: string;
  /**
   * Lead time as exported (4-14). The export does not state the unit; the old system's documentation and the
   * import/domestic split (imports 8-14) say weeks, so the name says weeks.
   */
  leadTimeWeeks: number | null;
  moqLbs: number | null;
  supplierType: string | null;
  /** "Remove" in the export: a retired supplier (no lead time / MOQ). */
  retired: boolean;
}

/** One (greige style, yarn) pair: the ERP's duplicate feed lines are summed into `fraction` (0..1). */
export interface BomLine {
  style: string;
  yarnId: string;
  fraction: number;
  /** How many export lines were summed. */
  lineCount: number;
  /** The BOM file the line came from (a style's lines all come from one file, see mappers/bom.ts). */
  sourceFile: string;
}

/** QuadS greige fabric list: greige style = base/version. */
export interface GreigeStyle {
  style: string;
  base: string;
  version: string;
  workCenter: string | null;
  construction: string | null;
  constructionId: string | null;
  customer: string | null;
  stage: string | null;
  pricePerLb: number | null;
  active: boolean | null;
  refStyle: string | null;
}

/** eFab_Styles: finished style -> greige base (duplicates removed; an fStyle can map to several gBases). */
export interface StyleBridgeRow {
  finishedStyle: string;
  finishedVersion: string | null;
  customerBase: string | null;
  styleAlias: string | null;
  greigeBase: string;
  greigeCreated: string | null;
}

/** A direct finished (fStyle/fVersion) -> greige style (base/version) pair seen on G02 rolls at the dyer. */
export interface GreigePair {
  finishedBase: string;
  greigeStyle: string;
  rolls: number;
}

export type FabricSpecSource = 'styles_master' | 'finished_specs';

export interface FabricSpec {
  source: FabricSpecSource;
  finishedStyle: string;
  finishedVersion: string | null;
  specId: string | null;
  finishCode: string | null;
  overallWidthIn: number | null;
  cuttableWidthIn: number | null;
  ozPerLinYd: number | null;
  ydsPerLb: number | null;
  gsm: number | null;
  ozPerSqYd: number | null;
  composition: string | null;
  construction: string | null;
  fabricType: string | null;
  rollWeightLbs: number | null;
  rollLengthYds: number | null;
  stage: string | null;
}

export type KnitOrderSource = 'export' | 'api';

export interface KnitOrder {
  koNumber: string;
  source: KnitOrderSource;
  /** Greige style base/version, normalised; `styleRaw` as exported. */
  style: string;
  styleRaw: string;
  /** The ERP's warning icon on the order number (e.g. zero or negative knit price). */
  hasWarning: boolean;
  warningText: string | null;
  startDate: string | null;
  quotedDate: string | null;
  requestedDate: string | null;
  orderedLbs: number;
  g00Lbs: number;
  shippedLbs: number;
  secondsLbs: number;
  /** Balance as exported (can be stale). */
  balanceLbs: number;
  /** max(0, ordered - (G00 + shipped - seconds)): what the ERP schedules on when the export is stale. */
  liveBalanceLbs: number;
  machine: string | null;
  bki: string | null;
  poNumber: string | null;
  modifiedAt: string | null;
  /** API only: when the order was created (export: null). */
  createdAt: string | null;
  status: string | null;
  scheduleStatus: string | null;
  /** API only: qty_received. */
  receivedLbs: number | null;
  unitCostYarnPerLb: number | null;
  knitPricePerLb: number | null;
}

export interface SalesOrder {
  soNumber: string;
  status: string | null;
  csr: string | null;
  unitPrice: number | null;
  /** The unit in the price text "$7.35 (yds)"; can disagree with `uom`. */
  priceUnit: string | null;
  quotedDate: string | null;
  /** cFVersion: customer-facing style or alias, not a key. */
  customerStyle: string | null;
  /** fBase = fStyle/fVersion. */
  finishedBase: string | null;
  finishedStyle: string | null;
  finishedVersion: string | null;
  /** Set when the line sells greige fabric directly ("(Greige) 205FLX2006/M" in the export). */
  greigeStyle: string | null;
  onHold: boolean | null;
  uom: string | null;
  orderedQty: number;
  shippedQty: number;
  /** Negative on over-shipment. */
  balanceQty: number;
  availableQty: number;
  sop: string | null;
  poNumber: string | null;
  soldTo: string | null;
  shipTo: string | null;
  shipDate: string | null;
}

export interface SalesHistoryLine {
  document: string;
  invoiceDate: string;
  customer: string | null;
  /** fStyle#; for a greige sale ("(Greige) C4T4131/TT1L") the code without the prefix. */
  finishedStyle: string;
  /** Set when the line sold greige fabric directly. */
  greigeStyle: string | null;
  qty: number;
  uom: string | null;
  unitPrice: number | null;
  linePrice: number | null;
  firstInvoice: string | null;
  salesRep: string | null;
  commission: number | null;
  sellingCompany: string | null;
  poNumber: string | null;
}

export interface YarnPo {
  poNumber: string;
  status: string | null;
  yarnId: string;
  orderedAt: string | null;
  requestedDate: string | null;
  quotedDate: string | null;
  qtyLbs: number;
  balanceLbs: number;
  supplier: string | null;
  size: string | null;
  yarnType: string | null;
  color: string | null;
  description: string | null;
  costPerLb: number | null;
  totalCost: number | null;
}

/** Expected_Yarn_Report, one row per PO (the per-week receipts are `ExpectedReceipt`s). */
export interface ExpectedPo {
  poNumber: string;
  poDate: string | null;
  supplier: string | null;
  yarnId: string;
  costPerLb: number | null;
  /** INVEN: the yarn's theoretical balance at the run. */
  inventoryLbs: number | null;
  orderedLbs: number | null;
  receivedLbs: number | null;
  balanceLbs: number;
  yarnType: string | null;
  ply: string | null;
  size: string | null;
  filament: string | null;
  color: string | null;
  blend: string | null;
}

export type ReceiptBucket = 'pastDue' | 'week' | 'later';

/** A scheduled receipt: "Unscheduled or Past Due" (can be negative), an ISO week (its Monday), or "Later". */
export interface ExpectedReceipt {
  poNumber: string;
  yarnId: string;
  bucket: ReceiptBucket;
  weekStart: string | null;
  qtyLbs: number;
}

export type RollStage = 'G00' | 'G02' | 'I01' | 'F01' | 'P01';

export interface FabricRoll {
  stage: RollStage;
  rollNumber: string;
  /** G00: greige style; G02, I01, F01, P01: finished style/version. */
  style: string;
  /** G00: = style; G02: gStyle. */
  greigeStyle: string | null;
  /** G00: KO #; I01/F01/P01: dye order (Order #). */
  orderNumber: string | null;
  /** P01 only. */
  soNumber: string | null;
  /** G02 only. */
  doNumber: string | null;
  customer: string | null;
  vendorRollNumber: string | null;
  rack: string | null;
  qtyYds: number | null;
  qtyLbs: number;
  goodEach: number | null;
  badEach: number | null;
  processor: string | null;
  machine: string | null;
  /** G00 knit date, G02 ship date, I01/F01/P01 received. */
  eventDate: string | null;
}

export interface Machine {
  machineId: string;
  /** Normalised (trimmed) work center; null when blank. */
  workCenter: string | null;
  workCenterRaw: string | null;
}

/** Work center code C.DD.NN.T = construction . cylinder diameter . needle cut . machine type. */
export interface WorkCenter {
  code: string;
  construction: string | null;
  diameterIn: number | null;
  needleCut: number | null;
  machineType: string | null;
  machineIds: string[];
}

export interface KnitRate {
  style: string;
  lbsPerDay: number;
}

export type ErpReportType = 'erp_yarn_demand' | 'erp_style_demand' | 'erp_style_ko_demand';

/** One of the ERP's own computed reports in the batch (reference data for reconciliation and learning). */
export interface ErpReport {
  /** 1..n within the snapshot. */
  reportId: number;
  type: ErpReportType;
  fileName: string;
  /** The run date when the report reveals it (weekday inventory header, first-week pro-rating), else null. */
  runDate: string | null;
  /** Monday of the report's "This Week". */
  thisWeekStart: string;
  /** Per bucket column: its header and the Monday it stands for (null for Later). */
  buckets: { label: string; weekStart: string | null }[];
}

/** Yarn_Demand_By_Style (koNumber null) and Yarn_Demand_By_Style_KO rows; blank buckets are 0. */
export interface ErpStyleDemandRow {
  reportId: number;
  style: string;
  koNumber: string | null;
  yarnId: string;
  /** ERP BOM share x 100 (e.g. 17.24). */
  percentage: number;
  bucketsLbs: number[];
  totalLbs: number;
}

export interface ErpYarnDemandRow {
  reportId: number;
  yarnId: string;
  supplier: string | null;
  description: string | null;
  color: string | null;
  /** Theoretical balance the ERP started from ("Inventory" / "Monday Inventory" / "Tuesday Inventory"). */
  inventoryLbs: number;
  totalDemandLbs: number;
  totalReceiptLbs: number;
  balanceLbs: number;
  pastDueReceiptsLbs: number;
  demandLbs: number[];
  receiptsLbs: number[];
  balanceByBucketLbs: number[];
}

/** Everything one import batch carries, by entity kind (the store writes one table per kind). */
export interface EntityBatch {
  yarnInventory: YarnInventoryRow[];
  yarnMaster: YarnMasterRow[];
  suppliers: Supplier[];
  bomLines: BomLine[];
  greigeStyles: GreigeStyle[];
  styleBridge: StyleBridgeRow[];
  fabricSpecs: FabricSpec[];
  knitOrders: KnitOrder[];
  salesOrders: SalesOrder[];
  salesHistory: SalesHistoryLine[];
  yarnPos: YarnPo[];
  expectedPos: ExpectedPo[];
  expectedReceipts: ExpectedReceipt[];
  fabricRolls: FabricRoll[];
  machines: Machine[];
  knitRates: KnitRate[];
  erpReports: ErpReport[];
  erpStyleDemand: ErpStyleDemandRow[];
  erpYarnDemand: ErpYarnDemandRow[];
}

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
  yarnMasterOnly: YarnMasterRow[];
  suppliers: Supplier[];
  /** The effective BOM: per style, all lines from one source file (see bom.ts for the precedence). */
  bomLines: BomLine[];
  greigeStyles: GreigeStyle[];
  styleBridge: StyleBridgeRow[];
  greigePairs: GreigePair[];
  fabricSpecs: FabricSpec[];
  /** From the eFab_Knit_Orders export when the snapshot has one, else from the ERP API. */
  knitOrders: KnitOrder[];
  /** The ERP API records (extra fields: knit start, requested date, received, schedule status) when present. */
  knitOrdersApi: KnitOrder[];
  salesOrders: SalesOrder[];
  salesHistory: SalesHistoryLine[];
  yarnPos: YarnPo[];
  expectedPos: ExpectedPo[];
  expectedReceipts: ExpectedReceipt[];
  fabricRolls: FabricRoll[];
  machines: Machine[];
  workCenters: WorkCenter[];
  knitRates: KnitRate[];
  erpReports: ErpReport[];
  erpStyleDemand: ErpStyleDemandRow[];
  erpYarnDemand: ErpYarnDemandRow[];
}
