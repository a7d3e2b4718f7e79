// Imports: drop ERP exports (files or a folder), see what the import will do (its as-of date and the evidence for
// it) and import, load the demo, watch import progress, manage snapshots, and read each snapshot's import report
// and its comparison with the previous one.
import { useEffect, useState, type ReactNode } from 'react';
import type { ImportPreview as Preview } from '../../../../shared/importReport';
import { call } from '../../api';
import { Icon } from '../../components/Icon';
import { loadDemo } from '../../lib/actions';
import { formatNumber } from '../../lib/format';
import { filesForImport, toUploads } from '../../lib/upload';
import { PageActions } from '../../shell/PageActions';
import { useApp } from '../../stores/appStore';
import { useRunningJobs } from '../../stores/jobsStore';
import { toast } from '../../stores/toastStore';
import { DropZone } from './DropZone';
import { ImportJobs } from './ImportJobs';
import { ImportPreview } from './ImportPreview';
import { SnapshotDetail } from './SnapshotDetail';
import { SnapshotsPanel } from './SnapshotsPanel';
import { ThinDataConfirm } from './ThinDataConfirm';
import './ImportsPage.css';

/** One import at a time stays below this (the web bridge streams each file to disk, up to 300 MB a file). */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export function ImportsPage(): ReactNode {
  const snapshots = useApp((s) => s.snapshots);
  const activeId = useApp((s) => s.activeSnapshotId);
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined);
  const [label, setLabel] = useState('');
  const [asOf, setAsOf] = useState('');
  /** The date the planner typed (undefined: the files' date is used, as the preview shows it). */
  const [givenAsOf, setGivenAsOf] = useState<string | undefined>(undefined);
  /** The chosen files, staged and inspected, waiting for the planner's "Import". */
  const [pending, setPending] = useState<{ stageId: string; preview: Preview; files: File[] } | undefined>(undefined);
  /** The last import started here, kept so a thin-data refusal can be re-run with the planner's confirmation. */
  const [started, setStarted] = useState<{ jobId: string; files: File[]; label: string; asOf?: string } | undefined>(undefined);
  const [reading, setReading] = useState<string | undefined>(undefined);
  const busy = useRunningJobs(['import', 'demo']).length > 0;

  // Show the active snapshot until the planner picks another one (and recover when the selected one is deleted).
  useEffect(() => {
    if (selectedId === undefined || !snapshots.some((s) => s.id === selectedId)) {
      setSelectedId(activeId ?? snapshots[0]?.id);
    }
  }, [snapshots, activeId, selectedId]);

  const showPreview = (stageId: string, preview: Preview, files: File[], given: string | undefined) => {
    setPending({ stageId, preview, files });
    setGivenAsOf(given);
    setAsOf(given ?? (preview.kind === 'batch' ? (preview.batches[0]?.report.asOf ?? '') : ''));
  };

  /** The importable files uploaded (streamed to the service, or carried in the call), or undefined when refused. */
  const upload = async (files: File[]) => {
    const batch = toUploads(files);
    if (batch.skipped.length)
      toast('warning', `Skipped ${batch.skipped.length} file(s) that are not ERP exports`, batch.skipped.slice(0, 8).join(', '));
    if (batch.files.length === 0) return undefined;
    if (batch.totalBytes > MAX_UPLOAD_BYTES) {
      toast(
        'error',
        'Too much data for one import',
        `Selected files total ${formatNumber(batch.totalBytes / 1048576, 0)} MB; import at most ${MAX_UPLOAD_BYTES / 1048576} MB at a time.`,
      );
      return undefined;
    }
    setReading(`Uploading ${formatNumber(batch.files.length)} file(s)…`);
    return filesForImport(batch.files);
  };

  /** Reads the files' headers (nothing imported yet) and shows the date the import would use. */
  const inspect = async (files: File[]) => {
    setReading(`Reading ${formatNumber(files.length)} ${files.length === 1 ? 'file' : 'files'}…`);
    try {
      const uploaded = await upload(files);
      if (!uploaded) return;
      setReading(`Reading the headers of ${formatNumber(files.length)} file(s)…`);
      const r = await call('import.inspect', uploaded);
      if (r?.stageId) showPreview(r.stageId, r.preview, files, undefined);
    } catch (err) {
      toast('error', 'Could not read the files', (err as Error).message);
    } finally {
      setReading(undefined);
    }
  };

  /** The planner changed the date: inspect again, so the conflicts with the files' evidence show. */
  const changeAsOf = async (date: string) => {
    setAsOf(date);
    if (!pending || !date) return;
    setReading('Checking the date against the files…');
    try {
      const r = await call('import.inspect', { stageId: pending.stageId, asOf: date });
      if (r) showPreview(pending.stageId, r.preview, pending.files, date);
    } finally {
      setReading(undefined);
    }
  };

  const startImport = async () => {
    if (!pending) return;
    const importLabel = label.trim();
    const r = await call('import.start', {
      stageId: pending.stageId,
      ...(importLabel ? { label: importLabel } : {}),
      ...(givenAsOf ? { asOf: givenAsOf } : {}),
    });
    if (r) {
      setStarted({ jobId: r.jobId, files: pending.files, label: importLabel, asOf: givenAsOf });
      setPending(undefined);
      toast('info', 'Import started', 'Progress is shown below and in the status bar.');
    }
  };

  /** "Import anyway" after a thin-data refusal: the same files, label and date again, with the confirmation. */
  const importAnyway = async (again: NonNullable<typeof started>) => {
    try {
      const uploaded = await upload(again.files);
      if (!uploaded) return;
      const r = await call('import.start', {
        ...uploaded,
        ...(again.label ? { label: again.label } : {}),
        ...(again.asOf ? { asOf: again.asOf } : {}),
        confirmThinData: true,
      });
      setStarted(r ? { ...again, jobId: r.jobId } : undefined);
    } catch (err) {
      toast('error', 'Could not read the files', (err as Error).message);
    } finally {
      setReading(undefined);
    }
  };

  const selected = snapshots.find((s) => s.id === selectedId);

  return (
    <div className="page imports-page">
      <PageActions>
        <button type="button" className="btn" onClick={() => void useApp.getState().loadSnapshots()} data-testid="imports-refresh">
          <Icon name="refresh" size={14} />
          Refresh
        </button>
      </PageActions>
      <div className="row imports-top">
        <section className="panel grow">
          <div className="panel-header">
            <h2 className="panel-title">Import ERP exports</h2>
            <span className="panel-subtitle">Each import becomes a snapshot; the plan is recomputed for it</span>
          </div>
          <div className="panel-body imports-drop-body">
            <DropZone onFiles={(f) => void inspect(f)} disabled={!!reading} busyText={reading} />
            <div className="imports-options">
              <label className="field">
                Label (optional)
                <input
                  className="input"
                  value={label}
                  onChange={(e) => setLabel(e.target.value)}
                  placeholder="e.g. Week 36 ERP pull"
                  maxLength={200}
                  data-testid="import-label"
                />
              </label>
              <p className="muted imports-note">
                Before anything is imported you see the as-of date the exports give (run dates in their names, the ERP reports&apos; weeks) and can
                change it; the date you give is the one used. A folder holding master/ and snapshots/&lt;date&gt;/ is imported as a history, one
                snapshot per folder. Rejected rows are listed in the report with file, row, column and reason.
              </p>
            </div>
          </div>
        </section>
        <section className="panel imports-demo">
          <div className="panel-header">
            <h2 className="panel-title">Demo dataset</h2>
          </div>
          <div className="panel-body">
            <p className="muted">
              A generated mill with yarns, styles, BOMs, knit and sales orders, POs and machines — for training and for trying the planner.
            </p>
            <button type="button" className="btn btn-primary" onClick={() => void loadDemo()} disabled={busy} data-testid="load-demo">
              <Icon name="play" size={12} />
              Load demo dataset
            </button>
          </div>
        </section>
      </div>
      {pending && (
        <ImportPreview
          preview={pending.preview}
          asOf={asOf}
          onAsOf={(d) => void changeAsOf(d)}
          onImport={() => void startImport()}
          onCancel={() => setPending(undefined)}
          busy={!!reading || busy}
        />
      )}
      {started && <ThinDataConfirm jobId={started.jobId} onImportAnyway={() => void importAnyway(started)} onDismiss={() => setStarted(undefined)} />}
      <ImportJobs />
      <SnapshotsPanel selectedId={selectedId} onSelect={setSelectedId} />
      {selected && <SnapshotDetail key={selected.id} snapshot={selected} snapshots={snapshots} />}
    </div>
  );
}
