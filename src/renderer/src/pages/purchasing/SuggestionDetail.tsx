// The suggestion under the cursor: its yarn's MRP record (where the planned receipt and release come from) and
// every suggestion of that yarn with its pegging, and its open PO receipt lines (each with "What if late?").
import type { ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import { MrpTable } from '../../components/MrpTable';
import { mondayOf } from '../../../../shared/dates';
import { navigate } from '../../shell/useHashRoute';
import { usePlanView } from '../../stores/planStore';
import { ReceiptsTable } from '../yarn/ReceiptsTable';
import { SuggestionsList } from '../yarn/SuggestionsList';

type Focused = { id: string; yarnId: string; receiptDate: string; releaseDate: string };

export function SuggestionDetail({ suggestion, onClose }: { suggestion: Focused | undefined; onClose: () => void }): ReactNode {
  const yarnId = suggestion?.yarnId;
  const view = usePlanView('view.yarnDetail', yarnId ? { yarnId } : undefined);
  if (!suggestion || !yarnId)
    return (
      <p className="note purchasing-detail-empty" data-testid="purchasing-detail">
        Click a suggestion to see its yarn’s MRP record (gross requirement, scheduled receipts, projected on hand, planned receipts and releases) and
        what it is pegged to. Tick several to accept them as PO drafts.
      </p>
    );
  const d = view.status === 'ready' ? view.data : undefined;
  const receipt = mondayOf(suggestion.receiptDate);
  const release = mondayOf(suggestion.releaseDate);
  return (
    <aside className="panel purchasing-detail" data-testid="purchasing-detail" data-yarn-id={yarnId}>
      <div className="panel-header">
        <div className="yarn-detail-title">
          <h3 className="panel-title">Yarn {yarnId}</h3>
          <span className="panel-subtitle">{d ? `${d.description} · ${d.supplier}` : 'Loading…'}</span>
        </div>
        <div className="panel-actions">
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => navigate('yarn', { yarnId })}
            title="Open the yarn with its pegged orders, receipts and substitutes"
          >
            Open yarn <Icon name="chevronRight" size={12} />
          </button>
          <button type="button" className="btn btn-sm btn-ghost" onClick={onClose} aria-label="Close the suggestion detail">
            <Icon name="close" size={14} />
          </button>
        </div>
      </div>
      <div className="purchasing-detail-body">
        {view.status === 'error' || (view.status === 'empty' && view.error) ? (
          <p className="note">{view.error?.message}</p>
        ) : !d ? (
          <p className="note">Loading the MRP record of yarn {yarnId}…</p>
        ) : (
          <>
            <section>
              <h4 className="section-title">
                MRP record <span className="muted">lbs per week · highlighted: this suggestion’s receipt week</span>
              </h4>
              <MrpTable rows={d.mrp} testId="purchasing-mrp" markWeeks={[receipt, release]} />
            </section>
            <section>
              <h4 className="section-title">
                Suggestions for this yarn <span className="muted">with what each covers</span>
              </h4>
              <SuggestionsList suggestions={d.suggestions} selectedId={suggestion.id} />
            </section>
            <section data-testid="purchasing-open-pos">
              <h4 className="section-title">
                Open POs of this yarn <span className="muted">receipt lines by week · what if one is late?</span>
              </h4>
              <ReceiptsTable receipts={d.receipts} yarnId={yarnId} asOf={d.asOf} />
            </section>
          </>
        )}
      </div>
    </aside>
  );
}
