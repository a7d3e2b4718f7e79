// Grid cell with the override actions of a style ("Override rate…", "Override BOM…"); reads the style from the row.
import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { openBomOverride, openRateOverride } from './OverrideDialogs';

/** A row of the Demand sources, Not phased or Capacity unrated grid: the style, and why the order is not phased. */
type CellProps = { data?: { style: string; reason?: string }; node?: { rowPinned?: string | null } };

function styleOf(p: CellProps): string | undefined {
  const s = p.data?.style;
  return s && !p.node?.rowPinned ? s : undefined;
}

/** Both actions (Demand › BOM & rate sources). */
export function StyleActionsCell(p: CellProps): ReactNode {
  const style = styleOf(p);
  if (!style) return null;
  return (
    <span className="style-actions">
      <button
        type="button"
        className="btn btn-sm"
        onClick={(e) => (e.stopPropagation(), openRateOverride(style))}
        title={`Set a planner knitting rate for ${style}`}
        data-testid="style-override-rate"
      >
        Override rate…
      </button>
      <button
        type="button"
        className="btn btn-sm"
        onClick={(e) => (e.stopPropagation(), openBomOverride(style))}
        title={`Set a planner BOM for ${style}`}
        data-testid="style-override-bom"
      >
        Override BOM…
      </button>
    </span>
  );
}

/** The rate action only (Capacity › Unrated orders). */
export function SetRateCell(p: CellProps): ReactNode {
  const style = styleOf(p);
  if (!style) return null;
  return (
    <button
      type="button"
      className="btn btn-sm"
      onClick={(e) => (e.stopPropagation(), openRateOverride(style))}
      title={`Set a planner knitting rate for ${style}`}
      data-testid="unrated-set-rate"
    >
      <Icon name="edit" size={12} /> Set rate…
    </button>
  );
}

/** The action that fixes a "not phased" order: a rate when it has none, a BOM when it has none. */
export function FixSkippedCell(p: CellProps): ReactNode {
  const style = styleOf(p);
  if (!style) return null;
  const reason = p.data?.reason ?? '';
  const needsBom = reason === 'no-bom';
  const needsRate = reason === 'no-rate';
  if (!needsBom && !needsRate) return null;
  return (
    <span className="style-actions">
      {needsRate && (
        <button type="button" className="btn btn-sm" onClick={(e) => (e.stopPropagation(), openRateOverride(style))} data-testid="skipped-set-rate">
          Set rate…
        </button>
      )}
      {needsBom && (
        <button type="button" className="btn btn-sm" onClick={(e) => (e.stopPropagation(), openBomOverride(style))} data-testid="skipped-set-bom">
          Set BOM…
        </button>
      )}
    </span>
  );
}
