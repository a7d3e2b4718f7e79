// "Can we make it?": a style, a quantity and a start date against the plan's projected yarn balances, answered per
// yarn (what it needs, the tightest headroom, how short and from when), with the earliest feasible start; the
// question can be turned into a scenario holding that order.
import { useState, type ReactNode } from 'react';
import { availabilityYarnText, type Availability } from '../../../../shared/availability';
import { call } from '../../api';
import { Icon } from '../../components/Icon';
import { formatNumber, ISO_DATE_INPUT } from '../../lib/format';
import { navigate } from '../../shell/useHashRoute';
import { toast } from '../../stores/toastStore';

export function AvailabilityPanel({ styles, asOf }: { styles: readonly string[]; asOf: string }): ReactNode {
  const [style, setStyle] = useState('');
  const [lbs, setLbs] = useState('');
  const [start, setStart] = useState(asOf);
  const [answer, setAnswer] = useState<Availability | null>(null);
  const [busy, setBusy] = useState(false);
  const lbsNum = Number(lbs);
  const valid = style.trim() !== '' && Number.isFinite(lbsNum) && lbsNum > 0 && /^\d{4}-\d{2}-\d{2}$/.test(start);

  const check = async () => {
    if (!valid) return;
    setBusy(true);
    const r = await call('availability.check', { style: style.trim(), lbs: lbsNum, startDate: start });
    setBusy(false);
    setAnswer(r ?? null);
  };

  const makeScenario = async (a: Availability) => {
    const s = await call('scenarios.create', { name: `Can we make it: ${formatNumber(a.lbs)} lbs ${a.style} from ${a.startDate}`.slice(0, 120) });
    if (!s) return;
    const withOrder = await call('scenarios.addOverride', {
      id: s.id,
      override: { kind: 'knitOrderAdd', style: a.style, lbs: a.lbs, startDate: a.startDate },
    });
    if (!withOrder) return;
    toast('success', `Scenario “${s.name}” created`, 'Plan it to see the order in the schedule, the MRP and the alerts.');
    navigate('scenarios', { id: String(s.id) });
  };

  return (
    <section className="panel availability" data-testid="availability">
      <form
        className="availability-form"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <label className="field">
          Style
          <input
            className="input"
            list="availability-styles"
            value={style}
            onChange={(e) => setStyle(e.target.value)}
            placeholder="e.g. a greige style"
            data-testid="availability-style"
          />
          <datalist id="availability-styles">
            {styles.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
        <label className="field">
          Quantity (lbs)
          <input
            className="input input-num"
            type="number"
            min={1}
            step={1}
            value={lbs}
            onChange={(e) => setLbs(e.target.value)}
            data-testid="availability-lbs"
          />
        </label>
        <label className="field">
          Start date
          <input className="input" {...ISO_DATE_INPUT} value={start} onChange={(e) => setStart(e.target.value)} data-testid="availability-start" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!valid || busy} data-testid="availability-check">
          <Icon name="check" size={12} /> {busy ? 'Checking…' : 'Can we make it?'}
        </button>
      </form>
      {answer && <AvailabilityAnswer a={answer} onScenario={() => void makeScenario(answer)} />}
    </section>
  );
}

function AvailabilityAnswer({ a, onScenario }: { a: Availability; onScenario: () => void }): ReactNode {
  const verdict =
    a.status === 'no-bom'
      ? 'Cannot be checked: the style has no BOM'
      : a.feasible
        ? `Yes: ${formatNumber(a.lbs)} lbs of ${a.style} from ${a.startDate} is covered by the projected yarn`
        : `No: ${formatNumber(a.lbs)} lbs of ${a.style} from ${a.startDate} runs short of yarn${a.earliestFeasibleStart ? `; the earliest feasible start is ${a.earliestFeasibleStart}` : '; no start within the horizon is feasible'}`;
  return (
    <div
      className="availability-answer"
      data-testid="availability-answer"
      data-feasible={String(a.feasible)}
      data-earliest={a.earliestFeasibleStart ?? ''}
    >
      <p className={`availability-verdict ${a.feasible ? 'ok' : 'bad'}`} data-testid="availability-verdict">
        {verdict}
      </p>
      <p className="note">
        Plan as of {a.asOf} · BOM from {a.bomSource} ·{' '}
        {a.rateLbsPerDay === null
          ? 'no knitting rate: all yarn needed in the start week'
          : `knits ${formatNumber(a.rateLbsPerDay)} lbs/day (${a.rateSource})`}
      </p>
      <table className="availability-table num">
        <thead>
          <tr>
            <th>Yarn</th>
            <th>Description</th>
            <th className="right">Needs (lbs)</th>
            <th className="right">Tightest headroom (lbs)</th>
            <th className="right">Short (lbs)</th>
            <th>First short</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {a.yarns.map((y) => (
            <tr
              key={y.yarnId}
              data-testid="availability-yarn"
              data-yarn-id={y.yarnId}
              data-short-lbs={y.shortfallLbs}
              className={y.shortfallLbs > 0 ? 'bad' : undefined}
            >
              <td>
                <button type="button" className="link-button" onClick={() => navigate('yarn', { yarnId: y.yarnId })}>
                  {y.yarnId}
                </button>
              </td>
              <td>{y.description}</td>
              <td className="right">{formatNumber(y.requiredLbs)}</td>
              <td className="right">{formatNumber(y.minHeadroomLbs)}</td>
              <td className="right">{y.shortfallLbs > 0 ? formatNumber(y.shortfallLbs) : ''}</td>
              <td>{y.firstShortWeek ?? ''}</td>
              <td className="availability-why">{availabilityYarnText(y, a.thresholdLbs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.notes.length > 0 && <p className="note">{a.notes.join(' · ')}</p>}
      {a.status !== 'no-bom' && (
        <button
          type="button"
          className="btn"
          onClick={onScenario}
          data-testid="availability-scenario"
          title="A new scenario with this order added: plan it to see the schedule, MRP and alerts"
        >
          <Icon name="plus" size={12} /> Make it a scenario
        </button>
      )}
    </div>
  );
}
