// Where a style's BOM or knitting rate comes from, as a coloured badge (override / erp-report / bom-export /
// production-lbs / base-median / none).
import type { ReactNode } from 'react';
import { Chip } from '../../components/Chip';
import type { StatusBand } from '../../lib/format';

export const SOURCE_BADGES: Record<string, { band: StatusBand; hint: string }> = {
  override: { band: 'info', hint: 'Entered by a planner (override)' },
  'erp-report': { band: 'low', hint: "Learned from the ERP's own demand report" },
  'bom-export': { band: 'low', hint: 'From the BOM export' },
  'production-lbs': { band: 'medium', hint: 'Implied by production lbs' },
  'base-median': { band: 'high', hint: 'Median of the base style (fallback)' },
  none: { band: 'critical', hint: 'No source: orders of this style cannot be phased' },
};

export function SourceBadge({ source }: { source: string | null | undefined }): ReactNode {
  const key = source || 'none';
  const spec = SOURCE_BADGES[key];
  return (
    <Chip band={spec?.band ?? 'neutral'} title={spec?.hint}>
      {key}
    </Chip>
  );
}

export function SourceCell(p: { value?: unknown; node?: { rowPinned?: string | null } }): ReactNode {
  return <SourceBadge source={typeof p.value === 'string' ? p.value : null} />;
}
