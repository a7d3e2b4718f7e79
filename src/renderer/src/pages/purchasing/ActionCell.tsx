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

const MATCH_HINTS: Record<string, string> = {
  manual: 'Mapped by hand to this supplier of the supplier master',
  exact: 'The yarn’s supplier text is exactly a supplier of the master',
  normalised: 'Same name once case, punctuation and company suffixes are ignored',
  token: 'Only some words of the name match: check that this is the same company (lead time, MOQ and price come from it)',
  none: 'Not found in the supplier master: default lead time and MOQ',
};

/** How the yarn's supplier text was matched to the supplier master; token matches are flagged (warning colour). */
export function SupplierMatchCell(p: { value?: unknown; data?: Record<string, unknown> }): ReactNode {
  if (typeof p.value !== 'string' || !p.value) return null;
  const [method, score] = p.value.split(/\s+/);
  const hint = MATCH_HINTS[method] ?? p.value;
  const band = method === 'token' ? 'medium' : method === 'none' ? 'high' : method === 'normalised' ? 'info' : 'low';
  const title = method === 'token' ? `${hint}. Yarn says “${String(p.data?.yarnSupplier ?? '')}”, matched to “${String(p.data?.supplierName ?? '')}” (score ${score ?? '?'})` : hint;
  return (
    <Chip band={band} title={title}>
      {method === 'token' ? `token ${score ?? ''}`.trim() : method}
    </Chip>
  );
}

/** The yarn's own supplier text, in the warning colour when it was matched to the master only by some words. */
export function yarnSupplierClass(p: { data?: Record<string, unknown> }): string | undefined {
  const m = p.data?.supplierMatch;
  return typeof m === 'string' && m.startsWith('token') ? 'cell-warning' : undefined;
}
