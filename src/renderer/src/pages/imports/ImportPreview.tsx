// What an import will do, shown before it runs (`import.inspect`): one snapshot or a history, each with its as-of
// date, the evidence the date comes from, the files that disagree, and why a batch would be refused. The planner
// can set the date of a single batch; the date given always wins.
import type { ReactNode } from 'react';
import type { ImportPreview as Preview, ImportReport } from '../../../../shared/importReport';
import { Icon } from '../../components/Icon';

interface ImportPreviewProps {
  preview: Preview;
  /** The date field of a single batch (the inferred date until the planner changes it). */
  asOf: string;
  onAsOf: (date: string) => void;
  onImport: () => void;
  onCancel: () => void;
  busy: boolean;
}

function Evidence({ report }: { report: ImportReport }): ReactNode {
  if (!report.asOfEvidence.length) return <p className="muted preview-line">No file carries an ERP run date: give the as-of date.</p>;
  return (
    <ul className="preview-evidence" data-testid="import-preview-evidence">
      {report.asOfEvidence.map((e, i) => (
        <li key={i}>
          <span className="num">{e.precision === 'day' ? e.date : `week of ${e.date}`}</span> · {e.file} · {e.how}
          {e.from === 'name' ? ' (name)' : ''}
          {e.role === 'report' ? ' (ERP report)' : ''}
        </li>
      ))}
    </ul>
  );
}

function Notes({ tone, items, testId }: { tone: 'warning' | 'error'; items: string[]; testId: string }): ReactNode {
  if (!items.length) return null;
  return (
    <div className={`banner banner-${tone}`} data-testid={testId}>
      <Icon name="alert" size={14} />
      <ul className="preview-list">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

function Batch({
  report,
  label,
  single,
  asOf,
  onAsOf,
  busy,
}: {
  report: ImportReport;
  label: string;
  single: boolean;
  asOf: string;
  onAsOf: (d: string) => void;
  busy: boolean;
}): ReactNode {
  const files = report.files;
  const count = (status: string) => files.filter((f) => f.status === status).length;
  const refused = report.status === 'failed';
  const inferredDay = report.asOfEvidence.some((e) => e.precision === 'day' && e.date === report.asOfInferred);
  const filesSay = report.asOfInferred ? (inferredDay ? report.asOfInferred : `the week of ${report.asOfInferred}`) : null;
  return (
    <div className="preview-batch" data-testid="import-preview-batch" data-as-of={report.asOf ?? ''} data-refused={refused ? 'true' : 'false'}>
      <div className="preview-batch-head">
        {!single && <strong>{label}</strong>}
        {single ? (
          <label className="field preview-date">
            As-of date
            <input
              className="input"
              type="date"
              value={asOf}
              disabled={busy}
              onChange={(e) => onAsOf(e.target.value)}
              data-testid="import-preview-asof"
            />
          </label>
        ) : (
          <span>
            as of <strong className="num">{report.asOf ?? '?'}</strong>
          </span>
        )}
        <span className="muted" data-testid="import-preview-source">
          {report.asOfSource === 'caller'
            ? `the date given${filesSay ? ` (the files say ${filesSay})` : ''}`
            : report.asOfSource === 'files'
              ? `from the files${inferredDay ? '' : ': the week only, its Monday'}`
              : ''}
        </span>
        <span className="muted">
          {files.length} files: {count('imported')} to import
          {count('superseded') ? `, ${count('superseded')} copies not used` : ''}
          {count('rejected') ? `, ${count('rejected')} rejected` : ''}
        </span>
      </div>
      <Evidence report={report} />
      <Notes tone="warning" items={report.asOfConflicts} testId="import-preview-conflicts" />
      {refused && <Notes tone="error" items={report.errors} testId="import-preview-refusal" />}
    </div>
  );
}

export function ImportPreview({ preview, asOf, onAsOf, onImport, onCancel, busy }: ImportPreviewProps): ReactNode {
  const single = preview.kind === 'batch';
  const refused = !!preview.error || preview.batches.some((b) => b.report.status === 'failed');
  return (
    <section className="panel" data-testid="import-preview" data-kind={preview.kind}>
      <div className="panel-header">
        <h2 className="panel-title">Before importing</h2>
        <span className="panel-subtitle">
          {single ? 'One snapshot' : `A history folder: ${preview.batches.length} snapshots, in date order (masters with the first)`}
        </span>
      </div>
      <div className="panel-body preview-body">
        {preview.error && <Notes tone="error" items={[preview.error]} testId="import-preview-refusal" />}
        {preview.batches.map((b) => (
          <Batch key={b.label} label={b.label} report={b.report} single={single} asOf={asOf} onAsOf={onAsOf} busy={busy} />
        ))}
        {preview.ignored.length > 0 && (
          <p className="muted preview-line">Not part of the history folder, not imported: {preview.ignored.join(', ')}</p>
        )}
        <div className="preview-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || refused || (single && !asOf)}
            onClick={onImport}
            data-testid="import-preview-go"
          >
            <Icon name="imports" size={14} />
            Import
          </button>
          <button type="button" className="btn" disabled={busy} onClick={onCancel} data-testid="import-preview-cancel">
            Cancel
          </button>
        </div>
      </div>
    </section>
  );
}
