// A row of key-figure cards (value + unit, optional status colour).
import type { ReactNode } from 'react';
import { formatQuantity, formatValue, type StatusBand } from '../lib/format';
import './KpiStrip.css';

export interface Kpi {
  key: string;
  label: string;
  value: string | number | boolean | null;
  unit?: string;
  status?: StatusBand;
  hint?: string;
}

export function KpiStrip({ kpis, testId }: { kpis: Kpi[]; testId: string }): ReactNode {
  if (kpis.length === 0) return null;
  return (
    <div className="kpis" data-testid={testId}>
      {kpis.map((k) => (
        <div key={k.key} className={`kpi${k.status ? ` kpi-${k.status}` : ''}`} data-testid={`${testId}-${k.key}`} title={k.hint}>
          <div className="kpi-label">{k.label}</div>
          <div className="kpi-value num">{typeof k.value === 'number' ? formatQuantity(k.value, k.unit) : formatValue(k.value)}</div>
        </div>
      ))}
    </div>
  );
}
