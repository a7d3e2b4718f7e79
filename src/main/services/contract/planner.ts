// The planner service: implements the contract over the store, the job host and the engine.
// Electron, the web bridge and tests all drive the app through this object.
import { EventEmitter } from 'node:events';
import type { Readable } from 'node:stream';
import { channels, type EventName, type EventPayload, type JobState } from '../../../shared/contract';
import { resultSnapshotId } from '../../../shared/jobs';
import { openStore, type Db } from '../../store/db';
import { deleteSnapshot, getSnapshot, getSnapshotReport, listSnapshots } from '../../store/snapshots';
import { readSetting, SETTINGS, writeSetting } from '../../store/settings';
import {
  deleteBomOverride,
  deleteRateOverride,
  listBomOverrides,
  listRateOverrides,
  putBomOverride,
  putRateOverride,
} from '../../store/styleOverrides';
import type { JobHost } from '../../workers/jobHost';
import { NotFoundError } from '../errors';
import type { Handlers } from './handlers';
import { loadPolicy, setPolicyValues } from '../inputs/policy';
import { readPlan } from '../../store/planCache';
import { readPlanOf } from '../jobs/planSections';
import { plannerSettings } from '../inputs/plannerSettings';
import { compareSnapshots } from '../views/snapshotComparison';
import { findEntities, loadSearchRowsTimed } from '../views/search';
import { previewFolder } from '../../import/previewFolder';
import { chromiumPdf, createActionHandlers, type PdfRenderer } from './actions';
import { takeNewCriticalAlerts } from '../views/alerts';
import { UploadStaging } from './uploads';
import { createScheduleMoveHandlers } from './scheduleMoves';
import { createViewHandlers } from './viewHandlers';
import { actionRecorder, createActionLogHandlers, type ActionLogContext } from './actionLogHandlers';
import { createAppStateHandlers } from './appStateHandlers';
import { logFileFor, type LogFile } from '../logFile';

export interface PlannerOptions {
  dbPath: string;
  shell: 'electron' | 'web' | 'cli' | 'test';
  jobs: JobHost;
  appVersion?: string;
  clock?: () => string;
  /** After an import, plan it; after a plan run, forecast it (default true; the CLI sequences jobs itself). */
  autoRun?: boolean;
  /** How reports become PDF: Chromium by default, `printToPDF` in the Electron shell. */
  renderPdf?: PdfRenderer;
  /** Where uploaded files wait for their import (default: a fresh folder in the system's temporary folder). */
  uploadsDir?: string;
  /** Where job failures and warnings are written (default: `logs/planner.log` beside the database). */
  logFile?: LogFile;
}

export interface Planner {
  handlers: Handlers;
  db: Db;
  jobs: JobHost;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  activeSnapshotId(): number | null;
  /** Streams an uploaded file to disk for a later `import.start({ uploadIds })`; rejects past `maxBytes`. */
  stageUpload(name: string, body: Readable, maxBytes: number): Promise<string>;
  close(): Promise<void>;
}

