// Yarn plan engine (issue 4): pure functions, plain-data inputs and outputs.
export * from './types';
export { phaseLbs, phaseKnitOrderDemand } from './phasing';
export { learnBomFromReports, learnRatesFromReports, rowWeeklyCapacity, type LearnedBom, type LearnedRate } from './learn';
export { buildBomSources, normaliseBomLines, resolveBom, resolveBoms, type BomSources } from './bom';
export { buildRateSources, resolveRate, resolveRates, type RateSources } from './rates';
export { phaseReceipts, projectYarnBalances } from './projection';
export { riskBand, yarnRisk, yarnPositions, inventoryIdentityWarnings } from './position';
export { buildSalesOrderLayer, salesOrderGreigeStyles } from './salesOrders';
export { pegShortages } from './pegging';
export { checkAvailability, type AvailabilityResult, type YarnAvailability } from './availability';
export { demandByStyleKoTable, demandByStyleTable, yarnDemandTable } from './erpTables';
export { computeYarnPlan } from './plan';
export { erpBucketLabels, halfDayUnitsToSunday, toErpBuckets, yarnPlanWeeks } from './weeks';
