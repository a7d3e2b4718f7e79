// The frame of every plan page: page actions (Run plan, Refresh), loading / empty / error states, and the page's
// rendering of its view's data.
import type { ReactNode } from 'react';
import { pageById, type PageId } from '../../routes';
import type { PlanViewResult } from '../../stores/planStore';
import { useActiveSnapshot } from '../../stores/appStore';
import { useRunningJobs } from '../../stores/jobsStore';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { PageActions } from '../../shell/PageActions';
import { navigate } from '../../shell/useHashRoute';
import { loadDemo, runPlan } from '../../lib/actions';
import { describeError } from '../../stores/toastStore';
import './PlanFrame.css';

interface PlanFrameProps<T> {
  page: PageId;
  view: PlanViewResult<T>;
  /** The page's rendering of its view's data. */
  children: (data: T) => ReactNode;
  /** Page actions shown left of Refresh / Run plan (e.g. Print / PDF). */
  actions?: ReactNode;
  /** The page body fills the window height (grids scroll inside) instead of the page scrolling. */
  fill?: boolean;
}

interface NoPlanYetProps {
  testId: string;
  /** The service's explanation (e.g. "no plan has been computed for snapshot 3 yet"). */
  detail?: string;
  /** Offer "Run plan" for this snapshot (there is data, but no plan or no such view yet). */
  snapshotId?: number;
}

export function NoPlanYet({ testId, detail, snapshotId }: NoPlanYetProps): ReactNode {
  const busy = useRunningJobs(['demo', 'import', 'plan']).length > 0;
  return (
    <EmptyState
      testId={testId}
      icon="imports"
      title="No plan yet — import ERP exports or load the demo"
      message={
        <>
          The planner works from a snapshot of the ERP exports (yarn inventory, BOMs, knit and sales orders, POs, machines). Import them, or load the
          demo dataset to look around.
          {detail && <span className="plan-empty-detail">{detail}</span>}
        </>
      }
      actions={
        <>
          {snapshotId !== undefined && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void runPlan(snapshotId)}
              disabled={busy}
              data-testid={`${testId}-run-plan`}
            >
              Run plan
            </button>
          )}
          <button
            type="button"
            className={snapshotId !== undefined ? 'btn' : 'btn btn-primary'}
            onClick={() => void loadDemo()}
            disabled={busy}
            data-testid={`${testId}-demo`}
          >
            Load demo dataset
          </button>
          <button type="button" className="btn" onClick={() => navigate('imports')} data-testid={`${testId}-import`}>
            Import ERP exports…
          </button>
        </>
      }
    />
  );
}

export function PlanFrame<T>({ page, view, children, actions, fill }: PlanFrameProps<T>): ReactNode {
  const spec = pageById(page);
  const snapshot = useActiveSnapshot();
  const planRunning = useRunningJobs(['plan']).length > 0;

  let body: ReactNode;
  if (view.status === 'idle' || view.status === 'loading') {
    body = (
      <div className="plan-loading" data-testid={`${page}-loading`}>
        Loading {spec.title.toLowerCase()}…
      </div>
    );
  } else if (view.status === 'error' && view.error) {
    body = (
      <EmptyState
        testId={`${page}-error`}
        tone="error"
        icon="alert"
        title={`Could not load ${spec.title.toLowerCase()}`}
        message={
          <>
            <code className="plan-error-code">{view.error.code}</code> {describeError(view.error)}
          </>
        }
        actions={
          <button type="button" className="btn" onClick={view.refetch}>
            Retry
          </button>
        }
      />
    );
  } else if (view.status === 'empty') {
    body =
      view.error?.code === 'NOT_FOUND' || !snapshot ? (
        <NoPlanYet testId={`${page}-empty`} detail={snapshot ? view.error?.message : undefined} snapshotId={snapshot?.id} />
      ) : (
        <EmptyState
          testId={`${page}-empty`}
          title="Nothing to show for this snapshot"
          message={`The ${spec.title.toLowerCase()} view of snapshot “${snapshot.label}” (as of ${snapshot.asOf}) has no rows. Run the plan to refresh it.`}
          actions={
            <button type="button" className="btn btn-primary" onClick={() => void runPlan(snapshot.id)} disabled={planRunning}>
              Run plan
            </button>
          }
        />
      );
  } else if (view.data !== undefined) {
    body = <div className="plan-body">{children(view.data)}</div>;
  }

  return (
    <div
      className={fill ? 'page plan-page page-fill' : 'page plan-page'}
      data-testid={`${page}-view`}
      data-status={view.status}
      data-refreshing={view.refreshing ? 'true' : 'false'}
    >
      <PageActions>
        {view.refreshing && <span className="muted plan-refreshing">Refreshing…</span>}
        {view.status === 'ready' && actions}
        <button type="button" className="btn" onClick={view.refetch} title="Reload this view" data-testid={`${page}-refresh`}>
          <Icon name="refresh" size={14} />
          Refresh
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void runPlan(snapshot?.id)}
          disabled={!snapshot || planRunning}
          title={snapshot ? 'Recompute the plan for the active snapshot' : 'Import or load a snapshot first'}
          data-testid={`${page}-run-plan`}
        >
          <Icon name="play" size={12} />
          {planRunning ? 'Planning…' : 'Run plan'}
        </button>
      </PageActions>
      {body}
    </div>
  );
}
