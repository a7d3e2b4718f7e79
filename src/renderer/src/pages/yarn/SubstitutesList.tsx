// Yarns that could stand in for this one, best first: score, free stock, what they would cover, and per criterion
// why they match (material family, structure, size, blend, colour, ply, process).
import type { ReactNode } from 'react';
import type { Row } from '../../../../shared/views';
import { formatNumber } from '../../lib/format';
import { parseWhy } from '../../lib/pegging';

interface SubstitutesListProps {
  substitutes: Row[];
  onOpen: (yarnId: string) => void;
}

export function SubstitutesList({ substitutes, onOpen }: SubstitutesListProps): ReactNode {
  if (substitutes.length === 0) return <p className="note">No substitute yarn passes the matching rules (Settings → purchasing: substitute tolerances).</p>;
  return (
    <ul className="subst-list" data-testid="yarn-detail-substitutes">
      {substitutes.map((s) => {
        const id = String(s.yarnId);
        const score = typeof s.score === 'number' ? s.score : null;
        return (
          <li key={id} className="subst">
            <div className="subst-head">
              <button type="button" className="link-button subst-id" onClick={() => onOpen(id)} title="Open this yarn">
                {id}
              </button>
              <span className="subst-desc">{String(s.description ?? '')}</span>
              <span className="subst-score num" title="Match score, 0 to 100">
                score {score === null ? '–' : formatNumber(score * 100)}
              </span>
            </div>
            <div className="subst-figures num">
              free stock {formatNumber(Number(s.freeStockLbs ?? 0))} lbs · covers {formatNumber(Number(s.coverLbs ?? 0))} lbs of the shortage
            </div>
            <dl className="subst-why">
              {parseWhy(typeof s.why === 'string' ? s.why : '').map((w, i) => (
                <div key={i} className="subst-why-row">
                  <dt>{w.criterion}</dt>
                  <dd>{w.detail}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
