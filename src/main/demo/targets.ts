// Row counts per scale. Scale 1 mirrors the real company (erp-exports-profile §1 and §7); scale N multiplies.

export interface DemoTargets {
  suppliers: number;
  listedSuppliers: number;
  activeYarns: number;
  historicYarns: number;
  yarnIdMaster: number;
  workCenters: number;
  machines: number;
  quadsOnlyWorkCenters: number;
  greigeBases: number;
  knitOrders: number;
  openKnitOrders: number;
  apiOnlyKnitOrders: number;
  salesOrders: number;
  yarnPos: number;
  finishedStyles: number;
  stylesMasterExtra: number;
  stylesMasterDuplicates: number;
  rollsF01: number;
  rollsG00: number;
  rollsG02: number;
  rollsI01: number;
  customers: number;
  soldStyles: number;
  salesWeeks: number;
  salesLinesPerWeek: number;
}

export function demoTargets(scale: number): DemoTargets {
  if (!(scale > 0)) throw new Error(`scale must be > 0, got ${scale}`);
  const n = (x: number) => Math.max(1, Math.round(x * scale));
  return {
    suppliers: n(128),
    listedSuppliers: n(37),
    activeYarns: n(1199),
    historicYarns: n(871),
    yarnIdMaster: n(245),
    workCenters: n(93),
    machines: n(286),
    quadsOnlyWorkCenters: n(28),
    greigeBases: n(2200),
    knitOrders: n(195),
    openKnitOrders: n(158),
    apiOnlyKnitOrders: n(10),
    salesOrders: n(133),
    yarnPos: n(79),
    finishedStyles: n(3178),
    stylesMasterExtra: n(37),
    stylesMasterDuplicates: n(266),
    rollsF01: n(10177),
    rollsG00: n(1799),
    rollsG02: n(1965),
    rollsI01: n(323),
    customers: n(50),
    soldStyles: n(109),
    salesWeeks: 156,
    salesLinesPerWeek: 59 * scale,
  };
}
