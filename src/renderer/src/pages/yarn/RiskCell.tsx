// The risk band of a yarn as a chip whose tooltip says what set it: today's planning balance, or the deepest
// projected deficit when that is worse (`riskBasis` of the yarn position).
import type { ReactNode } from 'react';
import type { YarnPositionRow } from '../../../../shared/views';
import { Chip } from '../../components/Chip';
import { formatNumber } from '../../lib/format';

type RiskFigures = Pick<YarnPositionRow, 'planningBalanceLbs' | 'maxDeficitLbs' | 'riskBasis' | 'firstShortWeek'>;

/** One sentence: why the yarn has this band. */
export function riskBasisText(row: RiskFigures | null | undefined): string {
  if (!row) return '';
  const pb = row.planningBalanceLbs;
  const deficit = row.maxDeficitLbs;
  if (row.riskBasis === 'projected deficit')
    return `Band from the deepest projected deficit (${formatNumber(deficit)} lbs short${row.firstShortWeek ? ` from ${row.firstShortWeek}` : ''}), worse than today’s planning balance (${formatNumber(pb)} lbs)`;
  return `Band from today’s planning balance (${formatNumber(pb)} lbs)${deficit ? `; the deepest projected deficit (${formatNumber(deficit)} lbs) is not worse` : ''}`;
}

export function RiskCell(p: { value?: unknown; data?: RiskFigures }): ReactNode {
  if (p.value === null || p.value === undefined || p.value === '') return null;
  return <Chip title={`${riskBasisText(p.data)} — thresholds in Settings › yarn`}>{String(p.value)}</Chip>;
}
