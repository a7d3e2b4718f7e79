// The action log's channels (`actions.list`, `actions.undo`) and the recorder the action handlers log through.
import type { ActionKind } from '../../../shared/actionLog';
import type { Db } from '../../store/db';
import { listEntries } from '../../store/actionLog';
import { getSnapshot } from '../../store/snapshots';
import { recordAction, REPLANNED_AFTER, undoAction, type ActionTracker } from './actionLog';
import type { Handlers } from './handlers';

export interface ActionLogContext {
  db: Db;
  now: () => string;
  activeSnapshotId: () => number | null;
  startPlan: (snapshotId: number) => string;
  /** Told after an entry was committed (the `actions.changed` event). */
  notify: (entry: { id: number; kind: ActionKind; sentence: string }) => void;
}

/** Runs an action's writes and logs them in one transaction; `snapshotId` when the action names one. */
export type ActionRecorder = <R>(kind: ActionKind, run: (track: ActionTracker) => R, snapshotId?: number) => R;

export function actionRecorder(ctx: ActionLogContext): ActionRecorder {
  return (kind, run, snapshotId) => {
    const logged = recordAction(ctx.db, { kind, at: ctx.now(), snapshotId: snapshotId ?? ctx.activeSnapshotId() }, run);
    ctx.notify({ id: logged.entryId, kind, sentence: logged.sentence });
    return logged.result;
  };
}

export function createActionLogHandlers(ctx: ActionLogContext): Pick<Handlers, 'actions.list' | 'actions.undo'> {
  return {
    'actions.list': async ({ offset, limit }) => listEntries(ctx.db, offset, limit),
    'actions.undo': async ({ id }) => {
      const { undone, undo } = undoAction(ctx.db, id, ctx.now());
      ctx.notify({ id: undo.id, kind: undo.kind, sentence: undo.sentence });
      // As after the action itself: re-plan the snapshot it was done on (or, gone since, the active one).
      const target = undone.snapshotId !== null && getSnapshot(ctx.db, undone.snapshotId) ? undone.snapshotId : ctx.activeSnapshotId();
      const jobId = REPLANNED_AFTER.has(undone.kind) && target !== null ? ctx.startPlan(target) : null;
      return { undone, undo, jobId };
    },
  };
}
