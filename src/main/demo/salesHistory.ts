// Demo sales history with a known generating process per finished style.
//
// STABLE SIGNATURE (the demo-data writer calls it to produce the Sales Activity Report file):
//
//   generateSalesHistory({ seed, scale, endDate, weeks = 156, styles, customers })
//     -> { lines: GeneratedSalesLine[], truth: { series, family, params, weeklyYds }[] }
//
//   seed       any integer; same options + seed => identical output (seeded PRNG, no clock)
//   scale      volume multiplier; 1 gives a style mean of a few hundred yds/week (the real mill: ~22k yds/week
//              over ~100 styles, top style ~40 %)
//   endDate    ISO date of the last possible invoice; the history covers the `weeks` ISO weeks ending with its week
//   styles     finished style ids (fStyle#); each gets one family, in a seeded rotation so the four are balanced
//   customers  customer names; each style sells to 1-3 of them
//
//   truth[i].series  the style id; family 'level' | 'trend' | 'seasonal' | 'intermittent'; params of its process;
//                    weeklyYds = the generated weekly demand (= the sum of that style's lines per week).
//
// Processes (weekly yds, rounded, never below 0; noise = N(0, 1) x noiseCv x level):
//   level         level x (1 + noise)
//   trend         (level + slope x t) x (1 + noise), slope chosen so the level grows or falls 60-150 % over the history
//   seasonal      level x (1 + amplitude x sin(2 pi (t + phase) / 52)) x (1 + noise)
//   intermittent  Bernoulli(probability) x size x lognormal(0, sizeSigma)
// Each week's quantity is split into 1-4 invoice lines on weekdays of that week, at the style's price (+-3 %).
import { addDays, daysBetween, mondayOf, type IsoDate } from '../../shared/dates';
import { createRng, type Rng } from '../engine/forecast/prng';
import type { SalesLine } from '../engine/forecast/types';

/** A generated invoice line: what the forecast reads, with the customer, unit and prices the export carries. */
export type GeneratedSalesLine = SalesLine & { customer: string; uom: string; unitPrice: number; linePrice: number };

export type DemandFamily = 'level' | 'trend' | 'seasonal' | 'intermittent';

export interface SalesHistoryOptions {
  seed: number;
  scale: number;
  endDate: IsoDate;
  weeks?: number;
  styles: string[];
  customers: string[];
}

export interface SalesHistoryTruth {
  series: string;
  family: DemandFamily;
  params: Record<string, number>;
  weeklyYds: number[];
}

export interface SalesHistory {
  lines: GeneratedSalesLine[];
  truth: SalesHistoryTruth[];
}

const FAMILIES: readonly DemandFamily[] = ['level', 'trend', 'seasonal', 'intermittent'];
const SEASON_WEEKS = 52;

function weeklyDemand(family: DemandFamily, weeks: number, scale: number, rng: Rng): { params: Record<string, number>; yds: number[] } {
  const level = Math.round(scale * 150 * Math.exp(1.2 * rng.normal()) + scale * 50);
  const noiseCv = 0.1 + 0.15 * rng.next();
  const noisy = (mu: number) => Math.max(0, Math.round(mu * (1 + noiseCv * rng.normal())));
  if (family === 'level') {
    return { params: { level, noiseCv }, yds: Array.from({ length: weeks }, () => noisy(level)) };
  }
  if (family === 'trend') {
    const change = (rng.next() < 0.5 ? -1 : 1) * (0.6 + 0.9 * rng.next());
    const end = change > 0 ? level * (1 + change) : level / (1 - change); // a falling style ends at 40-60 % of its start
    const slope = (end - level) / (weeks - 1);
    return { params: { level, slope, noiseCv }, yds: Array.from({ length: weeks }, (_, t) => noisy(level + slope * t)) };
  }
  if (family === 'seasonal') {
    const amplitude = 0.35 + 0.3 * rng.next();
    const phase = rng.int(0, SEASON_WEEKS - 1);
    return {
      params: { level, amplitude, phase, period: SEASON_WEEKS, noiseCv },
      yds: Array.from({ length: weeks }, (_, t) => noisy(level * (1 + amplitude * Math.sin((2 * Math.PI * (t + phase)) / SEASON_WEEKS)))),
    };
  }
  const probability = 0.15 + 0.3 * rng.next();
  const size = level * 2;
  const sizeSigma = 0.2 + 0.3 * rng.next();
  return {
    params: { probability, size, sizeSigma },
    yds: Array.from({ length: weeks }, () => (rng.next() < probability ? Math.round(size * Math.exp(sizeSigma * rng.normal())) : 0)),
  };
}

/** Split an integer quantity into `k` positive integer parts that add up to it. */
function split(qty: number, k: number, rng: Rng): number[] {
  const weights = Array.from({ length: k }, () => 0.5 + rng.next());
  const total = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.max(1, Math.floor((qty * w) / total)));
  parts[0] += qty - parts.reduce((a, b) => a + b, 0);
  return parts[0] > 0 ? parts : [qty];
}

const cents = (v: number) => Math.round(v * 100) / 100;

export function generateSalesHistory(options: SalesHistoryOptions): SalesHistory {
  const { seed, scale, endDate, styles, customers } = options;
  const weeks = options.weeks ?? 156;
  const rng = createRng(seed);
  const firstMonday = addDays(mondayOf(endDate), -7 * (weeks - 1));
  const offset = rng.int(0, FAMILIES.length - 1);
  let doc = 2_400_000 + rng.int(0, 99_999);

  const truth: SalesHistoryTruth[] = [];
  const lines: GeneratedSalesLine[] = [];
  styles.forEach((style, i) => {
    const family = FAMILIES[(i + offset) % FAMILIES.length];
    const { params, yds } = weeklyDemand(family, weeks, scale, rng);
    truth.push({ series: style, family, params, weeklyYds: yds });
    const buyers = Array.from({ length: Math.min(customers.length, rng.int(1, 3)) }, () => rng.pick(customers));
    const price = cents(3.5 + 9 * rng.next());
    const typicalLineYds = 150 + 600 * rng.next();
    yds.forEach((qty, w) => {
      if (qty <= 0) return;
      const monday = addDays(firstMonday, 7 * w);
      const lastDay = Math.min(4, Math.max(0, daysBetween(monday, endDate)));
      const k = Math.min(4, Math.max(1, Math.round(qty / typicalLineYds)), qty);
      for (const part of split(qty, k, rng)) {
        const unitPrice = cents(price * (0.97 + 0.06 * rng.next()));
        lines.push({
          document: `S${doc++}`,
          invoiceDate: addDays(monday, rng.int(0, lastDay)),
          customer: rng.pick(buyers),
          finishedStyle: style,
          qty: part,
          uom: 'yds',
          unitPrice,
          linePrice: cents(part * unitPrice),
        });
      }
    });
  });
  lines.sort((a, b) => (a.invoiceDate < b.invoiceDate ? -1 : a.invoiceDate > b.invoiceDate ? 1 : 0));
  return { lines, truth };
}
