// Toggle chips with counts above a grid ("Critical 10 · High 14 · …"); several can be on, none = all.
import type { ReactNode } from 'react';
import type { StatusBand } from '../lib/format';

export interface FilterChipSpec<T extends string> {
  id: T;
  label: string;
  count: number;
  band?: StatusBand;
}

interface FilterChipsProps<T extends string> {
  chips: readonly FilterChipSpec<T>[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  testId: string;
  label?: string;
}

export function FilterChips<T extends string>({ chips, selected, onChange, testId, label }: FilterChipsProps<T>): ReactNode {
  const toggle = (id: T) => onChange(selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id]);
  return (
    <div className="filter-chips" role="group" aria-label={label ?? 'Filter'} data-testid={testId}>
      {label && <span className="filter-chips-label">{label}</span>}
      {chips.map((c) => {
        const on = selected.includes(c.id);
        return (
          <button
            key={c.id}
            type="button"
            className={`filter-chip${c.band ? ` filter-chip-${c.band}` : ''}${on ? ' on' : ''}`}
            aria-pressed={on}
            onClick={() => toggle(c.id)}
            data-testid={`${testId}-${c.id}`}
          >
            <span className="filter-chip-label">{c.label}</span>
            <span className="filter-chip-count num">{c.count.toLocaleString('en-US')}</span>
          </button>
        );
      })}
      {selected.length > 0 && (
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange([])} data-testid={`${testId}-clear`}>
          Show all
        </button>
      )}
    </div>
  );
}
