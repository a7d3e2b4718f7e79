// Yarns that could stand in for this one, best first: score, free stock, what they would cover, and per criterion
// why they match (material family, structure, size, blend, colour, ply, process).
import type { ReactNode } from 'react';
import type { Substitute } from '../../../../shared/views';
import { formatNumber } from '../../lib/format';

interface SubstitutesListProps {
  substitutes: Substitute[];
  onOpen: (yarnId: string) => void;
}

export function SubstitutesList({ substitutes, onOpen }: SubstitutesListProps): ReactNode {
  if (substitutes.length === 0)
    return <p className="note">No substitute yarn passes the matching rules (Settings → purchasing: substitute tolerances).</p>;
  return (
    <ul className="subst-list" data-testid="yarn-detail-substitutes">
      {substitutes.map((s) => (
        <li key={s.yarnId} className="subst">
          <div className="subst-head">
            <button type="button" className="link-button subst-id" onClick={() => onOpen(s.yarnId)} title="Open this yarn">
              {s.yarnId}
            </button>
            <span className="subst-desc">{s.description}</span>
            <span className="subst-score num" title="Match score, 0 to 100">
              score {formatNumber(s.score * 100)}
            </span>
          </div>
          <div className="subst-figures num">
            free stock {formatNumber(s.freeStockLbs)} lbs · covers {formatNumber(s.coverLbs)} lbs of the shortage
          </div>
          <dl className="subst-why">
            {s.criteria.map((w) => (
              <div key={w.criterion} className="subst-why-row" title={w.factor < 1 ? `lowers the score: × ${formatNumber(w.factor, 2)}` : undefined}>
                <dt>{w.criterion}</dt>
                <dd>{w.detail}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
