// One key figure as a clickable tile: label, value with unit, a line of context; clicking opens the page behind it.
import type { ReactNode } from 'react';

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
  testId: string;
}

export function KpiTile({ label, value, unit, sub, tone = 'neutral', onClick, target, testId }: KpiTileProps): ReactNode {
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
    <button type="button" className={className} onClick={onClick} title={target} data-testid={testId}>
      {body}
    </button>
  ) : (
    <div className={className} data-testid={testId}>
      {body}
    </div>
  );
}
