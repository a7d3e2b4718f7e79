// One key figure as a clickable tile: label, value with unit, a line of context; clicking opens the page behind it.
// Its tooltip is the figure's glossary entry (definition and formula, src/shared/glossary.ts).
import type { ReactNode } from 'react';
import { glossaryText, type GlossaryKey } from '../../../shared/glossary';

export type KpiTone = 'critical' | 'high' | 'medium' | 'low' | 'neutral';

interface KpiTileProps {
  label: string;
  value: string;
  unit?: string;
  sub?: ReactNode;
  tone?: KpiTone;
  onClick?: () => void;
  /** What the click opens, for the tooltip ("Open the yarn shortages"). */
  target?: string;
  /** The glossary entry that explains the figure. */
  term: GlossaryKey;
  testId: string;
}

/** The tile's tooltip: what the figure is, how it is computed, and what a click opens. */
export function kpiTitle(term: GlossaryKey, target?: string): string {
  return `${glossaryText(term)}${target ? `\n\nClick: ${target}` : ''}`;
}

export function KpiTile({ label, value, unit, sub, tone = 'neutral', onClick, target, term, testId }: KpiTileProps): ReactNode {
  const body = (
    <>
      <span className="kpi-tile-label">{label}</span>
      <span className="kpi-tile-value num">
        {value}
        {unit && <span className="kpi-tile-unit">{unit}</span>}
      </span>
      {sub && <span className="kpi-tile-sub">{sub}</span>}
    </>
  );
  const className = `kpi-tile kpi-tile-${tone}${onClick ? ' kpi-tile-link' : ''}`;
  return onClick ? (
    <button type="button" className={className} onClick={onClick} title={kpiTitle(term, target)} data-testid={testId} data-term={term}>
      {body}
    </button>
  ) : (
    <div className={className} title={kpiTitle(term)} data-testid={testId} data-term={term}>
      {body}
    </div>
  );
}
