// A small hand-made PlanningData: 3 yarns, 4 knit orders, 3 POs (one with two yarns), 3 machines, sales orders.
import type { ExpectedReceipt, KnitOrder, PlanningData, SalesOrder, Yarn } from '../../../src/shared/domain/entities';

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function yarn(yarnId: string, theoreticalBalanceLbs: number, onOrderLbs = 0, allocatedLbs = 0, costPerLb = 3): Yarn {
  return {
    yarnId,
    supplier: 'ACME',
    description: `yarn ${yarnId}`,
    color: null,
    qsCustomer: null,
    beginningBalanceLbs: theoreticalBalanceLbs,
    receivedLbs: 0,
    consumedLbs: 0,
    adjustmentsLbs: 0,
    theoreticalBalanceLbs,
    misc: null,
    onOrderLbs,
    allocatedLbs,
    planningBalanceLbs: theoreticalBalanceLbs + onOrderLbs + allocatedLbs,
    reconcileDate: null,
    costPerLb,
    totalCostUsd: null,
    yarnCount: null,
    blend: null,
    yarnType: null,
  };
}

export function ko(koNumber: string, style: string, balanceLbs: number, extra: Partial<KnitOrder> = {}): KnitOrder {
  return {
    koNumber,
    source: 'export',
    style,
    styleRaw: style,
    hasWarning: false,
    warningText: null,
    startDate: '2025-09-01',
    quotedDate: '2025-10-01',
    requestedDate: null,
    orderedLbs: balanceLbs,
    g00Lbs: 0,
    shippedLbs: 0,
    secondsLbs: 0,
    balanceLbs,
    liveBalanceLbs: balanceLbs,
    machine: null,
    bki: null,
    poNumber: null,
    modifiedAt: null,
    createdAt: null,
    status: null,
    scheduleStatus: null,
    receivedLbs: null,
    unitCostYarnPerLb: null,
    knitPricePerLb: null,
    ...extra,
  };
}

export function so(soNumber: string, finishedBase: string, balanceQty: number, soldTo: string): SalesOrder {
  return {
    soNumber,
    status: null,
    csr: null,
    unitPrice: null,
    priceUnit: null,
    quotedDate: '2025-10-15',
    customerStyle: null,
    finishedBase,
    finishedStyle: finishedBase.split('/')[0],
    finishedVersion: null,
    greigeStyle: null,
    onHold: null,
    uom: 'lbs',
    orderedQty: balanceQty,
    shippedQty: 0,
    balanceQty,
    availableQty: 0,
    sop: null,
    poNumber: null,
    soldTo,
    shipTo: soldTo,
    shipDate: '2025-10-15',
  };
}

export const receipt = (
  poNumber: string,
  yarnId: string,
  bucket: ExpectedReceipt['bucket'],
  weekStart: string | null,
  qtyLbs: number,
): ExpectedReceipt => ({
  poNumber,
  yarnId,
  bucket,
  weekStart,
  qtyLbs,
});

export function fixture(): PlanningData {
  return {
    snapshotId: 1,
    asOf: '2025-09-01',
    sources: {},
    yarns: [yarn('Y1', 1000, 1000), yarn('Y2', 500, 300), yarn('Y3', 200, 0)],
    yarnMasterOnly: [],
    suppliers: [],
    bomLines: [
      { style: 'S1/0', yarnId: 'Y1', fraction: 1, lineCount: 1, sourceFile: 'bom.csv' },
      { style: 'S2/0', yarnId: 'Y2', fraction: 0.6, lineCount: 1, sourceFile: 'bom.csv' },
      { style: 'S2/0', yarnId: 'Y3', fraction: 0.4, lineCount: 1, sourceFile: 'bom.csv' },
    ],
    greigeStyles: [],
    styleBridge: [],
    greigePairs: [],
    fabricSpecs: [],
    knitOrders: [
      ko('K1', 'S1/0', 1200, { machine: 'M1' }),
      ko('K2', 'S2/0', 800, { machine: 'M2' }),
      ko('K3', 'S2/0', 400, { machine: null, startDate: null }),
      ko('K4', 'S1/0', 0, { machine: 'M1' }),
    ],
    knitOrdersApi: [],
    salesOrders: [so('SO1', 'F1/0', 500, 'Acme Apparel'), so('SO2', 'F2/0', 300, 'Blue Co'), so('SO3', 'F1/0', -20, 'Blue Co')],
    salesHistory: [
      {
        document: 'INV1',
        invoiceDate: '2025-08-01',
        customer: 'Old Customer',
        finishedStyle: 'F9',
        greigeStyle: null,
        qty: 100,
        uom: 'lbs',
        unitPrice: null,
        linePrice: null,
        firstInvoice: null,
        salesRep: null,
        commission: null,
        sellingCompany: null,
        poNumber: null,
      },
    ],
    yarnPos: [],
    expectedPos: [
      {
        poNumber: 'P1',
        poDate: null,
        supplier: 'ACME',
        yarnId: 'Y1',
        costPerLb: 3,
        inventoryLbs: null,
        orderedLbs: 1000,
        receivedLbs: 0,
        balanceLbs: 1000,
        yarnType: null,
        ply: null,
        size: null,
        filament: null,
        color: null,
        blend: null,
      },
    ],
    expectedReceipts: [
      // P1: balance 1,000 = -100 over-scheduled past due + 600 + 500.
      receipt('P1', 'Y1', 'pastDue', null, -100),
      receipt('P1', 'Y1', 'week', '2025-09-08', 600),
      receipt('P1', 'Y1', 'week', '2025-09-15', 500),
      receipt('P2', 'Y2', 'week', '2025-09-08', 200),
      receipt('P2', 'Y3', 'later', null, 100),
    ],
    fabricRolls: [],
    machines: [
      { machineId: 'M1', workCenter: '9.38.20.F', workCenterRaw: '9.38.20.F' },
      { machineId: 'M2', workCenter: '9.38.20.F', workCenterRaw: '9.38.20.F' },
      { machineId: 'M3', workCenter: '4.30.28.M', workCenterRaw: '4.30.28.M' },
    ],
    workCenters: [],
    knitRates: [
      { style: 'S1/0', lbsPerDay: 100 },
      { style: 'S2/0', lbsPerDay: 200 },
    ],
    erpReports: [],
    erpStyleDemand: [],
    erpYarnDemand: [],
  };
}
