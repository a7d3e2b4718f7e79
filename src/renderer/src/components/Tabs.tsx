// A tab bar (buttons with role=tab and optional counts); the page renders the selected panel.
import type { ReactNode } from 'react';

export interface TabSpec<T extends string> {
  id: T;
  label: string;
  count?: number;
  /** Colour of the count (e.g. critical when there are uncovered shortages). */
  countTone?: 'critical' | 'warning';
}

interface TabsProps<T extends string> {
  tabs: readonly TabSpec<T>[];
  current: T;
  onChange: (id: T) => void;
  /** Test ids: `${testId}` on the bar, `${testId}-${id}` per tab. */
  testId: string;
  /** Extra content right of the tabs. */
  extra?: ReactNode;
}

export function Tabs<T extends string>({ tabs, current, onChange, testId, extra }: TabsProps<T>): ReactNode {
  return (
    <div className="tabs tabs-bar" role="tablist" data-testid={testId}>
      {tabs.map((t) => (
        <button
          key={t.id}
          type="button"
          role="tab"
          className="tab"
          aria-selected={t.id === current}
          onClick={() => onChange(t.id)}
          data-testid={`${testId}-${t.id}`}
        >
          {t.label}
          {t.count !== undefined && <span className={t.countTone ? `count count-${t.countTone}` : 'count'}>{t.count.toLocaleString('en-US')}</span>}
        </button>
      ))}
      {extra && <div className="tabs-extra">{extra}</div>}
    </div>
  );
}
