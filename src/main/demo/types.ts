// Domain model of the synthetic ERP, before it is written out in the ERP's export layouts.
// Dates are ISO `YYYY-MM-DD`; date-times are `YYYY-MM-DDTHH:MM:SS` (plant-local, no zone).

export interface DemoOptions {
  seed: number;
  /** 1 = the real company's size; counts are multiplied by it. */
  scale: number;
  /** The ERP run date ("today" of the exports). */
  asOf: string;
}

export interface Supplier {
  id: number;
  /** Mixed-case name (Expected_Yarn_Report "Purchased From"). */
  displayName: string;
  /** Name in yarn_inventory (upper-case for most, as the ERP stores it). */
  erpName: string;
  /** Name in YarnPO: upper-case, sometimes abbreviated. */
  poName: string;
  /** Listed in Supplier_ID.csv (and under which spelling). */
  listedAs: string | null;
  /** Lead_time as Supplier_ID.csv exports it: weeks, as the policy reads it by default. */
  leadTimeAsExported: number | 'Remove';
  moq: number | 'Remove';
  origin: 'Import' | 'Domestic' | 'Remove';
}

export interface Yarn {
  descId: number;
  supplier: Supplier;
  /** "1/150/48" (ply/denier/filaments) or "30/1" (count/ply). */
  size: string;
  ply: string;
  sizeNumber: number;
  filament: string | null;
  blend: string;
  type: string;
  color: string;
  /** Full description; the ERP pads most with a trailing space. */
  description: string;
  extras: string[];
  costPerLb: number;
  /** In yarn_inventory (false = historic yarn that only the BOM still names). */
  active: boolean;
  misc: string | null;
  reconcileDate: string;
}

export interface Machine {
  id: number;
  /** Work center `C.DD.NN.L`; '' for the machine with a blank WC. */
  workCenter: string;
}

export interface BomComponent {
  descId: number;
  /** ERP live fraction, 4 decimals; a style's components sum to exactly 1. */
  fraction: number;
  /** Feed lines (parts of `fraction`) as the BOM export lists them. */
  feeds: number[];
}

export interface GreigeStyle {
  /** `base/version`, canonical (no edge spaces). */
  style: string;
  base: string;
  version: string;
  /** How the BOM export and Production Lbs print the style (edge spaces). */
  exportedStyle: string;
  current: boolean;
  createdDate: string;
  construction: string;
  constructionId: number;
  workCenter: string;
  bom: BomComponent[];
  /** What BOM_updated.csv lists when it differs from the live BOM (a stale export); null = same as `bom`. */
  exportBom: BomComponent[] | null;
  /** Present in BOM_updated.csv (false: created after the BOM export). */
  inBomExport: boolean;
  /** The ERP has a live BOM for it (KO report rows exist). */
  hasErpBom: boolean;
  /** Rate in Production Lbs.xlsx (null: not listed, or listed blank). */
  productionLbsPerDay: number | null;
  listedInProductionLbs: boolean;
  /** The rate the ERP schedules with (null: none known -> everything in the start week). */
  erpLbsPerDay: number | null;
  inQuadS: boolean;
  quadsId: number;
  price: string | null;
  stage: string;
  customer: string;
}

export interface FinishedStyle {
  fStyle: string;
  cfBase: string;
  gBases: string[];
  fVersions: string[];
  createdDate: string;
  /** A greige style it is made from (for SO -> KO links and G02). */
  greige: GreigeStyle;
  ozPerLinYd: number;
  widthIn: number;
  inBridge: boolean;
}

export interface KnitOrder {
  orderNo: string;
  /** Style as exported (may carry a trailing space). */
  exportedStyle: string;
  greige: GreigeStyle;
  createdAt: string;
  startDate: string | null;
  quotedDate: string | null;
  orderedLbs: number;
  g00Lbs: number | null;
  shippedLbs: number | null;
  secondsLbs: number | null;
  /** Balance as exported (stale on a few KOs). */
  balanceLbs: number;
  /** max(0, ordered - (G00 + shipped - seconds)): what the ERP schedules. */
  liveBalanceLbs: number;
  bki: string | null;
  machine: number | null;
  machineAsNumber: boolean;
  po: string | null;
  modifiedAt: string;
  zeroPriceWarning: boolean;
  knitPrice: string;
  customerCode: string;
  jobId: number;
  apiId: number;
  /** Only in the API export (created after the xlsx export). */
  apiOnly: boolean;
}

export interface YarnPo {
  poNo: string;
  descId: number;
  orderedAt: string;
  requestedDate: string;
  quotedDate: string | null;
  qtyLbs: number;
  receivedLbs: number;
  balanceLbs: number;
  pricePerLb: number;
  /** Scheduled receipts per ERP bucket (This Week, 8 numbered weeks, Later). */
  schedule: number[];
}

export interface YarnPosition {
  descId: number;
  beginningLbs: number | null;
  receivedLbs: number | null;
  consumedLbs: number;
  adjustmentsLbs: number | null;
  theoreticalLbs: number;
  onOrderLbs: number;
  allocatedLbs: number;
  planningLbs: number;
  totalCost: number;
}

export interface SalesOrder {
  soNo: string;
  status: 'Open' | 'Picked';
  csr: string;
  unitPrice: number;
  priceUnit: string;
  cfVersion: string;
  fBase: string;
  holdId: number;
  onHold: boolean;
  uom: string;
  ordered: number;
  pickedShipped: number | null;
  balance: number;
  available: number | null;
  sop: string;
  customerPo: string;
  soldTo: string;
  shipTo: string;
}

export interface SalesLine {
  document: string;
  invoiceDate: string;
  customer: string;
  fStyle: string;
  qty: number;
  uom: string;
  unitPrice: number;
  linePrice: number;
  invoiceNo: string;
  salesRep: string;
  commission: number | null;
  customerPo: string;
}

/** ERP bucket values: index 0 = This Week, 1..8 = the next ISO weeks, 9 = Later. */
export type Buckets = number[];

export interface KoDemandRow {
  style: string;
  ko: string;
  yarn: number;
  percentage: number;
  buckets: Buckets;
  total: number;
}

export interface StyleDemandRow {
  style: string;
  yarn: number;
  percentage: number;
  buckets: Buckets;
  total: number;
}

export interface YarnDemandRow {
  yarn: number;
  supplier: string;
  description: string;
  color: string;
  inventoryLbs: number;
  totalDemand: number;
  totalReceipt: number;
  balance: number;
  pastDueReceipts: number;
  demand: Buckets;
  receipts: Buckets;
  balances: Buckets;
}

export interface ErpCalendar {
  asOf: string;
  /** Monday of the ISO week of asOf. */
  thisWeekMonday: string;
  /** ISO week numbers of the 8 numbered weeks. */
  weekNumbers: number[];
  /** Friday dates of the 8 numbered weeks, `M/D/YYYY` (Expected_Yarn_Report headers). */
  fridayHeaders: string[];
}

/** A planted planning situation (for the demo and for tests). */
export interface Scenario {
  kind: string;
  subject: string;
  note: string;
}