export function createPlanner(options: PlannerOptions): Planner {
  const db = openStore(options.dbPath);
  const { jobs } = options;
  const now = options.clock ?? (() => new Date().toISOString());
  const bus = new EventEmitter();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => bus.emit(event, payload);
  const uploads = new UploadStaging(options.uploadsDir);
  const logFile = options.logFile ?? logFileFor(options.dbPath);

  const activeSnapshotId = (): number | null => {
    const stored = readSetting(db, SETTINGS.activeSnapshotId);
    if (stored !== null && getSnapshot(db, stored)) return stored;
    return listSnapshots(db)[0]?.id ?? null;
  };
  const requireSnapshot = (id?: number): number => {
    const target = id ?? activeSnapshotId();
    if (target === null || target === undefined) throw new NotFoundError('no snapshot yet: import the ERP exports or load the demo');
    if (!getSnapshot(db, target)) throw new NotFoundError(`snapshot ${target} does not exist`);
    return target;
  };
  const setActive = (id: number) => {
    writeSetting(db, SETTINGS.activeSnapshotId, id, now());
    emit('snapshots.changed', { activeSnapshotId: id });
  };

  /** One plan run per snapshot and scenario at a time: a newer request cancels the one it makes moot. */
  const startPlan = (snapshotId: number, scenarioId = 0) =>
    jobs.start('plan', { snapshotId, ...(scenarioId ? { scenarioId } : {}) }, { supersedes: `plan:${snapshotId}:${scenarioId}` });
  const onProgress = (state: JobState) => emit('job.progress', state);
  /** Snapshots whose forecast is running, so re-plans in the meantime do not start it again. */
  const forecasting = new Set<number>();
  const onFinished = (state: JobState) => {
    if (state.kind === 'forecast') forecasting.clear();
    if (state.status === 'failed') logFile.error(`${state.kind} job ${state.jobId} failed: ${state.error ?? state.message}`);
    const warnings = state.result && 'warnings' in state.result ? (state.result.warnings ?? []) : [];
    for (const w of warnings) logFile.warn(`${state.kind} job ${state.jobId}: ${w}`);
    if (state.status !== 'done') return;
    const sid = resultSnapshotId(state.result);
    if ((state.kind === 'import' || state.kind === 'demo') && sid) {
      setActive(sid);
      if (options.autoRun !== false) startPlan(sid);
    }
    const scenarioId = state.result && 'scenarioId' in state.result ? state.result.scenarioId : 0;
    if (state.kind === 'plan' && sid) {
      emit('plan.changed', { snapshotId: sid, scenarioId, reason: scenarioId ? 'scenario plan' : 'plan run' });
      // The forecast depends on the snapshot's sales history only: run it once per snapshot.
      if (!scenarioId && options.autoRun !== false && !forecasting.has(sid) && !readPlan(db, sid, 0, 'forecast')) {
        forecasting.add(sid);
        jobs.start('forecast', { snapshotId: sid });
      }
    }
    if (state.kind === 'forecast' && sid) {
      emit('plan.changed', { snapshotId: sid, scenarioId: 0, reason: 'forecast' });
      if (options.autoRun !== false && plannerSettings(db).includeForecastLayer) startPlan(sid);
    }
    // Only where someone is told (the app, the bridge): alerts count as told once taken, and the CLI tells no one.
    if (((state.kind === 'plan' && !scenarioId) || state.kind === 'forecast') && bus.listenerCount('alerts.new') > 0) {
      const fresh = sid ? takeNewCriticalAlerts(db, sid, now()) : [];
      if (fresh.length) emit('alerts.new', { alerts: fresh.map((a) => ({ key: a.key, severity: a.severity, title: a.title, cause: a.cause })) });
    }
  };
  jobs.on('progress', onProgress);
  jobs.on('finished', onFinished);

  // Uploads (streamed by the bridge, or handed over in the call) are put together as the chosen folder's tree.
  // The stage of an inspection not imported (yet) is replaced by the next inspection.
  let inspected: string | null = null;
  const actionLog: ActionLogContext = {
    db,
    now,
    activeSnapshotId,
    startPlan: (snapshotId) => startPlan(snapshotId),
    notify: (entry) => emit('actions.changed', entry),
  };
  const log = actionRecorder(actionLog);
  const stageUploads = (uploadIds: string[] | undefined, inMemory: { name: string; base64: string }[] | undefined): string | undefined => {
    const files = [...uploads.take(uploadIds ?? []), ...(inMemory ?? []).map((u) => uploads.fromBytes(u.name, Buffer.from(u.base64, 'base64')))];
    return files.length ? uploads.assemble(files) : undefined;
  };

  const handlers: Handlers = {
    'app.info': async () => ({
      appName: 'Beverly Knits Planner',
      version: options.appVersion ?? '0.0.0',
      dbPath: options.dbPath,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      activeSnapshotId: activeSnapshotId(),
      shell: options.shell,
    }),
    'snapshots.list': async () => listSnapshots(db).map(({ contentHash: _hash, ...s }) => s),
    'snapshots.delete': async ({ id, ...fate }) => {
      const result = deleteSnapshot(db, id, fate);
      if (result.deleted) emit('snapshots.changed', { activeSnapshotId: activeSnapshotId() });
      return result;
    },
    'snapshots.setActive': async ({ id }) => {
      requireSnapshot(id);
      setActive(id);
      return { activeSnapshotId: id };
    },
    'snapshots.report': async ({ id }) => {
      requireSnapshot(id);
      return getSnapshotReport(db, id) ?? null;
    },
    'snapshots.compare': async ({ fromId, toId }) => compareSnapshots(db, requireSnapshot(fromId), requireSnapshot(toId)),
    'import.inspect': async ({ paths, uploads: inMemory, uploadIds, stageId, asOf }) => {
      const fresh = stageUploads(uploadIds, inMemory);
      if (fresh) {
        if (inspected) uploads.discard(inspected);
        inspected = fresh;
      }
      const stage = fresh ?? stageId ?? null;
      const preview = await previewFolder([...(paths ?? []), ...(stage ? [uploads.stageRoot(stage)] : [])], { asOf });
      return { stageId: stage, preview };
    },
    'import.start': async ({ paths, uploads: inMemory, uploadIds, stageId, asOf, label, confirmThinData }) => {
      const stage = stageUploads(uploadIds, inMemory) ?? stageId;
      const jobId = jobs.start('import', { paths: [...(paths ?? []), ...(stage ? [uploads.stageRoot(stage)] : [])], asOf, label, confirmThinData });
      if (stage) {
        if (inspected === stage) inspected = null;
        // The import has read them (or failed) by then: uploaded files never outlive their import.
        void jobs.wait(jobId).finally(() => uploads.discard(stage));
      }
      return { jobId };
    },
    'demo.load': async ({ scale }) => ({ jobId: jobs.start('demo', { scale }) }),
    'jobs.cancel': async ({ jobId }) => ({ cancelled: jobs.cancel(jobId) }),
    'jobs.list': async () => jobs.list(),
    'plan.run': async ({ snapshotId }) => ({ jobId: startPlan(requireSnapshot(snapshotId)) }),
    ...createViewHandlers(db, requireSnapshot),
    'search.find': async ({ query, limit, snapshotId }) => {
      const sid = requireSnapshot(snapshotId);
      return { hits: findEntities(db, sid, query, limit), snapshotId: sid };
    },
    'search.warm': async ({ snapshotId }) => {
      const sid = requireSnapshot(snapshotId);
      const { rows, cached, loadMs } = loadSearchRowsTimed(db, sid);
      return { snapshotId: sid, rows: rows.length, cached, loadMs };
    },
    'settings.getPolicy': async () => loadPolicy(db),
    'settings.setPolicy': async (input) => {
      const changes = 'changes' in input ? input.changes : [input];
      const keys = changes.map((c) => [c.area, c.key]);
      return log('settings.setPolicy', (track) => track.rows('policy_value', keys, () => setPolicyValues(db, changes, now())));
    },
    'overrides.list': async () => ({ rates: listRateOverrides(db), boms: listBomOverrides(db) }),
    'overrides.setRate': async ({ style, lbsPerDay, note }) => {
      log('overrides.setRate', (track) =>
        track.row('rate_override', [style], () =>
          lbsPerDay === null
            ? deleteRateOverride(db, style)
            : putRateOverride(db, { style, lbsPerDay, asOf: now().slice(0, 10), note: note ?? '' }, now()),
        ),
      );
      const target = activeSnapshotId();
      return { jobId: target === null ? null : startPlan(target) };
    },
    'overrides.setBom': async ({ style, lines, note }) => {
      const target = activeSnapshotId();
      const plan = target === null ? undefined : readPlanOf(db, target, 0, ['yarn', 'purchasing']);
      if (plan && lines) {
        const known = new Set([...plan.yarn.positions.map((p) => p.yarnId), ...plan.purchasing.items.map((i) => i.yarnId)]);
        const unknown = lines.map((l) => l.yarnId).filter((y) => !known.has(y));
        if (unknown.length) throw new Error(`yarn ${unknown.join(', ')} is not in the yarn inventory of snapshot ${target}: check the yarn id`);
      }
      log('overrides.setBom', (track) =>
        track.row('bom_override', [style], () =>
          lines === null ? deleteBomOverride(db, style) : putBomOverride(db, { style, lines, asOf: now().slice(0, 10), note: note ?? '' }, now()),
        ),
      );
      return { jobId: target === null ? null : startPlan(target) };
    },
    'settings.getLayers': async () => ({
      salesOrders: readSetting(db, SETTINGS.includeSalesOrderLayer),
      forecast: readSetting(db, SETTINGS.includeForecastLayer),
    }),
    'settings.setLayers': async ({ salesOrders, forecast }) => {
      const keys = [
        ...(salesOrders !== undefined ? [[SETTINGS.includeSalesOrderLayer.key]] : []),
        ...(forecast !== undefined ? [[SETTINGS.includeForecastLayer.key]] : []),
      ];
      log('settings.setLayers', (track) =>
        track.rows('setting', keys, () => {
          if (salesOrders !== undefined) writeSetting(db, SETTINGS.includeSalesOrderLayer, salesOrders, now());
          if (forecast !== undefined) writeSetting(db, SETTINGS.includeForecastLayer, forecast, now());
        }),
      );
      const target = activeSnapshotId();
      return { jobId: target === null ? null : startPlan(target) };
    },
    ...createAppStateHandlers(
      {
        db,
        dbPath: options.dbPath,
        appName: 'Beverly Knits Planner',
        version: options.appVersion ?? '0.0.0',
        shell: options.shell,
        log: logFile,
        policy: () => loadPolicy(db),
      },
      now,
    ),
    ...createActionHandlers({ db, jobs, now, requireSnapshot, startPlan, renderPdf: options.renderPdf ?? chromiumPdf, log }),
    ...createActionLogHandlers(actionLog),
    ...createScheduleMoveHandlers({ db, now, requireSnapshot, startPlan, log }),
  };

  return {
    handlers,
    db,
    jobs,
    on(event, listener) {
      bus.on(event, listener as (p: unknown) => void);
      return () => bus.off(event, listener as (p: unknown) => void);
    },
    activeSnapshotId,
    stageUpload: (name, body, maxBytes) => uploads.fromStream(name, body, maxBytes),
    async close() {
      jobs.off('progress', onProgress);
      jobs.off('finished', onFinished);
      await jobs.close();
      uploads.close();
      db.close();
    },
  };
}

/**
 * A planner whose store could not be opened (e.g. the file is not an SQLite database): the app keeps running and
 * every call answers with the reason, so the UI can show it instead of crashing. Nothing touches the bad file.
 */
export function unavailablePlanner(reason: string, jobs: JobHost): Planner {
  const fail = async () => {
    throw new Error(reason);
  };
  const handlers = Object.fromEntries(Object.keys(channels).map((name) => [name, fail])) as unknown as Handlers;
  return {
    handlers,
    get db(): Db {
      throw new Error(reason);
    },
    jobs,
    on: () => () => {},
    activeSnapshotId: () => null,
    stageUpload: fail,
    close: async () => jobs.close(),
  };
}

/** Opens the planner, or an unavailable one that reports why when the database cannot be opened. */
export function openPlanner(options: PlannerOptions): { planner: Planner; error?: string } {
  try {
    return { planner: createPlanner(options) };
  } catch (err) {
    const message = (err as Error).message;
    return { planner: unavailablePlanner(message, options.jobs), error: message };
  }
}
