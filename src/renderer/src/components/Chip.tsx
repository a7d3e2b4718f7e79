// A coloured status chip: risk bands (CRITICAL…LOW), alert severities, schedule status, source badges.
import type { ReactNode } from 'react';
import { statusBand, type StatusBand } from '../lib/format';

interface ChipProps {
  children: ReactNode;
  /** Colour band; derived from the text (CRITICAL, late, …) when absent. */
  band?: StatusBand | 'neutral';
  title?: string;
  testId?: string;
}

export function Chip({ children, band, title, testId }: ChipProps): ReactNode {
  const b = band ?? (typeof children === 'string' ? statusBand(children) : undefined) ?? 'neutral';
  return (
    <span className={b === 'neutral' ? 'pill' : `pill pill-${b}`} title={title} data-testid={testId}>
      {children}
    </span>
  );
}

/** AG Grid cell renderer: the cell value as a chip (empty cells stay empty). */
export function ChipCell(p: { value?: unknown }): ReactNode {
  if (p.value === null || p.value === undefined || p.value === '') return null;
  return <Chip>{String(p.value)}</Chip>;
}
