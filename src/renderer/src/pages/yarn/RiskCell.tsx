// The risk band of a yarn as a chip whose tooltip says what set it: today's planning balance, or the deepest
// projected deficit when that is worse (`riskBasis` of the yarn position).
import type { ReactNode } from 'react';
import { Chip } from '../../components/Chip';
import { formatNumber } from '../../lib/format';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** One sentence: why the yarn has this band. */
export function riskBasisText(row: Record<string, unknown> | null | undefined): string {
  if (!row) return '';
  const pb = num(row.planningBalanceLbs);
  const deficit = num(row.maxDeficitLbs);
  if (row.riskBasis === 'projected deficit')
    return `Band from the deepest projected deficit (${formatNumber(deficit ?? 0)} lbs short${typeof row.firstShortWeek === 'string' ? ` from ${row.firstShortWeek}` : ''}), worse than today’s planning balance (${formatNumber(pb ?? 0)} lbs)`;
  return `Band from today’s planning balance (${formatNumber(pb ?? 0)} lbs)${deficit ? `; the deepest projected deficit (${formatNumber(deficit)} lbs) is not worse` : ''}`;
}

export function RiskCell(p: { value?: unknown; data?: Record<string, unknown> }): ReactNode {
  if (p.value === null || p.value === undefined || p.value === '') return null;
  return <Chip title={`${riskBasisText(p.data)} — thresholds in Settings › yarn`}>{String(p.value)}</Chip>;
}
