// The column dictionary: ONE table, canonical field <- every header variant seen in the ERP exports (and the
// old system's column-standardisation rules). Headers are compared after `normHeader` (case, `_`, spacing and the
// space before `#` do not matter), so each variant is listed once in its natural spelling.
// What a field means can depend on the export (e.g. `received` is lbs in yarn_inventory, a date on roll lists);
// the export type's mapper decides. Week-bucket headers ("Week 37", "9/12/2025", "Demand This Week") are not
// fields: see buckets.ts.

export const FIELD_VARIANTS = {
  // yarn
  yarnId: ['Desc#', 'Desc', 'Yarn', 'Yarn_ID', 'YarnID', 'Yarn ID', 'desc_num', 'Material_ID', 'Component'],
  qsCustomer: ['QS Cust'],
  supplier: ['Supplier', 'Purchased From', 'Vendor'],
  supplierId: ['Supplier_ID'],
  description: ['Description'],
  color: ['Color', 'Colour'],
  blend: ['Blend'],
  type: ['Type'],
  descExtra1: ['Desc_1'],
  descExtra2: ['Desc_2'],
  descExtra3: ['Desc_3'],
  beginningBalance: ['Beginning Balance'],
  received: ['Received', "Rec'd", 'qty_received'],
  consumed: ['Consumed'],
  adjustments: ['Adjustments'],
  theoreticalBalance: ['Theoretical Balance', 'Theoratical_Balance'],
  misc: ['Misc'],
  onOrder: ['On Order', 'OnOrder'],
  allocated: ['Allocated', 'Alloc', 'Reserved'],
  planningBalance: ['Planning Balance', 'Planning_Ballance', 'Available_Balance'],
  reconcileDate: ['Reconcile Date'],
  costPerLb: ['Cost/Pound', 'Cost_Pound', 'cost_per_pound', '$/lb', 'Unit_Cost', 'unit_cost_yarn'],
  totalCost: ['Total Cost', 'Total_Cast', 'Total $'],
  inventory: [
    'Inventory',
    'INVEN',
    'Monday Inventory',
    'Tuesday Inventory',
    'Wednesday Inventory',
    'Thursday Inventory',
    'Friday Inventory',
    'Saturday Inventory',
    'Sunday Inventory',
  ],
  // suppliers
  leadTime: ['Lead_time', 'Lead Time'],
  moq: ['MOQ'],
  // styles, BOM, specs
  style: ['Style#', 'Style', 'Style_ID', 'StyleNumber'],
  bomPercentage: ['BOM_Percentage', 'BOM_Percent', 'Percentage', 'BOM%'],
  unit: ['unit', 'UOM'],
  greigeBase: ['gBase', 'G Base', 'knit_style_base.base_style'],
  greigeVersion: ['G Version', 'knit_version.version'],
  greigeStyle: ['gStyle'],
  greigeCreated: ['gVer Created'],
  base: ['base'],
  version: ['version', '2'],
  finishedStyle: ['fStyle', 'fStyle#'],
  finishedBase: ['fBase'],
  finishedVersion: ['fVersion'],
  customerStyle: ['cFVersion'],
  customerBase: ['cFBase'],
  finishedStyleName: ['finished_style_name'],
  workCenter: ['WC', 'Work Center', 'work_center'],
  construction: ['Construction', 'g_construction'],
  constructionId: ['C ID', 'construction_id'],
  refStyle: ['ref_style'],
  stage: ['stage', 'finished_style_stage'],
  active: ['active'],
  specId: ['F ID', 'finished_style_id'],
  finishCode: ['Finish Code', 'finish_code'],
  overallWidth: ['Overall Width', 'overall_width'],
  cuttableWidth: ['Cuttable Width', 'cuttable_width'],
  ozPerLinYd: ['Oz/Lin Yd', 'oz_per_linyd'],
  ydsPerLb: ['Yds/Lbs', 'Yds/Lb'],
  gsm: ['GSM'],
  ozPerSqYd: ['Oz / Sq Yd', 'Oz/Sq Yd', 'oz_per_sqyd'],
  composition: ['composition'],
  rollWeight: ['roll_wt'],
  rollLength: ['roll_length'],
  fabricType: ['fabric_type'],
  lbsPerDay: ['Average of lbs/day', 'lbs/day', 'Production Lbs'],
  // orders
  orderNumber: ['Order #', 'KO #', 'KO', 'serial_number'],
  soNumber: ['SO #'],
  poNumber: ['PO#', 'purchase_order'],
  status: ['Status'],
  scheduleStatus: ['schedule_status'],
  startDate: ['Start Date', 'knit_start'],
  quotedDate: ['Quoted Date', 'Quoted', 'Due_Date'],
  requestedDate: ['Requested', 'requested_date', 'Requested Date'],
  poDate: ['PO Date'],
  qty: ['Qty', 'Qty Ordered (lbs)', 'Qty_Ordered_Lbs', 'qty_ordered', 'PO Order Amt', 'Yds_ordered'],
  ordered: ['Ordered'],
  g00: ['G00 (lbs)', 'qty_G00'],
  shipped: ['Shipped (lbs)', 'qty_shipped', 'Picked/Shipped'],
  seconds: ['Seconds (lbs)', 'seconds'],
  balance: ['Balance (lbs)', 'Balance_lbs', 'Balance', 'PO Bal'],
  bki: ['BKI #s', 'bki'],
  machine: ['Machine', 'MACH', 'M#'],
  modified: ['Modified'],
  createdAt: ['created_date'],
  price: ['Price', 'knit_price'],
  unitPrice: ['Unit Price'],
  csr: ['CSR'],
  onHold: ['On Hold'],
  available: ['Available'],
  sop: ['SOP'],
  soldTo: ['Sold To'],
  shipTo: ['Ship To'],
  shipDate: ['Ship Date'],
  customer: ['Customer'],
  // sales history
  document: ['Document'],
  invoiceDate: ['Invoice Date'],
  linePrice: ['Line Price'],
  firstInvoice: ['1st Invoice'],
  salesRep: ['Sales Rep'],
  commission: ['Commission'],
  sellingCompany: ['Selling Co'],
  // expected receipts and ERP reports
  pastDue: ['Unscheduled or Past Due'],
  thisWeek: ['This Week'],
  later: ['Later'],
  ply: ['Ply'],
  size: ['Size'],
  filament: ['Filament'],
  totalDemand: ['Total Demand'],
  totalReceipt: ['Total Receipt'],
  pastDueReceipts: ['Past Due Receipts'],
  total: ['Total'],
  // fabric rolls
  rollNumber: ['Roll #'],
  vendorRollNumber: ['Vendor Roll #'],
  rack: ['Rack'],
  qtyYds: ['Qty (yds)'],
  qtyLbs: ['Qty (lbs)'],
  goodEach: ['Good Ea.'],
  badEach: ['Bad Ea.'],
  processor: ['Processor'],
  knitDate: ['Knit Date'],
  doNumber: ['DO'],
} as const satisfies Record<string, readonly string[]>;

export type Field = keyof typeof FIELD_VARIANTS;

export function normHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[_\s]+/g, ' ')
    .replace(/\s+#/g, '#')
    .trim();
}

const index = new Map<string, Field>();
for (const [field, variants] of Object.entries(FIELD_VARIANTS) as [Field, readonly string[]][]) {
  for (const v of variants) {
    const key = normHeader(v);
    const clash = index.get(key);
    if (clash && clash !== field) throw new Error(`column dictionary: "${v}" maps to both ${clash} and ${field}`);
    index.set(key, field);
  }
}

/** The canonical field of a header, or undefined when the dictionary does not know it. */
export function fieldOf(header: string): Field | undefined {
  return index.get(normHeader(header));
}

/** The header a planner would recognise for a field (its first variant), for messages such as "missing column". */
export function displayName(field: Field): string {
  return FIELD_VARIANTS[field][0];
}
