// The action of a purchase suggestion: RELEASE, or EXPEDITE with how late it is if released today.
import type { ReactNode } from 'react';
import { Chip } from '../../components/Chip';
import { formatNumber } from '../../lib/format';

export function ActionCell(p: { value?: unknown; data?: Record<string, unknown> }): ReactNode {
  if (p.value === 'expedite') {
    const late = typeof p.data?.lateByDays === 'number' ? p.data.lateByDays : 0;
    return (
      <span className="action-cell">
        <Chip band="high">EXPEDITE</Chip>
        {late > 0 && <span className="text-negative num"> late by {formatNumber(late)} d</span>}
      </span>
    );
  }
  if (p.value === 'release') return <Chip band="info">RELEASE</Chip>;
  return p.value ? String(p.value) : null;
}
