// The ERP exports this app understands, each described by the canonical columns it must / may carry.
// Detection (detect.ts) scores a header row against every type; file names play no part.
import type { Field } from './dictionary';

export type ExportCategory = 'master' | 'history' | 'transaction' | 'reference';

/** Which kind of dynamic week-bucket columns a type carries (see buckets.ts). */
export type BucketLayout = 'isoWeeks' | 'fridayDates' | 'demandTriples';

export interface ExportType {
  id: ExportTypeId;
  label: string;
  category: ExportCategory;
  /** Each entry must be present; an array entry is satisfied by any one of its fields. */
  required: (Field | Field[])[];
  optional: Field[];
  /** Headers this type must NOT have (tells the grouped P01 report from F01). */
  forbidden?: Field[];
  buckets?: BucketLayout;
  /** Known columns the app does not use (HTML buttons, internal ids): not reported as unrecognised. */
  ignore?: RegExp;
  /**
   * When several files of this type are in one batch: 'one' keeps the best file and marks the others superseded;
   * 'all' keeps every file (BOM files are merged by precedence; each ERP report is its own reference run).
   */
  multiple: 'one' | 'all';
}

export const EXPORT_TYPE_IDS = [
  'yarn_inventory',
  'yarn_master',
  'suppliers',
  'bom',
  'greige_styles',
  'finished_specs',
  'styles_master',
  'style_bridge',
  'knit_orders',
  'knit_orders_api',
  'sales_orders',
  'sales_history',
  'yarn_po',
  'expected_receipts',
  'rolls_g00',
  'rolls_g02',
  'rolls_i01',
  'rolls_f01',
  'rolls_p01',
  'machines',
  'knit_rates',
  'erp_yarn_demand',
  'erp_style_demand',
  'erp_style_ko_demand',
] as const;
export type ExportTypeId = (typeof EXPORT_TYPE_IDS)[number];

