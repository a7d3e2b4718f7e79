// What importing the given paths would do (services/jobs/importFolder.ts imports them), without writing: the Imports
// page shows it before importing.
import type { ImportPreview } from '../../shared/importReport';
import { previewImport, type ImportOptions } from './importBatch';
import { importLayout, LayoutError, type ImportLayout } from './layout';

/** What an import of `paths` would read, batch by batch: one batch, or each snapshot folder of a history. */
export async function previewFolder(paths: string[], options: Omit<ImportOptions, 'now'>): Promise<ImportPreview> {
  let layout: ImportLayout;
  try {
    layout = importLayout(paths);
  } catch (err) {
    if (err instanceof LayoutError) return { kind: 'batch', batches: [], ignored: [], error: err.message };
    throw err;
  }
  const history = layout.kind === 'history';
  const batches: ImportPreview['batches'] = [];
  for (const batch of layout.batches) {
    const report = await previewImport(history ? batch.files : paths, {
      ...options,
      now: '',
      asOf: history ? undefined : options.asOf,
      folder: batch.folder,
      source: batch.label,
    });
    batches.push({ label: batch.label, report });
  }
  const dates = batches.map((b) => b.report.asOf);
  const error =
    history && options.asOf && !dates.includes(options.asOf)
      ? `no snapshot of the history is as of ${options.asOf} (they are ${dates.map((d) => d ?? '?').join(', ')})`
      : null;
  return { kind: layout.kind, batches, ignored: layout.ignored, error };
}
