// Imports: drop ERP exports (files or a folder), load the demo, watch import progress, manage snapshots, and read
// each snapshot's import report and its comparison with the previous one.
import { useEffect, useState, type ReactNode } from 'react';
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
import { SnapshotDetail } from './SnapshotDetail';
import { SnapshotsPanel } from './SnapshotsPanel';
import './ImportsPage.css';

/** One import at a time stays below this (the web bridge streams each file to disk, up to 300 MB a file). */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

export function ImportsPage(): ReactNode {
  const snapshots = useApp((s) => s.snapshots);
  const activeId = useApp((s) => s.activeSnapshotId);
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined);
  const [label, setLabel] = useState('');
  const [asOf, setAsOf] = useState('');
  const [reading, setReading] = useState<string | undefined>(undefined);
  const busy = useRunningJobs(['import', 'demo']).length > 0;

  // Show the active snapshot until the planner picks another one (and recover when the selected one is deleted).
  useEffect(() => {
    if (selectedId === undefined || !snapshots.some((s) => s.id === selectedId)) {
      setSelectedId(activeId ?? snapshots[0]?.id);
    }
  }, [snapshots, activeId, selectedId]);

  const startImport = async (files: File[]) => {
    setReading(`Reading ${formatNumber(files.length)} ${files.length === 1 ? 'file' : 'files'}…`);
    try {
      const batch = toUploads(files);
      if (batch.skipped.length) toast('warning', `Skipped ${batch.skipped.length} file(s) that are not ERP exports`, batch.skipped.slice(0, 8).join(', '));
      if (batch.files.length === 0) return;
      if (batch.totalBytes > MAX_UPLOAD_BYTES) {
        toast('error', 'Too much data for one import', `Selected files total ${formatNumber(batch.totalBytes / 1048576, 0)} MB; import at most ${MAX_UPLOAD_BYTES / 1048576} MB at a time.`);
        return;
      }
      setReading(`Uploading ${formatNumber(batch.files.length)} file(s)…`);
      const r = await call('import.start', {
        ...(await filesForImport(batch.files)),
        ...(label.trim() ? { label: label.trim() } : {}),
        ...(asOf ? { asOf } : {}),
      });
      if (r) toast('info', `Import started: ${batch.files.length} file(s)`, 'Progress is shown below and in the status bar.');
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
            <DropZone onFiles={(f) => void startImport(f)} disabled={!!reading} busyText={reading} />
            <div className="imports-options">
              <label className="field">
                Label (optional)
                <input className="input" value={label} onChange={(e) => setLabel(e.target.value)} placeholder="e.g. Week 36 ERP pull" maxLength={200} data-testid="import-label" />
              </label>
              <label className="field">
                As-of date (optional)
                <input className="input" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="import-asof" />
              </label>
              <p className="muted imports-note">
                Without an as-of date the importer takes it from the exports. Rejected rows never stop an import; they are listed in the report with file, row, column and reason.
              </p>
            </div>
          </div>
        </section>
        <section className="panel imports-demo">
          <div className="panel-header">
            <h2 className="panel-title">Demo dataset</h2>
          </div>
          <div className="panel-body">
            <p className="muted">A generated mill with yarns, styles, BOMs, knit and sales orders, POs and machines — for training and for trying the planner.</p>
            <button type="button" className="btn btn-primary" onClick={() => void loadDemo()} disabled={busy} data-testid="load-demo">
              <Icon name="play" size={12} />
              Load demo dataset
            </button>
          </div>
        </section>
      </div>
      <ImportJobs />
      <SnapshotsPanel selectedId={selectedId} onSelect={setSelectedId} />
      {selected && <SnapshotDetail key={selected.id} snapshot={selected} snapshots={snapshots} />}
    </div>
  );
}
