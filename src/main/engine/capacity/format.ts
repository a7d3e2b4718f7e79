// Number formatting for explanation texts (en-US grouping, like the ERP's reports). Formatters are cached: creating
// one per call (toLocaleString) costs more than the whole schedule at 10x scale.
const formatters = new Map<number, Intl.NumberFormat>();

export function formatNumber(x: number, maxDecimals = 0): string {
  let f = formatters.get(maxDecimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: maxDecimals });
    formatters.set(maxDecimals, f);
  }
  return f.format(x);
}

/** Locale-independent string order (code units), so outputs do not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
