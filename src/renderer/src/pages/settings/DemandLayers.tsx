// Settings › Demand layers: whether the plan adds the sales-order layer and the forecast layer to the knit-order
// demand (`settings.getLayers` / `settings.setLayers`). A switch re-plans the active snapshot; its progress shows here.
import { useState, type ReactNode } from 'react';
import type { ChannelOutput } from '../../../../shared/contract';
import { call } from '../../api';
import { JobProgress } from '../../components/JobProgress';
import { useChannel } from '../../lib/useChannel';
import { usePlanStore } from '../../stores/planStore';
import { describeError, toast } from '../../stores/toastStore';

type Layers = ChannelOutput<'settings.getLayers'>;
type LayerKey = keyof Layers;

const LAYERS: { key: LayerKey; label: string; adds: string }[] = [
  {
    key: 'salesOrders',
    label: 'Sales-order layer',
    adds: 'Adds open sales orders not covered by fabric stock or open knit orders, exploded to yarn through the greige style’s BOM, in the week each one is needed.',
  },
  {
    key: 'forecast',
    label: 'Forecast layer',
    adds: 'Adds the demand forecast of each greige style that open sales orders have not consumed yet, exploded to yarn through the style’s BOM.',
  },
];

export function DemandLayers(): ReactNode {
  const version = usePlanStore((s) => s.version);
  const layers = useChannel('settings.getLayers', {}, [version]);
  const [pending, setPending] = useState<Partial<Layers>>({});
  const [jobId, setJobId] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const toggle = async (key: LayerKey, on: boolean) => {
    setBusy(true);
    setPending((p) => ({ ...p, [key]: on }));
    const r = await call('settings.setLayers', { [key]: on });
    setBusy(false);
    if (!r) {
      setPending((p) => ({ ...p, [key]: undefined }));
      return;
    }
    setJobId(r.jobId);
    const label = LAYERS.find((l) => l.key === key)?.label ?? key;
    toast('success', `${label} ${on ? 'on' : 'off'}`, r.jobId ? 'The plan is being recomputed.' : 'It applies at the next plan run.');
    layers.reload();
  };

  return (
    <section className="panel settings-layers" id="area-layers" data-testid="settings-layers">
      <div className="panel-header">
        <h2 className="panel-title">Demand layers</h2>
        <span className="panel-subtitle">what creates yarn demand besides the open knit orders</span>
        <JobProgress jobId={jobId} testId="settings-layers-job" label="Re-planning" />
      </div>
      {layers.status === 'error' ? (
        <p className="note text-negative panel-body">Could not read the layers: {layers.error ? describeError(layers.error) : 'unknown error'}</p>
      ) : (
        <ul className="settings-layer-list">
          {LAYERS.map((l) => {
            const on = pending[l.key] ?? layers.data?.[l.key];
            return (
              <li key={l.key} className="settings-layer">
                <label className="switch settings-layer-switch">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={on === true}
                    aria-checked={on === true}
                    disabled={on === undefined || busy}
                    onChange={(e) => void toggle(l.key, e.target.checked)}
                    data-testid={`settings-layer-${l.key}`}
                  />
                  <span className="settings-layer-name">{l.label}</span>
                  <span className={on ? 'pill pill-info' : 'pill'}>{on === undefined ? '…' : on ? 'On' : 'Off'}</span>
                </label>
                <p className="note settings-layer-adds">{l.adds}</p>
              </li>
            );
          })}
        </ul>
      )}
      <p className="note settings-layers-foot">
        The layers go into the projected yarn balance, the shortages, the MRP and the purchase suggestions. The ERP-layout tables (Demand by KO, by
        style and by yarn) never include them, so they stay comparable with the ERP’s own reports.
      </p>
    </section>
  );
}