export const EXPORT_TYPES: ExportType[] = [
  {
    id: 'yarn_inventory',
    label: 'Yarn inventory (yarn_inventory)',
    category: 'transaction',
    required: ['yarnId', 'beginningBalance', 'theoreticalBalance', 'planningBalance'],
    optional: [
      'qsCustomer',
      'supplier',
      'description',
      'color',
      'received',
      'consumed',
      'adjustments',
      'misc',
      'onOrder',
      'allocated',
      'reconcileDate',
      'costPerLb',
      'totalCost',
    ],
    multiple: 'one',
  },
  {
    id: 'yarn_master',
    label: 'Yarn master (Yarn_ID_Master)',
    category: 'master',
    required: ['yarnId', 'blend', 'type'],
    optional: [
      'supplier',
      'description',
      'color',
      'descExtra1',
      'descExtra2',
      'descExtra3',
      'onOrder',
      'allocated',
      'planningBalance',
      'costPerLb',
      'totalCost',
    ],
    multiple: 'one',
  },
  {
    id: 'suppliers',
    label: 'Suppliers (Supplier_ID)',
    category: 'master',
    required: ['supplier', 'leadTime', 'moq'],
    optional: ['supplierId', 'type'],
    multiple: 'one',
  },
  {
    id: 'bom',
    label: 'Bill of materials (BOM_updated / Style_BOM)',
    category: 'master',
    required: ['style', 'yarnId', 'bomPercentage'],
    optional: ['unit'],
    multiple: 'all',
  },
  {
    id: 'greige_styles',
    label: 'Greige styles (QuadS greige fabric list)',
    category: 'master',
    required: [['greigeBase', 'base'], ['greigeVersion', 'version'], 'workCenter'],
    optional: ['style', 'construction', 'constructionId', 'refStyle', 'price', 'stage', 'customer', 'active'],
    ignore: /^(custodianship|style id|as440 (pre|suf)|actions)$/,
    multiple: 'one',
  },
  {
    id: 'finished_specs',
    label: 'Finished fabric specs (QuadS finished fabric list)',
    category: 'master',
    required: ['finishedStyleName', 'ozPerLinYd'],
    optional: [
      'base',
      'specId',
      'stage',
      'gsm',
      'overallWidth',
      'cuttableWidth',
      'finishCode',
      'ozPerSqYd',
      'composition',
      'construction',
      'rollWeight',
      'rollLength',
      'fabricType',
      'active',
    ],
    ignore: /^(actions|trim|level|base id|by eaches|specialty|custodianship|fiber|gum|finished style base id)$/,
    multiple: 'one',
  },
  {
    id: 'styles_master',
    label: 'Finished style specs (styles_master)',
    category: 'master',
    required: ['style', 'ozPerLinYd', 'finishCode'],
    optional: ['specId', 'version', 'overallWidth', 'cuttableWidth', 'ydsPerLb', 'gsm', 'ozPerSqYd'],
    ignore: /^(oz\/sq yds 2|gsm 2|diff)$/,
    multiple: 'one',
  },
  {
    id: 'style_bridge',
    label: 'Finished to greige styles (eFab_Styles)',
    category: 'master',
    required: ['finishedStyle', 'greigeBase'],
    optional: ['customerBase', 'style', 'finishedVersion', 'greigeCreated'],
    multiple: 'one',
  },
  {
    id: 'knit_orders',
    label: 'Knit orders (eFab_Knit_Orders)',
    category: 'transaction',
    required: ['style', 'orderNumber', 'qty', 'balance'],
    optional: ['startDate', 'quotedDate', 'g00', 'shipped', 'seconds', 'bki', 'machine', 'poNumber', 'modified'],
    multiple: 'one',
  },
  {
    id: 'knit_orders_api',
    label: 'Knit orders (ERP API JSON)',
    category: 'transaction',
    required: ['orderNumber', 'greigeBase', 'greigeVersion', 'qty'],
    optional: [
      'g00',
      'shipped',
      'seconds',
      'balance',
      'machine',
      'startDate',
      'quotedDate',
      'requestedDate',
      'status',
      'scheduleStatus',
      'received',
      'costPerLb',
      'price',
      'poNumber',
      'bki',
      'modified',
      'createdAt',
      'unit',
    ],
    ignore: /./,
    multiple: 'one',
  },
  {
    id: 'sales_orders',
    label: 'Open sales orders (eFab_SO_List)',
    category: 'transaction',
    required: ['soNumber', 'unitPrice', 'ordered', 'balance'],
    optional: [
      'status',
      'csr',
      'quotedDate',
      'customerStyle',
      'finishedBase',
      'onHold',
      'unit',
      'shipped',
      'available',
      'sop',
      'poNumber',
      'soldTo',
      'shipTo',
      'shipDate',
    ],
    multiple: 'one',
  },
  {
    id: 'sales_history',
    label: 'Sales history (Sales Activity Report)',
    category: 'history',
    required: ['document', 'invoiceDate', 'finishedStyle', 'qty'],
    optional: ['customer', 'unit', 'unitPrice', 'linePrice', 'firstInvoice', 'salesRep', 'commission', 'sellingCompany', 'poNumber'],
    multiple: 'one',
  },
  {
    id: 'yarn_po',
    label: 'Yarn purchase orders (YarnPO)',
    category: 'transaction',
    required: ['poNumber', 'yarnId', 'qty', 'balance'],
    optional: ['status', 'ordered', 'requestedDate', 'quotedDate', 'supplier', 'size', 'type', 'color', 'description', 'costPerLb', 'totalCost'],
    multiple: 'one',
  },
  {
    id: 'expected_receipts',
    label: 'Expected yarn receipts (Expected_Yarn_Report)',
    category: 'transaction',
    required: ['poNumber', 'yarnId', 'balance', 'pastDue', 'thisWeek', 'later'],
    optional: ['poDate', 'supplier', 'price', 'inventory', 'qty', 'received', 'type', 'ply', 'size', 'filament', 'color', 'blend'],
    buckets: 'fridayDates',
    multiple: 'one',
  },
  {
    id: 'rolls_g00',
    label: 'Greige rolls, knitted (eFab_Inventory_G00)',
    category: 'transaction',
    required: ['style', 'orderNumber', 'rollNumber', 'qtyLbs', 'knitDate'],
    optional: ['customer', 'machine'],
    multiple: 'one',
  },
  {
    id: 'rolls_g02',
    label: 'Greige rolls at the dyer (eFab_Inventory_G02)',
    category: 'transaction',
    required: ['finishedStyle', 'greigeStyle', 'rollNumber', 'qtyLbs'],
    optional: ['processor', 'doNumber', 'customer', 'shipDate'],
    multiple: 'one',
  },
  {
    id: 'rolls_i01',
    label: 'Rolls awaiting inspection (eFab_Inventory_I01)',
    category: 'transaction',
    required: ['style', 'rollNumber', 'qtyYds', 'qtyLbs', 'processor'],
    optional: ['customer', 'orderNumber', 'vendorRollNumber', 'goodEach', 'badEach', 'received'],
    multiple: 'one',
  },
  {
    id: 'rolls_f01',
    label: 'Finished rolls (eFab_Inventory_F01)',
    category: 'transaction',
    required: ['style', 'rollNumber', 'qtyYds', 'qtyLbs', 'rack'],
    optional: ['orderNumber', 'customer', 'vendorRollNumber', 'goodEach', 'badEach', 'received'],
    multiple: 'one',
  },
  {
    id: 'rolls_p01',
    label: 'Rolls allocated to sales orders (eFab_Inventory_P01, grouped)',
    category: 'transaction',
    required: ['customer', 'rollNumber', 'qtyYds', 'qtyLbs'],
    optional: ['vendorRollNumber', 'rack', 'goodEach', 'badEach', 'received'],
    forbidden: ['style', 'finishedStyle'],
    multiple: 'one',
  },
  {
    id: 'machines',
    label: 'Machines and work centers (Machine Report)',
    category: 'master',
    required: ['workCenter', 'machine'],
    optional: [],
    multiple: 'one',
  },
  {
    id: 'knit_rates',
    label: 'Knitting rates (Production Lbs)',
    category: 'master',
    required: ['style', 'lbsPerDay'],
    optional: [],
    multiple: 'one',
  },
  {
    id: 'erp_yarn_demand',
    label: 'ERP report: Yarn_Demand',
    category: 'reference',
    required: ['yarnId', 'inventory', 'totalDemand', 'totalReceipt', 'balance'],
    optional: ['supplier', 'description', 'color', 'pastDueReceipts'],
    buckets: 'demandTriples',
    multiple: 'all',
  },
  {
    id: 'erp_style_demand',
    label: 'ERP report: Yarn_Demand_By_Style',
    category: 'reference',
    required: ['style', 'yarnId', 'bomPercentage', 'thisWeek', 'later', 'total'],
    optional: [],
    buckets: 'isoWeeks',
    multiple: 'all',
  },
  {
    id: 'erp_style_ko_demand',
    label: 'ERP report: Yarn_Demand_By_Style_KO',
    category: 'reference',
    required: ['style', 'orderNumber', 'yarnId', 'bomPercentage', 'thisWeek', 'later', 'total'],
    optional: [],
    buckets: 'isoWeeks',
    multiple: 'all',
  },
];

export const EXPORT_TYPE_BY_ID = new Map(EXPORT_TYPES.map((t) => [t.id, t]));

export function exportType(id: ExportTypeId): ExportType {
  return EXPORT_TYPE_BY_ID.get(id)!;
}
