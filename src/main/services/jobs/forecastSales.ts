// The forecast's inputs handed to its job by a thread that holds the snapshot's planning data already (the CLI, right
// after its import), so the job does not read the snapshot again: a module apart from the job's (no engine loaded).
import type { PlanningData } from '../../../shared/domain/entities';
import type { IsoDate } from '../../../shared/dates';
import type { SalesLine } from '../../engine/forecast/types';
import type { StyleBridge } from '../../engine/yarn/types';
import { buildStyleBridge } from '../inputs/styleBridge';

/**
 * What the forecast reads of a snapshot, given by a thread that holds the snapshot's planning data already (the CLI,
 * right after its import): the sales lines and the style bridge's answer for each of their styles.
 */
export interface ForecastSales {
  asOf: IsoDate;
  salesHistory: SalesLine[];
  bridgeAnswers: [finishedStyle: string, answer: ReturnType<StyleBridge>][];
}

/** The forecast's inputs taken from a snapshot's planning data (the bridge asked once per style of the sales lines). */
export function forecastSalesOf(data: Parameters<typeof buildStyleBridge>[0] & Pick<PlanningData, 'asOf' | 'salesHistory'>): ForecastSales {
  const bridge = buildStyleBridge(data);
  const styles = new Set(data.salesHistory.map((l) => l.finishedStyle));
  return { asOf: data.asOf, salesHistory: data.salesHistory, bridgeAnswers: [...styles].map((style) => [style, bridge(style)]) };
}

/** The bridge of given answers; a style it was not given is a fault of the caller, never answered "unknown". */
export function answeringBridge(answers: ForecastSales['bridgeAnswers']): StyleBridge {
  const byStyle = new Map(answers);
  return (style) => {
    if (!byStyle.has(style)) throw new Error(`the forecast was given no style bridge answer for ${style}`);
    return byStyle.get(style)!;
  };
}
