// Renders any view payload generically (key figures, charts, tables, notes) — the frame every page starts from
// until it gets a specific design.
import { useMemo, type ReactNode } from 'react';
import { analyzePayload, type PayloadTable } from '../lib/payload';
import { DataGrid } from './DataGrid';
import { EChart } from './EChart';
import { KpiStrip } from './KpiStrip';
import './PayloadView.css';

interface PayloadViewProps {
  data: unknown;
  /** Test ids: `${prefix}-kpis`, `${prefix}-chart`, `${prefix}-grid` (main rows) and `${prefix}-grid-${key}`. */
  testIdPrefix: string;
  /** Let a single table fill the remaining height of the page. */
  fill?: boolean;
  exportBaseName?: string;
}

const AUTO_HEIGHT_MAX_ROWS = 12;
const TABLE_HEIGHT_PX = 420;

function gridTestId(prefix: string, table: PayloadTable): string {
  return table.key === 'rows' ? `${prefix}-grid` : `${prefix}-grid-${table.key.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

export function PayloadView({ data, testIdPrefix, fill = true, exportBaseName }: PayloadViewProps): ReactNode {
  const parts = useMemo(() => analyzePayload(data), [data]);
  const single = parts.tables.length === 1 && fill;
  return (
    <div className={single ? 'payload payload-fill' : 'payload'} data-testid={`${testIdPrefix}-payload`}>
      {parts.description && <p className="payload-description">{parts.description}</p>}
      <KpiStrip kpis={parts.kpis} testId={`${testIdPrefix}-kpis`} />
      {parts.charts.length > 0 && (
        <div className={parts.charts.length > 1 ? 'payload-charts two' : 'payload-charts'}>
          {parts.charts.map((c) => (
            <section key={c.key} className="panel">
              {c.title && (
                <div className="panel-header">
                  <h3 className="panel-title">{c.title}</h3>
                </div>
              )}
              <div className="panel-body">
                <EChart option={c.option} testId={`${testIdPrefix}-${c.key}`} height={280} />
              </div>
            </section>
          ))}
        </div>
      )}
      {parts.tables.map((t) => {
        const small = t.rows.length <= AUTO_HEIGHT_MAX_ROWS;
        return (
          <section key={t.key} className={single ? 'panel payload-table payload-table-fill' : 'panel payload-table'}>
            <DataGrid
              testId={gridTestId(testIdPrefix, t)}
              title={t.title}
              rows={t.rows}
              columns={t.columns}
              exportFileName={`${exportBaseName ?? testIdPrefix}-${t.key}`}
              height={single ? undefined : small ? undefined : TABLE_HEIGHT_PX}
              autoHeight={!single && small}
            />
          </section>
        );
      })}
      {parts.notes.length > 0 && (
        <section className="panel">
          <div className="panel-body">
            <dl className="kv">
              {parts.notes.map((n) => (
                <div key={n.key} style={{ display: 'contents' }}>
                  <dt>{n.label}</dt>
                  <dd>{n.text}</dd>
                </div>
              ))}
            </dl>
          </div>
        </section>
      )}
    </div>
  );
}
