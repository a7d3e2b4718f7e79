// Text helpers for alert causes: numbers with en-US grouping and ISO week labels.
import { isoWeekLabel, type IsoDate } from '../../../shared/dates';
import { formatNumber } from '../capacity/format';

export const lbsText = (lbs: number): string => `${formatNumber(lbs)} lbs`;
export const usdText = (usd: number): string => `$${formatNumber(usd)}`;
export const usdPerLbText = (usd: number): string => `$${formatNumber(usd, 2)}/lb`;
export const pctText = (pct: number): string => `${formatNumber(pct)} %`;
export const signedPctText = (pct: number): string => `${pct > 0 ? '+' : ''}${formatNumber(pct)} %`;
export const weekText = (monday: IsoDate): string => `${isoWeekLabel(monday)} (week of ${monday})`;
export { formatNumber, isoWeekLabel };
