// Purchasing / time-phased yarn MRP engine: public surface.
export * from './types';
export { runMrp } from './mrp';
export { netItem, nettingContext } from './netting';
export type { NettingContext } from './netting';
export { resolveSupply, policyLotSizing, policySafetyStock } from './supplyPolicy';
export { createSupplierMatcher, normaliseSupplierName, significantTokens, supplierMasterRows, tokenScore } from './suppliers';
export type { SupplierMatcher } from './suppliers';
export { lotSize, roundOrderQty, eoqLbs } from './lotSizing';
export { safetyStockLbs, inverseNormal, sampleStdDev, mean } from './safetyStock';
export { pegPlannedReceipts, OPENING_DEFICIT_SOURCE } from './pegging';
export { applyDrafts, draftsFromSuggestions, reconcileDrafts, isDraftApplied } from './drafts';
export type { AppliedDrafts, DraftClosure, ReconcileResult } from './drafts';
export { groupSuggestionsBySupplier, UNMATCHED_SUPPLIER } from './aggregate';
export { mrpWeekRows, suggestionRow } from './rows';
export type { MrpWeekRow } from './rows';
export { checkMrpProperties, checkAcceptedSuggestions } from './properties';
export type { MrpProperty, MrpViolation } from './properties';
export {
  parseYarnDescription,
  scoreSubstitute,
  findSubstitutes,
  freeStockFromMrp,
  substitutesForShortages,
  normaliseColour,
  toTex,
} from './substitutes';
export type { YarnSpec, SubstituteYarn, SubstituteCandidate, SubstituteScore, CriterionResult, ShortageSubstitutes } from './substitutes';
