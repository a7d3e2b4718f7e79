// A determinate progress bar (0..1) with ARIA values.
import type { ReactNode } from 'react';

interface ProgressBarProps {
  fraction: number;
  label: string;
  width?: number | string;
  testId?: string;
}

export function ProgressBar({ fraction, label, width, testId }: ProgressBarProps): ReactNode {
  const pct = Math.max(0, Math.min(100, Math.round(fraction * 1000) / 10));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      data-testid={testId}
      style={width !== undefined ? { width } : undefined}
    >
      <div className="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
