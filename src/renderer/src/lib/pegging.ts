// Reading the pegging text the planner service puts on suggestions:
//   "2026-11-23:602.45[KO K2610091 (EM6386/5C)=424.44;KO K2610028 (NJ5003/R1)=178.02] 2026-12-07:397.55[...]"
// (yarn.detail), or the short form "2026-11-23: 602.5 lbs; 2026-12-07: 397.5 lbs" (purchasing.suggestions).

export interface PegDemand {
  /** e.g. "KO K2610091 (EM6386/5C)". */
  label: string;
  /** The knit order number when the label names one. */
  orderNo?: string;
  lbs: number;
}

export interface PegWeek {
  weekStart: string;
  lbs: number;
  demands: PegDemand[];
}

const LONG = /(\d{4}-\d{2}-\d{2}):\s*([\d.]+)(?:\[([^\]]*)\])?/g;

export function parsePegging(text: string | null | undefined): PegWeek[] {
  if (!text) return [];
  const out: PegWeek[] = [];
  for (const m of text.matchAll(LONG)) {
    const demands = (m[3] ?? '')
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const eq = part.lastIndexOf('=');
        const label = eq > 0 ? part.slice(0, eq).trim() : part;
        const lbs = eq > 0 ? Number(part.slice(eq + 1)) : NaN;
        const orderNo = /\bKO\s+(\S+)/.exec(label)?.[1];
        return { label, orderNo, lbs: Number.isFinite(lbs) ? lbs : 0 };
      });
    out.push({ weekStart: m[1], lbs: Number(m[2]), demands });
  }
  return out;
}

/** "material family: polyester vs polyester; size: 7.78 vs 7.78 tex: 0 % (limit 5 %)" -> criteria. */
export function parseWhy(text: string | null | undefined): { criterion: string; detail: string }[] {
  if (!text) return [];
  return text
    .split(/;\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const i = part.indexOf(':');
      return i > 0 ? { criterion: part.slice(0, i).trim(), detail: part.slice(i + 1).trim() } : { criterion: '', detail: part };
    });
}
