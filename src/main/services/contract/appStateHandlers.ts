// Handlers for the app's own state: each grid's saved view, and the Diagnostics page with its support bundle.
import { gridViewSchema } from '../../../shared/gridState';
import { deleteUiState, readUiState, writeUiState } from '../../store/uiState';
import { readDiagnostics, supportBundle, type DiagnosticsContext } from '../outputs/diagnostics';
import type { Handlers } from './handlers';

type AppStateHandlers = Pick<Handlers, 'ui.gridState.get' | 'ui.gridState.set' | 'ui.gridState.reset' | 'diagnostics.info' | 'diagnostics.bundle'>;

export function createAppStateHandlers(ctx: DiagnosticsContext, now: () => string): AppStateHandlers {
  const { db } = ctx;
  return {
    'ui.gridState.get': async ({ key }) => {
      const read = readUiState(db, key, gridViewSchema);
      if (read.invalid) ctx.log.warn(`${read.invalid}; the grid shows its default view`);
      return { view: read.value, ...(read.invalid ? { invalid: read.invalid } : {}) };
    },
    'ui.gridState.set': async ({ key, view }) => {
      writeUiState(db, key, view, now());
      return { saved: true };
    },
    'ui.gridState.reset': async ({ key }) => ({ reset: deleteUiState(db, key) }),
    'diagnostics.info': async () => readDiagnostics(ctx),
    'diagnostics.bundle': async ({ includePlannerData }) => {
      const at = now();
      const { zip, manifest } = supportBundle(ctx, { includePlannerData, now: at });
      const stamp = at.slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      return { fileName: `bkp-support-${stamp}.zip`, mimeType: 'application/zip', base64: zip.toString('base64'), manifest };
    },
  };
}
