// Scenarios: what-if plans over the active snapshot. The list on the left, the selected scenario on the right
// (overrides, plan, comparison with the base plan, printable shortage report). `#/scenarios?id=3`.
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { useChannel } from '../../lib/useChannel';
import { setHashParams, useHashParams } from '../../shell/useHashRoute';
import { useActiveSnapshot, useApp } from '../../stores/appStore';
import { describeError } from '../../stores/toastStore';
import { NoPlanYet } from '../plan/PlanFrame';
import { ScenarioDetail } from './ScenarioDetail';
import { ScenarioList } from './ScenarioList';
import './ScenariosPage.css';

export function ScenariosPage(): ReactNode {
  const params = useHashParams();
  const snapshot = useActiveSnapshot();
  const snapshotsLoaded = useApp((s) => s.snapshotsLoaded);
  const list = useChannel('scenarios.list', snapshot ? { snapshotId: snapshot.id } : undefined, [snapshot?.id]);
  const selectedId = params.id ? Number(params.id) : undefined;
  const scenarios = list.data ?? [];
  const selected = scenarios.find((s) => s.id === selectedId);
  const status = !snapshot ? (snapshotsLoaded ? 'empty' : 'loading') : list.status === 'ready' ? 'ready' : list.status;

  return (
    <div className="page page-fill scenarios-page" data-testid="scenarios-view" data-status={status}>
      {!snapshot ? (
        snapshotsLoaded ? (
          <NoPlanYet testId="scenarios-empty" />
        ) : (
          <div className="plan-loading">Loading…</div>
        )
      ) : list.status === 'error' ? (
        <EmptyState
          tone="error"
          icon="alert"
          title="Could not load the scenarios"
          message={list.error ? describeError(list.error) : undefined}
          testId="scenarios-error"
        />
      ) : (
        <div className="split scenarios-split">
          <ScenarioList
            scenarios={scenarios}
            selectedId={selectedId}
            onSelect={(id) => setHashParams({ id })}
            onChanged={list.reload}
            snapshotId={snapshot.id}
          />
          {selected ? (
            <ScenarioDetail key={selected.id} id={selected.id} onChanged={list.reload} />
          ) : (
            <div className="scenario-placeholder">
              <EmptyState
                icon="scenarios"
                title={scenarios.length ? 'Pick a scenario' : 'Create a scenario'}
                message={
                  <>
                    A scenario changes a few things — a PO arrives two weeks late, a machine is down, demand of a customer is up 20 % — and plans the
                    snapshot of {snapshot.asOf} again without touching the base plan. Then compare: yarns short, lbs short, purchases, late orders and
                    machine load, side by side.
                  </>
                }
              />
            </div>
          )}
        </div>
      )}
    </div>
  );
}
