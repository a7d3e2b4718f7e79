// The action of a purchase suggestion: RELEASE, or EXPEDITE with how late it is if released today.
import type { ReactNode } from 'react';
import type { SupplierMatch } from '../../../../shared/views';
import { Chip } from '../../components/Chip';
import { formatNumber } from '../../lib/format';

export function ActionCell(p: { value?: unknown; data?: { lateByDays: number } }): ReactNode {
  if (p.value === 'expedite') {
    const late = p.data?.lateByDays ?? 0;
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

type MatchRow = { match: SupplierMatch | null; yarnSupplier: string | null; supplierName: string | null };

/** "exact", "token 0.67": the match as a grid shows, sorts and exports it. */
export function supplierMatchLabel(m: SupplierMatch | null): string {
  if (!m) return '';
  return m.method === 'token' ? `token ${m.score}` : m.method;
}

/** How the yarn's supplier text was matched to the supplier master; token matches are flagged (warning colour). */
export function SupplierMatchCell(p: { data?: MatchRow }): ReactNode {
  const m = p.data?.match;
  if (!m) return null;
  const hint = MATCH_HINTS[m.method];
  const band = m.method === 'token' ? 'medium' : m.method === 'none' ? 'high' : m.method === 'normalised' ? 'info' : 'low';
  const title =
    m.method === 'token' ? `${hint}. Yarn says “${p.data?.yarnSupplier ?? ''}”, matched to “${p.data?.supplierName ?? ''}” (score ${m.score})` : hint;
  return (
    <Chip band={band} title={title}>
      {supplierMatchLabel(m)}
    </Chip>
  );
}

/** The yarn's own supplier text, in the warning colour when it was matched to the master only by some words. */
export function yarnSupplierClass(p: { data?: MatchRow }): string | undefined {
  return p.data?.match?.method === 'token' ? 'cell-warning' : undefined;
}
