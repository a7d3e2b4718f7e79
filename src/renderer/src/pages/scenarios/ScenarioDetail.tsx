// One scenario: its overrides (list + editor), "Plan scenario" (a job; done when `plan.changed` arrives for this
// scenario), "Compare with base" and the printable shortage report of the scenario.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ChannelOutput, ContractError } from '../../../../shared/contract';
import type { OverrideInput } from '../../../../shared/scenario';
import { api, call } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { PrintActions } from '../../components/PrintActions';
import { Tabs } from '../../components/Tabs';
import { useChannel } from '../../lib/useChannel';
import { useJobs } from '../../stores/jobsStore';
import { describeError, toast } from '../../stores/toastStore';
import { ComparisonView } from './ComparisonView';
import { OverrideEditor } from './OverrideEditor';

type Compare = ChannelOutput<'scenarios.compare'>;
type Tab = 'overrides' | 'compare';
type PlanState = 'unknown' | 'not planned' | 'planning' | 'planned' | 'stale' | 'failed';

interface ScenarioDetailProps {
  id: number;
  onChanged: () => void;
}

export function ScenarioDetail({ id, onChanged }: ScenarioDetailProps): ReactNode {
  const scenario = useChannel('scenarios.get', { id }, [id]);
  const [tab, setTab] = useState<Tab>('overrides');
  const [planState, setPlanState] = useState<PlanState>('unknown');
  const [jobId, setJobId] = useState<string | undefined>();
  const [compare, setCompare] = useState<Compare | undefined>();
  const [compareError, setCompareError] = useState<ContractError | undefined>();
  const [comparing, setComparing] = useState(false);
  const job = useJobs((s) => (jobId ? s.byId[jobId] : undefined));
  const planStateRef = useRef(planState);
  planStateRef.current = planState;

  const runCompare = useCallback(
    async (quiet: boolean) => {
      setComparing(true);
      const r = await api.invoke('scenarios.compare', { a: 0, b: id });
      setComparing(false);
      if (r.ok) {
        setCompare(r.data);
        setCompareError(undefined);
        if (planStateRef.current === 'unknown' || planStateRef.current === 'not planned') setPlanState('planned');
        return true;
      }
      setCompare(undefined);
      if (r.error.code === 'NOT_FOUND') {
        if (planStateRef.current !== 'planning') setPlanState('not planned');
      } else {
        setCompareError(r.error);
        if (!quiet) toast('error', 'Comparison failed', describeError(r.error));
      }
      return false;
    },
    [id],
  );

  // Is there a plan for the scenario already? (The comparison answers NOT_FOUND when not.)
  useEffect(() => {
    void runCompare(true).then((planned) => planned && setTab('compare'));
  }, [runCompare]);

  // The plan is done when `plan.changed` arrives for this scenario; then compare right away.
  useEffect(
    () =>
      api.on('plan.changed', (e) => {
        if (e.scenarioId !== id || planStateRef.current !== 'planning') return;
        setPlanState('planned');
        setTab('compare');
        void runCompare(false);
      }),
    [id, runCompare],
  );

  useEffect(() => {
    if (job?.status === 'failed' || job?.status === 'cancelled') {
      setPlanState('failed');
      if (job.status === 'failed') toast('error', 'Scenario plan failed', job.error ?? job.message);
    }
  }, [job?.status, job?.error, job?.message]);

  const plan = async () => {
    const r = await call('scenarios.plan', { id });
    if (!r) return;
    setJobId(r.jobId);
    setPlanState('planning');
  };

  const addOverride = async (override: OverrideInput) => {
    const r = await call('scenarios.addOverride', { id, override });
    if (!r) return false;
    scenario.reload();
    onChanged();
    if (planState === 'planned') setPlanState('stale');
    toast('success', 'Override added', r.overrides[r.overrides.length - 1]?.label);
    return true;
  };

  const removeOverride = async (overrideId: string) => {
    const r = await call('scenarios.removeOverride', { id, overrideId });
    if (!r) return;
    scenario.reload();
    onChanged();
    if (planState === 'planned') setPlanState('stale');
  };

  if (scenario.status === 'error')
    return (
      <EmptyState
        tone="error"
        icon="alert"
        title="Could not load the scenario"
        message={scenario.error ? describeError(scenario.error) : undefined}
        testId="scenario-error"
      />
    );
  const s = scenario.data;
  if (!s) return <div className="note scenario-loading">Loading the scenario…</div>;

  const stateText: Record<PlanState, string> = {
    unknown: 'checking…',
    'not planned': 'not planned yet',
    planning: job ? `planning… ${Math.round(job.fraction * 100)}%` : 'planning…',
    planned: 'planned',
    stale: 'overrides changed since the last plan: plan again',
    failed: 'the last plan run failed',
  };

  return (
    <section className="scenario-detail" data-testid="scenario-detail" data-scenario-id={id} data-plan-state={planState}>
      <div className="panel scenario-head">
        <div className="panel-header">
          <div className="yarn-detail-title">
            <h3 className="panel-title">{s.name}</h3>
            <span className="panel-subtitle">
              snapshot {s.snapshotId} · {s.overrides.length} {s.overrides.length === 1 ? 'override' : 'overrides'} ·{' '}
              <span className={planState === 'stale' || planState === 'failed' ? 'note-warning' : undefined} data-testid="scenario-plan-state">
                {stateText[planState]}
              </span>
            </span>
          </div>
          <div className="panel-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void plan()}
              disabled={planState === 'planning'}
              data-testid="scenario-plan"
            >
              <Icon name="play" size={12} /> {planState === 'planning' ? 'Planning…' : 'Plan scenario'}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setTab('compare');
                void runCompare(false);
              }}
              disabled={planState === 'planning' || planState === 'not planned' || comparing}
              title={planState === 'not planned' ? 'Plan the scenario first' : 'Compare the scenario plan with the base plan'}
              data-testid="scenario-compare"
            >
              <Icon name="compare" size={13} /> Compare with base
            </button>
            <PrintActions
              report="shortages"
              scenarioId={id}
              disabled={planState === 'not planned' || planState === 'planning'}
              testId="scenario-report"
            />
          </div>
        </div>
      </div>
      <Tabs<Tab>
        testId="scenario-tabs"
        current={tab}
        onChange={setTab}
        tabs={[
          { id: 'overrides', label: 'Overrides', count: s.overrides.length },
          { id: 'compare', label: 'Compare with base' },
        ]}
      />
      {tab === 'overrides' && (
        <div className="scenario-overrides">
          <section className="panel">
            {s.overrides.length === 0 ? (
              <p className="note scenario-empty">No override yet: the scenario plans exactly like the base. Add changes below.</p>
            ) : (
              <ol className="override-list" data-testid="scenario-overrides">
                {s.overrides.map((o) => (
                  <li key={o.id} data-testid={`scenario-override-item-${o.id}`}>
                    <span className="override-kind">{o.kind}</span>
                    <span className="override-label">{o.label}</span>
                    <button
                      type="button"
                      className="btn btn-sm btn-ghost btn-danger"
                      onClick={() => void removeOverride(o.id)}
                      aria-label={`Remove ${o.label}`}
                      data-testid={`scenario-override-remove-${o.id}`}
                    >
                      <Icon name="close" size={12} />
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="panel panel-body">
            <OverrideEditor onAdd={addOverride} />
          </section>
        </div>
      )}
      {tab === 'compare' &&
        (compare ? (
          <>
            {planState === 'stale' && (
              <div className="banner banner-warning">
                The overrides changed after this plan: the comparison shows the previous plan. Plan the scenario again.
              </div>
            )}
            <ComparisonView data={compare} scenarioName={s.name} />
          </>
        ) : comparing || planState === 'planning' ? (
          <div className="note scenario-loading">{planState === 'planning' ? 'Planning the scenario; the comparison follows…' : 'Comparing…'}</div>
        ) : (
          <EmptyState
            testId="scenario-compare-empty"
            title={compareError ? 'Comparison failed' : 'Not planned yet'}
            message={compareError ? describeError(compareError) : 'Plan the scenario to compare it with the base plan.'}
            actions={
              <button type="button" className="btn btn-primary" onClick={() => void plan()}>
                Plan scenario
              </button>
            }
          />
        ))}
    </section>
  );
}
