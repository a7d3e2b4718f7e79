// The what-if dialog: asks the one value (days late / new start / down from-to), then creates the scenario with that
// override, plans it, waits for its plan and opens its comparison with the base plan.
import { useState, type ReactNode } from 'react';
import { api, call } from '../../api';
import { Modal } from '../../components/Modal';
import { ISO_DATE_INPUT } from '../../lib/format';
import { navigate } from '../../shell/useHashRoute';
import { toast } from '../../stores/toastStore';
import { buildWhatIf, daysLateHint, defaultValues, whatIfSubtitle, type WhatIfAsk, type WhatIfValues } from './whatIf';

const TITLE: Record<WhatIfAsk['kind'], string> = {
  poLate: 'What if this PO is late?',
  orderMoves: 'What if this order moves?',
  machineDown: 'What if this machine is down?',
};

/** Resolves when the scenario's plan is stored (`plan.changed` for it), rejects when its job fails. */
function planAndWait(scenarioId: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const off = api.on('plan.changed', (e) => {
      if (e.scenarioId !== scenarioId) return;
      off();
      resolve();
    });
    void call('scenarios.plan', { id: scenarioId }).then((r) => {
      if (!r) {
        off();
        reject(new Error('the scenario could not be planned'));
      }
    });
  });
}

export function WhatIfDialog({ ask, onClose }: { ask: WhatIfAsk; onClose: () => void }): ReactNode {
  const [values, setValues] = useState<WhatIfValues>(() => defaultValues(ask));
  const [error, setError] = useState('');
  const [step, setStep] = useState<'' | 'creating' | 'planning'>('');
  const set = (k: keyof WhatIfValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));

  const run = async () => {
    const built = buildWhatIf(ask, values);
    if (!built.ok) {
      setError(built.error);
      return;
    }
    setError('');
    setStep('creating');
    const s = await call('scenarios.create', { name: built.name });
    const withOverride = s && (await call('scenarios.addOverride', { id: s.id, override: built.override }));
    if (!s || !withOverride) {
      setStep('');
      return;
    }
    setStep('planning');
    try {
      await planAndWait(s.id);
    } catch (e) {
      setStep('');
      setError(`Scenario “${s.name}” was created but ${(e as Error).message}.`);
      return;
    }
    toast('success', `Scenario “${s.name}” planned`, withOverride.overrides[0]?.label);
    onClose();
    navigate('scenarios', { id: String(s.id) });
  };

  const busy = step !== '';
  return (
    <Modal
      title={TITLE[ask.kind]}
      subtitle={whatIfSubtitle(ask)}
      testId="whatif-dialog"
      busy={busy}
      onClose={onClose}
      onSubmit={() => void run()}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy} data-testid="whatif-cancel">
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} data-testid="whatif-run">
            {step === 'creating' ? 'Creating…' : step === 'planning' ? 'Planning the scenario…' : 'Create scenario and plan it'}
          </button>
        </>
      }
    >
      {ask.kind === 'poLate' && (
        <label className="field">
          Days late
          <input
            className="input input-num"
            type="number"
            min={1}
            max={365}
            step={1}
            value={values.days ?? ''}
            onChange={set('days')}
            data-testid="whatif-days"
          />
        </label>
      )}
      {ask.kind === 'poLate' && (
        <p className="note" data-testid="whatif-days-hint">
          {daysLateHint(ask, values)}
        </p>
      )}
      {ask.kind === 'orderMoves' && (
        <label className="field">
          New start
          <input className="input" {...ISO_DATE_INPUT} value={values.start ?? ''} onChange={set('start')} data-testid="whatif-start" />
        </label>
      )}
      {ask.kind === 'machineDown' && (
        <div className="pin-fields">
          <label className="field">
            Down from
            <input className="input" {...ISO_DATE_INPUT} value={values.from ?? ''} onChange={set('from')} data-testid="whatif-from" />
          </label>
          <label className="field">
            to (inclusive)
            <input className="input" {...ISO_DATE_INPUT} value={values.to ?? ''} onChange={set('to')} data-testid="whatif-to" />
          </label>
        </div>
      )}
      {error && (
        <p className="note note-warning" role="alert" data-testid="whatif-error">
          {error}
        </p>
      )}
      <p className="note">A new scenario holds this one change on top of the current snapshot; the base plan is not touched.</p>
    </Modal>
  );
}
