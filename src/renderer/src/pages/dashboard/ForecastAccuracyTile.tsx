// How good the demand forecast is: WAPE of the selected forecast for the company total (weeks 1-4 pooled and week
// 9), the best simple baseline next to it, the styles' WAPE, and how many series are forecast.
import { glossaryText } from '../../../../shared/glossary';
import type { ReactNode } from 'react';
import type { ForecastAccuracyTile as Tile } from '../../../../shared/views';
import { Icon } from '../../components/Icon';
import { formatNumber, formatRatioPct } from '../../lib/format';
import { navigate } from '../../shell/useHashRoute';

const MODEL_LABELS: Record<string, string> = { naive: 'naive', ma4: 'MA-4', ma8: 'MA-8', mean: 'mean', seasonalNaive: 'seasonal naive' };

export function modelLabel(model: string): string {
  return MODEL_LABELS[model] ?? model;
}

export function ForecastAccuracyTile({ tile }: { tile: Tile | null }): ReactNode {
  if (!tile)
    return (
      <section className="panel" data-testid="dashboard-forecast-accuracy">
        <div className="panel-header">
          <h3 className="panel-title">Forecast accuracy</h3>
        </div>
        <div className="panel-body note">No forecast for this snapshot yet (it runs after the plan).</div>
      </section>
    );
  const baseline = tile.bestBaselineH1to4;
  const beats = baseline && tile.totalWapeH1to4 !== null ? tile.totalWapeH1to4 <= baseline.wape : null;
  return (
    <section className="panel forecast-tile" data-testid="dashboard-forecast-accuracy">
      <div className="panel-header">
        <h3 className="panel-title">Forecast accuracy</h3>
        <span className="panel-subtitle" title={glossaryText('wape')} data-testid="forecast-tile-wape-term">
          WAPE of rolling-origin backtests · lower is better
        </span>
        <div className="panel-actions">
          <button type="button" className="btn btn-sm btn-ghost" onClick={() => navigate('forecast')}>
            Forecast <Icon name="chevronRight" size={12} />
          </button>
        </div>
      </div>
      <div className="panel-body">
        <div className="facts forecast-facts">
          <div className="fact" data-testid="forecast-tile-h1to4">
            <span className="fact-label">Total · wk 1–4</span>
            <span className="fact-value">{formatRatioPct(tile.totalWapeH1to4)}</span>
          </div>
          <div className="fact" data-testid="forecast-tile-baseline">
            <span className="fact-label">Baseline{baseline ? ` ${modelLabel(baseline.model)}` : ''} · wk 1–4</span>
            <span className="fact-value">{baseline ? formatRatioPct(baseline.wape) : '–'}</span>
          </div>
          <div className="fact" data-testid="forecast-tile-h9">
            <span className="fact-label">Total · wk 9</span>
            <span className="fact-value">{formatRatioPct(tile.totalWapeH9)}</span>
          </div>
          <div className="fact" data-testid="forecast-tile-styles">
            <span className="fact-label">Styles · wk 1–4</span>
            <span className="fact-value">{formatRatioPct(tile.stylesWapeH1to4)}</span>
          </div>
        </div>
        <p className="note forecast-tile-note">
          {beats === false && <span className="note-warning">The selected forecast is behind the best baseline on the company total. </span>}
          {formatNumber(tile.seriesForecast)} series forecast, {formatNumber(tile.seriesOrdersOnly)} planned from orders only.
        </p>
      </div>
    </section>
  );
}
